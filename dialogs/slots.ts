import type { RecognizedEntities } from './ports';

/**
 * How the recogniser's entities answer the questions of the knowledge base's trees, slot by slot. A value is
 * only taken when it is one of the values the current question offers, so an entity never leads outside the tree.
 */
type SlotReader = (entities: RecognizedEntities) => string | undefined;

const yesNo = (value: boolean | undefined): string | undefined =>
  value === undefined ? undefined : value ? 'oui' : 'non';

/** Difficulties that are situations of their own rather than the nature of an active worker's difficulty. */
const SITUATION_DIFFICULTIES: Record<string, string> = {
  retraite: 'retraite_proche',
  invalidite: 'invalide',
  deces_conjoint: 'conjoint_survivant',
};

/**
 * Difficulties whose answer for an active worker holds only the Assurance Maladie's aids (AMA, aide au répit, aides
 * non spécifiques), which a practitioner or medical auxiliary under convention (PamC) can ask for too: for a PamC
 * whose story names only these, that answer is more precise than the PamC leaf's overview. The CPSTI's aids that a
 * PamC cannot have (ACED, AFE, aide d'urgence) are in none of their leaves (`tests/dialogs/routing.test.ts`).
 */
export const PAMC_OPEN_DIFFICULTIES: ReadonlySet<string> = new Set([
  'aidant',
  'sante_activite',
  'frais_sante',
]);

/** The difficulties of an active worker's business (not retirement, invalidity or bereavement). */
export function activeDifficulties(e: RecognizedEntities): string[] {
  return (e.difficultes ?? []).filter((d) => SITUATION_DIFFICULTIES[d] === undefined);
}

/**
 * How each slot of the trees is read from the entities. A slot with no reader is simply asked: a new journey needs
 * no code here unless its first message should answer a question of a new kind.
 */
/** The situation read from a PamC's story: `actif` when its difficulties all lead to aids open to them. */
function pamcSituation(e: RecognizedEntities): string {
  const kinds = activeDifficulties(e);
  return kinds.length > 0 && kinds.every((d) => PAMC_OPEN_DIFFICULTIES.has(d)) ? 'actif' : 'pamc';
}

const READERS: Record<string, SlotReader> = {
  situation: (e) =>
    (e.situation === 'pamc' ? pamcSituation(e) : e.situation) ??
    e.difficultes?.map((d) => SITUATION_DIFFICULTIES[d]).find((situation) => situation !== undefined) ??
    // A status ("je suis électricien") or a difficulty of the business ("mon camion est en panne") means active,
    // unless the person speaks of the activity in the past ("j'étais boulanger, retraité depuis 5 ans").
    (!e.activiteTerminee && (e.statut !== undefined || activeDifficulties(e).length > 0)
      ? 'actif'
      : undefined) ??
    // « je ne suis plus en activité », « j'ai tout arrêté »: the tree's option for an activity that is over.
    (e.activiteTerminee ? 'activite_terminee' : undefined),
  difficulte: (e) => {
    const kinds = activeDifficulties(e);
    // A natural disaster among several difficulties: its leaf (the aide d'urgence, decided within 48 h, with the
    // ACED and the AFE) answers the others too, and HELP follows when difficulties add up.
    if (kinds.length > 1 && kinds.includes('catastrophe_naturelle')) return 'catastrophe_naturelle';
    return kinds.length > 1 ? 'plusieurs' : kinds[0];
  },
  // An adoption is its own leave, whatever the status (« nous allons adopter, je suis commerçant » was given the
  // pregnancy's). A business that is closed (« j'ai fermé en juin. je suis enceinte ») is no status for the leave,
  // nor the status of someone whose partner is pregnant, nor of a couple who expects a child without saying who
  // carries it (« on attend un bébé, je suis plombier »): asked (or read from the option's `told` phrases).
  statut_maternite: (e) =>
    e.adoption
      ? 'adoption'
      : e.statut === undefined || e.activiteTerminee || e.grossesseAutrui || e.grossesseCommune
        ? undefined
        : e.statut === 'conjoint_collaborateur'
          ? 'conjointe_collaboratrice'
          : 'cheffe_entreprise',
  naissance: (e) => {
    if (e.enfants !== undefined && e.enfants >= 3) return 'triples';
    if (e.enfants === 2) return 'jumeaux';
    if (e.rangEnfant !== undefined) return e.rangEnfant >= 3 ? 'troisieme_ou_plus' : 'premier_ou_deuxieme';
    return undefined;
  },
  arret_ald: (e) => yesNo(e.ald),
};

/**
 * The months of affiliation told — at least (`affiliationMois`) and fewer than (`affiliationMoisMoinsDe`) —, unless
 * the activity is over (« coiffeuse pendant 3 ans, j'ai fermé »).
 */
const affiliation = (e: RecognizedEntities): { atLeast?: number; under?: number } =>
  e.activiteTerminee ? {} : { atLeast: e.affiliationMois, under: e.affiliationMoisMoinsDe };

/**
 * Readers for families of slots, whose name carries the parameter: `affiliation_<months>_mois` → oui/non (now);
 * `affiliation_<months>_mois_a_terme` (at a date to come: the birth) → oui only. A duration told now proves it when
 * already long enough, but fewer months now may still be enough by then: the question is asked (« micro-entrepreneuse
 * depuis 6 mois, enceinte » was told « non, moins de 10 mois »).
 */
const PATTERN_READERS: ReadonlyArray<[RegExp, (match: RegExpExecArray) => SlotReader]> = [
  [
    /^affiliation_(\d+)_mois_a_terme$/,
    // The mother's affiliation at the birth: not read from the father's or co-parent's story.
    (match) => (e) => {
      const { atLeast } = e.grossesseAutrui ? {} : affiliation(e);
      return atLeast !== undefined && atLeast >= Number(match[1]) ? 'oui' : undefined;
    },
  ],
  [
    /^affiliation_(\d+)_mois$/,
    // « moins d'un an » (under 12) answers « non » to 12 months but nothing to 10 (it may be 11).
    (match) => (e) => {
      const { atLeast, under } = affiliation(e);
      const months = Number(match[1]);
      if (atLeast !== undefined && atLeast >= months) return 'oui';
      if (atLeast !== undefined && under === undefined) return 'non';
      return under !== undefined && under <= months ? 'non' : undefined;
    },
  ],
];

/** The slot asks how long the person has been affiliated in the activity (`affiliation_<months>_mois…`). */
export function asksAffiliation(slot: string | undefined): boolean {
  return slot !== undefined && /^affiliation_\d+_mois/.test(slot);
}

function readerOf(slot: string): SlotReader | undefined {
  if (Object.hasOwn(READERS, slot)) return READERS[slot];
  for (const [pattern, reader] of PATTERN_READERS) {
    const match = pattern.exec(slot);
    if (match) return reader(match);
  }
  return undefined;
}

export function valueFromEntities(
  slot: string,
  entities: RecognizedEntities,
  allowed: string[],
): string | undefined {
  const value = readerOf(slot)?.(entities);
  return value !== undefined && allowed.includes(value) ? value : undefined;
}

/**
 * The recogniser's intent for what a slot's question asks about (« Votre arrêt est-il dû à une ALD ? »: `ald`): a
 * message on that subject typed at the question (« j'étais en ALD l'année dernière ») is about the question, not a
 * change of subject.
 */
const SLOT_SUBJECTS: Readonly<Record<string, string>> = { arret_ald: 'ald' };

export function slotSubject(slot: string | undefined): string | undefined {
  return slot !== undefined && Object.hasOwn(SLOT_SUBJECTS, slot) ? SLOT_SUBJECTS[slot] : undefined;
}
