/**
 * Entity extraction with patterns over the normalised text (lower-case, no accents, elisions and SMS spellings
 * expanded: "n'arrive" → "ne arrive", "m'occuper" → "me occuper"). Amounts and dates read the folded raw text,
 * where digit groups, commas and slashes survive.
 */
import type {
  Entities,
  RecognizedDifficulty as Difficulte,
  RecognizedStatut as Statut,
  Situation,
} from '../contract';
import { fold } from './normalize';

export interface EntityOptions {
  /** Year used for dates written without one ("le 12 mars"); defaults to the current year. */
  referenceDate?: Date;
}

const NUMBER_WORDS: Record<string, number> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  dix_huit: 18,
  vingt: 20,
  trente: 30,
  quelques: 3,
};
const NUM =
  '(\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente)';
function toNumber(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : (NUMBER_WORDS[s] ?? NaN);
}

const ORDINAL_WORDS: Record<string, number> = {
  premier: 1,
  premiere: 1,
  '1er': 1,
  deuxieme: 2,
  second: 2,
  seconde: 2,
  troisieme: 3,
  quatrieme: 4,
  cinquieme: 5,
  sixieme: 6,
  septieme: 7,
  huitieme: 8,
};

// ---------------------------------------------------------------------------------------------- statut
const B = (s: string): RegExp => new RegExp(`(?:^| )(?:${s})(?= |$)`);
const STATUT_EXPLICIT: [Statut, RegExp][] = [
  [
    'conjoint_collaborateur',
    B(
      'conjointe? collaborat(?:eur|rice|eure)s?|collaborat(?:eur|rice) de mon (?:mari|epoux|conjoint)|collaboratrice de ma femme',
    ),
  ],
  [
    'micro_entrepreneur',
    B(
      'micro|micro entrepreneu(?:r|se)s?|micro entreprises?|auto ?entrepreneu(?:r|se)s?|autoentrepreneu(?:r|se)s?|ae|microentrepreneu(?:r|se)|microentreprise|regime micro',
    ),
  ],
  ['artisan', B('artisane?s?|artisanat|chambre des metiers|cma')],
  [
    'commercant',
    B(
      'commercante?s?|(?:mon|ma|un|une|petit|petite) (?:commerce|boutique|magasin|epicerie|restaurant|resto|bar|snack|food truck|bar tabac|tabac|librairie|brasserie|pizzeria|hotel)',
    ),
  ],
  [
    'profession_liberale',
    B('liberale?s?|profession liberale|professions liberales|en liberal|cipav|carmf|carpimko'),
  ],
];
const TRADES: [Statut, RegExp][] = [
  [
    'artisan',
    B(
      'electricien(?:ne)?|plombiers?|boulang(?:er|ere)|macons?|coiffeu(?:r|se)|menuisiere?|charpentier|couvreur|peintre en batiment|peintre|carreleur|plaquiste|bouch(?:er|ere)|charcutiere?|patissiere?|chauffagiste|serrurier|carrossier|ebeniste|cordonnier|estheticienne?|toiletteu(?:r|se)|traiteur|vitrier|ferronnier|soudeur|tatoueu(?:r|se)|couturiere?|paysagiste|jardinier|taxi|chauffeur de taxi|ambulanciere?|photographe|prothesiste dentaire|tapissier|staffeur|facadier|terrassier|ramoneur|frigoriste|metallier|artisan taxi|mecanicien(?:ne)? (?:a mon compte|independant)|garagiste (?:a mon compte|independant)|btp',
    ),
  ],
  [
    'commercant',
    B(
      'restaurat(?:eur|rice)|epiciere?|caviste|fleuriste|vendeu(?:r|se) (?:independante?|sur les marches|en ligne)|marchande?|forain|brocanteur|buraliste|hoteliere?|agent immobilier|agent commercial|e commerce|ecommerce|vente en ligne|commerce|boutique|magasin|gerante? de (?:magasin|boutique|bar|restaurant|commerce)|opticien(?:ne)?',
    ),
  ],
  [
    'profession_liberale',
    B(
      'avocate?|architecte|consultante?|expert comptable|graphiste|developpeu(?:r|se)|formatri?ce?|formateur|traductri?ce?|traducteur|geometre|notaire|huissier|veterinaire|orthophoniste|psychomotricien(?:ne)?|podologue|ergotherapeute|dieteticien(?:ne)?|sage femme|coach|journaliste pigiste|designer|ingenieur conseil|redacteur|redactrice|osteopathe|kinesitherapeute|infirmiere? liberale?|kine liberale?|(?:je suis|suis|en tant que|comme) (?:un |une )?(?:infirmiere?|kine|kinesitherapeute|osteo|osteopathe|medecin|dentiste|psychologue|pharmacien(?:ne)?|orthoptiste|chirurgien dentiste|sophrologue|psy)',
    ),
  ],
];

/** Said of oneself without a more precise status; only used when nothing more precise is found. */
const INDEPENDANT = B(
  'cheff?e? de entreprise|chef de entreprise|cheffe de mon entreprise|independante?s?|travailleu(?:r|se) independante?|a mon compte|a son compte|tns|travailleu(?:r|se) non salariee?|non salariee?|gerante? majoritaire|dirigeante? de (?:mon|ma|une|la) (?:entreprise|societe|boite)',
);

function findStatut(t: string): Statut | undefined {
  for (const [statut, re] of STATUT_EXPLICIT) if (re.test(t)) return statut;
  let best: Statut | undefined;
  let bestPos = Infinity;
  for (const [statut, re] of TRADES) {
    const m = re.exec(t);
    if (m && m.index < bestPos) {
      best = statut;
      bestPos = m.index;
    }
  }
  return best ?? (INDEPENDANT.test(t) ? 'independant' : undefined);
}

// ---------------------------------------------------------------------------------------------- difficultes
const HEALTH =
  '(?:malade|maladie|cancer|opere|operee|operation|hospitalise|hospitalisee|blesse|blessee|mal au dos|hernie|douleurs?|sante|burn out|burnout|depression|tendinite|fracture|avc|infarctus|sclerose|chimio)';
const WORK =
  '(?:travailler|travail|activite|boulot|clients?|chantiers?|entreprise|boutique|exercer|bosser|metier|boite|commerce|atelier|cabinet)';
const SPOUSE = '(?:mari|epoux|femme|epouse|conjointe?|compagnon|compagne|concubine?|partenaire|ami)';
const DIFFICULTES: [Difficulte, RegExp][] = [
  [
    'cotisations',
    new RegExp(
      [
        // debts, formal notices, enforcement, surcharges
        '(?:^| )(?:dettes?|endettee?s?|arrieres?|mises? en demeure|contraintes?|huissiers?|majorations?|penalites?)(?= |$)',
        // unpaid (but not a customer's unpaid invoices: that is an event of the business)
        '(?:^| )(?<!factures? )(?<!clients? )impayee?s?(?= |$)',
        'retards? (?:de|dans|sur) (?:mes |les |le |ma |la )?(?:paiements?|cotisations?|charges)',
        'cotisations? (?:impayees?|en retard|non payees?|pas payees?)',
        // "payer l'urssaf", "régler mes cotis", "payer ma cotisation", "payer à l'urssaf"
        '(?:payer|regler|paye|regle|rembourser|honorer) (?:a |au )?(?:mes |les |le |la |ma |mon |l )?(?:cotisations?|cotis|charges sociales|charges|urssaf|rsi|caisse)(?= |$)',
        '(?:^| )charges sociales(?= |$)',
        'je dois .{0,40}(?:urssaf|cotisations|charges)',
        '(?:urssaf|rsi|caisse) (?:me |nous )?(?:reclame|relance|poursuit|menace)',
        'relances? (?:de |du |de le |de la )?(?:le |la )?(?:urssaf|caisse|rsi)',
      ].join('|'),
    ),
  ],
  [
    'evenement_ponctuel',
    /(?:^| )(?:pannes?|en panne|incendie|incendies|cambriol\w*|vols?|volee?s?|degats? des eaux|sinistre|sinistres|casse|cassee?s?|explose|a pris feu|brule|brulee)(?= |$)|(?:perdu|perte de|perte d|perdre) (?:un |mon |mes |ma |le |de |du |d )?(?:gros |principal |plus gros |meilleur )?clients?|clients? (?:qui )?(?:ne me paie|ne paie|ne paye|ne me paye|ne me regle|ne regle|me paie pas|paie pas|paye pas|me doit|a fait faillite|en faillite)|(?:factures?|clients?) (?:\w+ )?impayee?s?|(?:^| )(?:degats? des eaux|fuite de eau|vols? de (?:materiel|marchandises?|outils?|stock))(?= |$)|(?:accident|accidente) (?:de |avec )?(?:mon |ma |le )?(?:voiture|camion|vehicule|utilitaire|scooter)/,
  ],
  [
    'catastrophe_naturelle',
    /(?:^| )(?:inondations?|inonde|inondee|inondes|crues?|tempetes?|grele|greles|seisme|tremblement de terre|ouragan|cyclone|glissement de terrain|secheresse|submersion|coulee de boue|catastrophes? naturelles?|intemperies)(?= |$)/,
  ],
  [
    'retraite',
    /(?:partir|depart|pars|prendre|prends|aller|passer|proche|bientot|approche|arriver|arrive|cesser|cessation|arreter|arrete|liquider|liquidation)(?: \w+){0,4} (?:a la |en |de |de la |pour la |ma )?retraite|retraite (?:dans|prevue|l annee prochaine|bientot)|(?:^| )fins? de carriere(?= |$)/,
  ],
  [
    'aidant',
    /(?:^| )(?:aidant|aidante|aidants|proche aidant|perte de autonomie|dependance|alzheimer|parkinson|repit)(?= |$)|(?:mere|pere|mari|femme|conjointe?|enfant|fils|fille|parents?|maman|papa|frere|soeur|epoux|epouse) (?:\w+ ){0,3}(?:dependante?|handicapee?|grabataire|en fin de vie|tres malade|gravement malade|alzheimer|parkinson)|(?:me |m |se )?occupe(?:r|s)? de (?:ma|mon|mes) (?:mere|pere|parents?|maman|papa|mari|femme|conjointe?|enfant|fils|fille|grand mere|grand pere|frere|soeur)/,
  ],
  [
    'frais_sante',
    /(?:payer|regler|avancer|financer|rembourser|assumer)(?: \w+){0,4} (?:soins|lunettes|dentiste|dents|medicaments|frais medicaux|frais de sante|traitements?|operation|appareils?|protheses?|consultations?|specialiste|kine|hospitalisation)|frais (?:de sante|medicaux|dentaires|optiques)|reste a charge|soins (?:trop )?(?:chers|couteux)|(?:pas|plus) les moyens de (?:me |se )?soigner|renonce a (?:me )?soigner/,
  ],
  ['invalidite', /(?:^| )(?:invalide|invalides|invalidite|pension de invalidite)(?= |$)/],
  [
    'deces_conjoint',
    new RegExp(
      `(?:^| )(?:veuf|veuve|conjoint survivant|conjointe survivante)(?= |$)|(?:mon|ma) ${SPOUSE} (?:\\w+ ){0,3}(?:decede|decedee|mort|morte|nous a quitte|nous a quittee|disparu|disparue)|(?:deces|perte|mort|disparition|perdu|enterre) (?:de )?(?:mon|ma) ${SPOUSE}(?= |$)`,
    ),
  ],
];
const SANTE_ACTIVITE = new RegExp(
  `${HEALTH}.{0,80}(?:${WORK}|(?:peux|peut|pouvoir|pourrai) plus|arreter|fermer)|(?:${WORK}|peux plus|peut plus).{0,80}${HEALTH}|(?:probleme|problemes|soucis?) de sante|(?:a cause de|pour|en raison de) (?:ma|mes|raisons? de) sante`,
);
/** A serious illness or an operation is enough on its own, unless the message is only about the cost of care. */
const SERIOUS_HEALTH =
  /(?:^| )(?:cancer|cancers|chimio|chimiotherapie|opere|operee|avc|infarctus|sclerose en plaques|leucemie|tumeur)(?= |$)/;

/**
 * Cheap tests that must pass before the expensive patterns above can match (each pattern needs one of these
 * substrings), so that most messages skip them: same results, less backtracking on every message.
 */
const PREFILTER: Partial<Record<Difficulte, RegExp>> = {
  retraite: /retraite|carriere/,
  aidant: /aidant|autonomie|dependan|alzheimer|parkinson|repit|handicap|grabataire|fin de vie|malade|occupe/,
  deces_conjoint: /veu[fv]|survivant|mari|epou|femme|conjoint|compagn|concubin|partenaire|ami/,
};
const HEALTH_ANY = new RegExp(HEALTH);

/** « pas de », « plus de », « aucun », « sans », « ni » just before a word: « je n'ai pas de dettes ». */
const NEGATED_BEFORE = /(?:^| )(?:(?:pas|plus|jamais eu|jamais) (?:de|des|d)|aucune?s?|sans|ni)(?: [a-z]+)?$/;

/** The global copy of each pattern `affirmed` walks through (made once, not at every call). */
const GLOBAL_COPIES = new WeakMap<RegExp, RegExp>();

/** True when one match of `re` in `t` is not negated (« pas de dettes » is no debt; « des dettes » is). */
function affirmed(re: RegExp, t: string): boolean {
  let all = GLOBAL_COPIES.get(re);
  if (!all) {
    all = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    GLOBAL_COPIES.set(re, all);
  }
  all.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = all.exec(t)) !== null) {
    if (!NEGATED_BEFORE.test(t.slice(Math.max(0, m.index - 30), m.index))) return true;
    if (m[0].length === 0) all.lastIndex++;
  }
  return false;
}

/** Said of an activity that is over: then a trade named in the message does not mean « en activité ». */
const PAST_ACTIVITY =
  /(?:^| )(?:je etais|jetais|ancienne? (?:artisane?|commercante?|independante?|boulang|coiffeu|restaura|chef)|je ai ete (?:artisane?|commercante?|independante?|a mon compte|boulang|coiffeu|restaura)|(?:je ai |jai |avoir )(?:cesse|arrete|ferme|vendu|radie|pris ma retraite)|je suis (?:a la )?retraitee?|suis a la retraite|(?:retraitee?|a la retraite) depuis|je ne (?:travaille|exerce|suis) plus (?:en activite|independante?|a mon compte)?|plus en activite|(?:ma |mon )(?:entreprise|activite|commerce|boutique|affaire) (?:est |a ete )?(?:fermee?|liquidee?|radiee?|vendue?|cedee?))(?= |$)/;

function findDifficultes(t: string): Difficulte[] {
  const out: Difficulte[] = [];
  for (const [d, re] of DIFFICULTES) {
    const pre = PREFILTER[d];
    if ((pre === undefined || pre.test(t)) && re.test(t) && affirmed(re, t)) out.push(d);
  }
  const healthThreatensWork = HEALTH_ANY.test(t) && SANTE_ACTIVITE.test(t);
  if (healthThreatensWork || (SERIOUS_HEALTH.test(t) && !out.includes('frais_sante'))) {
    // A serious illness alone counts; when the message is only about the cost of care it stays frais_sante.
    out.push('sante_activite');
  }
  return out;
}

function findSituation(t: string, difficultes: Difficulte[]): Situation | undefined {
  if (difficultes.includes('invalidite')) return 'invalide';
  if (difficultes.includes('retraite')) return 'retraite_proche';
  if (difficultes.includes('deces_conjoint')) return 'conjoint_survivant';
  if (
    /(?:^| )je (?:travaille|bosse|exerce)(?! (?:pas|plus))|en activite|toujours (?:en activite|a mon compte|installee?)|continue (?:a|de) (?:travailler|exercer)|je suis (?:installee?|a mon compte)|mon activite continue/.test(
      t,
    )
  ) {
    return 'actif';
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------- enfants
// Compiled once: these run on every message.
const EXPECTING = new RegExp(
  `(?:attends?|attendons|enceinte de|grossesse de|accueillir|adopter|adopte|adoptons) ${NUM} (?:bebes?|enfants?)`,
);
const ALREADY_HAVE = new RegExp(`(?:deja|ai deja|avons deja) ${NUM} (?:enfants?|gamins?|petits|bebes?)`);
const HAVE_CHILDREN = new RegExp(`(?:je ai|nous avons|on a|ai) ${NUM} (?:enfants?|gamins?)`);
const AFFIL_SINCE = new RegExp(
  `(?:depuis|il y a|ca fait|cela fait|voila|pendant) (?:plus de |moins de |presque |environ |bientot )?${NUM} (mois|ans?|annees?)(?: et (demi|\\d+ mois))?`,
  'g',
);
const AFFIL_DURATION = new RegExp(
  `${NUM} (mois|ans?|annees?) (?:de activite|de installation|de affiliation|a mon compte|en independant|en tant que independant|de micro)`,
);
function findEnfants(t: string): number | undefined {
  if (/(?:^| )quadruples(?= |$)/.test(t)) return 4;
  if (/(?:^| )triples(?= |$)|(?:^| )triplees(?= |$)/.test(t)) return 3;
  if (/(?:^| )jumea(?:ux|u)|jumelles?(?= |$)/.test(t)) return 2;
  const m = EXPECTING.exec(t);
  if (m) {
    const n = toNumber(m[1]);
    if (n >= 1 && n <= 6) return n;
  }
  return undefined;
}

const BIRTH_CONTEXT =
  /enceinte|grossesse|attends|attend un|attendons|naissance|accouch|adopt|bebe|paternite|maternite|naitre|arrivee/;
function findRang(t: string): number | undefined {
  const ord = /(?:^| )(\d+)e (?:enfant|bebe|grossesse|naissance|adoption|fils|fille|gamin|petit)/.exec(t);
  if (ord) return Number(ord[1]);
  const ordW =
    /(?:^| )(premier|premiere|1er|deuxieme|second|seconde|troisieme|quatrieme|cinquieme|sixieme|septieme|huitieme) (?:enfant|bebe|grossesse|naissance|adoption|fils|fille|gamin|petit)/.exec(
      t,
    );
  if (ordW) return ORDINAL_WORDS[ordW[1]];
  if (BIRTH_CONTEXT.test(t)) {
    const bare =
      /(?:du|le|mon|notre|au|de mon|de notre) (\d+e|deuxieme|second|troisieme|quatrieme|cinquieme|sixieme)(?= |$)/.exec(
        t,
      );
    if (bare) return /^\d/.test(bare[1]) ? parseInt(bare[1], 10) : ORDINAL_WORDS[bare[1]];
  }
  const already = ALREADY_HAVE.exec(t);
  if (already) {
    const n = toNumber(already[1]);
    if (n >= 0 && n < 15) return n + 1;
  }
  const have = HAVE_CHILDREN.exec(t);
  if (have && BIRTH_CONTEXT.test(t)) {
    const n = toNumber(have[1]);
    if (n >= 0 && n < 15) return n + 1;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------- ald
function findAld(t: string): boolean | undefined {
  const mention = /(?:^| )ald(?= |$)|affection (?:de )?longue duree|longue maladie/;
  if (!mention.test(t)) return undefined;
  if (/(?:pas|plus|sans|hors|jamais) (?:en |de |une |d )?(?:ald|affection)/.test(t)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------- affiliation
const AFFIL_POS =
  /installe|compte|independant|affilie|cree|creation|lance|activite|entreprise|micro|artisan|commercant|liberal|immatricul|inscrit|ouvert|demarre|exerce|travaille|boite|societe|urssaf|cotise|auto entrepreneur|metier|cabinet|boutique|commerce/;
const AFFIL_NEG =
  /malade|maladie|arret|enceinte|hospitalis|douleur|deces|decede|veu|retard|dette|panne|chomage|invalid|souffre|cancer|depression|mal |marie|pacse|ensemble|attends|essaie/;
function findAffiliation(t: string): number | undefined {
  const re = AFFIL_SINCE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t)) !== null) {
    const n = toNumber(m[1]);
    if (!Number.isFinite(n)) continue;
    let months = m[2] === 'mois' ? n : n * 12;
    if (m[3] === 'demi') months += m[2] === 'mois' ? 0 : 6;
    else if (m[3]) months += Number(m[3].split(' ')[0]);
    const clauseStart = Math.max(t.lastIndexOf(' et ', m.index), t.lastIndexOf(' mais ', m.index), 0);
    const before = t.slice(Math.max(clauseStart, m.index - 60), m.index);
    const after = t.slice(m.index, m.index + m[0].length + 25);
    if (AFFIL_POS.test(before) || AFFIL_POS.test(after.slice(m[0].length))) return months;
    if (!AFFIL_NEG.test(before) && !AFFIL_NEG.test(after)) return months;
  }
  const dur = AFFIL_DURATION.exec(t);
  if (dur) {
    const n = toNumber(dur[1]);
    if (Number.isFinite(n)) return dur[2] === 'mois' ? n : n * 12;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------- montants
function findMontants(folded: string): number[] {
  const out: number[] = [];
  const re =
    /(\d{1,3}(?:[ .\u00a0\u202f]\d{3})+|\d+)(?:[,.](\d{1,2}))?\s*(k|m)?\s*(€|euros?\b|eur\b|balles\b)|(\d+(?:[,.]\d+)?)\s*(k)(?:€|\b)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded)) !== null) {
    let value: number;
    if (m[5] !== undefined) {
      value = Number(m[5].replace(',', '.')) * 1000;
    } else {
      value = Number(m[1].replace(/[ .\u00a0\u202f]/g, ''));
      if (m[2]) value += Number(`0.${m[2]}`);
      if (m[3] === 'k') value *= 1000;
      else if (m[3] === 'm') value *= 1_000_000;
    }
    if (Number.isFinite(value) && !out.includes(value)) out.push(Math.round(value * 100) / 100);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- dates
const MONTHS: Record<string, number> = {
  janvier: 1,
  janv: 1,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  mars: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  aout: 8,
  septembre: 9,
  sept: 9,
  octobre: 10,
  oct: 10,
  novembre: 11,
  nov: 11,
  decembre: 12,
  dec: 12,
};
function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1) return undefined;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > dim) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}
function findDates(folded: string, ref: Date): string[] {
  const out: string[] = [];
  const push = (s: string | undefined): void => {
    if (s && !out.includes(s)) out.push(s);
  };
  const year = ref.getFullYear();
  const numeric = /(?:^|[^\d])(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?(?![\d/])/g;
  let m: RegExpExecArray | null;
  while ((m = numeric.exec(folded)) !== null) {
    // "12.5" is a number, not a date: require a year or a slash.
    if (!m[3] && !m[0].includes('/')) continue;
    push(iso(m[3] ? fullYear(m[3]) : year, Number(m[2]), Number(m[1])));
  }
  const named =
    /(?:^|[^\d])(1er|\d{1,2}|premier)\s+(janvier|janv|fevrier|fevr|fev|mars|avril|avr|mai|juin|juillet|juil|aout|septembre|sept|octobre|oct|novembre|nov|decembre|dec)\.?(?:\s+(\d{4}))?/g;
  while ((m = named.exec(folded)) !== null) {
    const d = m[1] === '1er' || m[1] === 'premier' ? 1 : Number(m[1]);
    push(iso(m[3] ? Number(m[3]) : year, MONTHS[m[2]], d));
  }
  const rel: [RegExp, number][] = [
    [/(?:^|\s)aujourd'?hui(?=\s|$|[.,!?])/, 0],
    [/(?:^|\s)apres-?demain(?=\s|$|[.,!?])/, 2],
    [/(?:^|\s)demain(?=\s|$|[.,!?])/, 1],
    [/(?:^|\s)hier(?=\s|$|[.,!?])/, -1],
  ];
  for (const [re, delta] of rel) {
    if (re.test(folded)) {
      const d = new Date(Date.UTC(ref.getFullYear(), ref.getMonth(), ref.getDate() + delta));
      push(iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
    }
  }
  return out;
}

/**
 * @param normalized the normalised (and spell-corrected) text, tokens joined by single spaces
 * @param raw the user's text as typed
 */
export function extractEntities(normalized: string, raw: string, options: EntityOptions = {}): Entities {
  return extractEntitiesFolded(normalized, fold(raw), options);
}

/** `extractEntities` with the user's text already passed through `fold` (the recogniser folds it once). */
export function extractEntitiesFolded(
  normalized: string,
  folded: string,
  options: EntityOptions = {},
): Entities {
  const t = normalized;
  const e: Entities = {};
  const statut = findStatut(t);
  if (statut) e.statut = statut;
  if (PAST_ACTIVITY.test(t)) e.activiteTerminee = true;
  const difficultes = findDifficultes(t);
  if (difficultes.length > 0) e.difficultes = difficultes;
  const situation = findSituation(t, difficultes);
  if (situation) e.situation = situation;
  const enfants = findEnfants(t);
  if (enfants !== undefined) e.enfants = enfants;
  const rang = findRang(t);
  if (rang !== undefined) e.rangEnfant = rang;
  const ald = findAld(t);
  if (ald !== undefined) e.ald = ald;
  const aff = findAffiliation(t);
  if (aff !== undefined) e.affiliationMois = aff;
  const montants = findMontants(folded);
  if (montants.length > 0) e.montants = montants;
  const dates = findDates(folded, options.referenceDate ?? new Date());
  if (dates.length > 0) e.dates = dates;
  return e;
}
