import { isOutOfScope, refineIntent, settleAmbiguity } from '../../dialogs/mainDialog';
import { getRecognizer } from '../../nlu';
import type { RecognizedEntities } from '../../dialogs/ports';
import { PAMC_OPEN_DIFFICULTIES, valueFromEntities } from '../../dialogs/slots';
import { loadKnowledge } from '../../knowledge/loader';
import { resolve } from '../../knowledge/tree';
import { DifficulteSchema, SituationSchema } from '../../contract/entities';

describe('routing from entities', () => {
  it('sends a story of business difficulties with no recognised need to the aide-financière journey', () => {
    expect(refineIntent('None', { difficultes: ['evenement_ponctuel'] })).toBe('aide_financiere');
    expect(refineIntent('None', { situation: 'retraite_proche' })).toBe('aide_financiere');
    expect(refineIntent('None', {})).toBe('None');
  });

  it('sends distress with several business difficulties through the tree (aids and HELP), not HELP alone', () => {
    expect(refineIntent('help', { difficultes: ['cotisations', 'sante_activite'] })).toBe('aide_financiere');
    expect(refineIntent('help', { difficultes: ['cotisations'] })).toBe('help');
    expect(refineIntent('help', {})).toBe('help');
  });

  it('settles a HELP / aide financière hesitation only when several difficulties are named', () => {
    const pair = { first: 'help', second: 'aide_financiere' };
    expect(settleAmbiguity(pair, { difficultes: ['cotisations', 'aidant'] })).toBe('aide_financiere');
    expect(settleAmbiguity(pair, { difficultes: ['cotisations'] })).toBeUndefined();
    expect(
      settleAmbiguity({ first: 'maternite', second: 'adoption' }, { difficultes: ['cotisations', 'aidant'] }),
    ).toBeUndefined();
  });
});

describe('out of scope', () => {
  const base = getRecognizer().recognize('comment déclarer la TVA ?');
  const withField = {
    ...base,
    topIntent: 'None' as const,
    score: 0.35,
    outOfScope: { domain: 'impots', contacts: [] },
    distress: { level: 'none' as const, signals: [], need: 'help' as const },
  };

  it('a field outside the domain stays out of scope for someone merely in activity', () => {
    expect(isOutOfScope({ ...withField, entities: { situation: 'actif' } })).toBe(true);
  });

  it('a situation or a difficulty the aids answer brings it back in scope', () => {
    expect(isOutOfScope({ ...withField, entities: { situation: 'retraite_proche' } })).toBe(false);
    expect(isOutOfScope({ ...withField, entities: { difficultes: ['cotisations'] } })).toBe(false);
  });

  it('asking whom to call about a field outside the domain is out of scope, not answered with the bot’s contacts', () => {
    expect(isOutOfScope({ ...withField, topIntent: 'contact', score: 0.8, entities: {} })).toBe(true);
    expect(isOutOfScope({ ...withField, topIntent: 'contact', score: 0.8, outOfScope: undefined })).toBe(
      false,
    );
  });

  it("in a field about other people, the situation named is theirs: an employee's illness stays out of scope", () => {
    const employees = { ...withField, outOfScope: { domain: 'salaries', contacts: [], aboutOthers: true } };
    const ill = { entities: { difficultes: ['sante_activite' as const] } };
    expect(isOutOfScope({ ...employees, ...ill })).toBe(true);
    // A topic the recogniser is unsure of does not bring it back (the dialog answers both)…
    expect(isOutOfScope({ ...employees, ...ill, topIntent: 'indemnites_journalieres', score: 0.45 })).toBe(
      true,
    );
    // …a topic it is sure of does.
    expect(isOutOfScope({ ...employees, ...ill, topIntent: 'indemnites_journalieres', score: 0.8 })).toBe(
      false,
    );
    // In a field about the person's own affairs, the difficulty still brings it back in scope.
    expect(isOutOfScope({ ...withField, ...ill })).toBe(false);
  });

  it('the recogniser reads an employer question about a sick employee as the field « salariés », about others', () => {
    const r = getRecognizer().recognize(
      'Comment faire le bulletin de paie de mon employé en arrêt maladie, je le paie ou pas ?',
    );
    expect(r.outOfScope).toMatchObject({ domain: 'salaries', aboutOthers: true });
  });
});

describe('slots filled from entities', () => {
  it.each([
    ['situation', { statut: 'artisan' }, ['actif', 'invalide'], 'actif'],
    ['situation', { difficultes: ['retraite'] }, ['actif', 'retraite_proche'], 'retraite_proche'],
    ['difficulte', { difficultes: ['cotisations', 'aidant'] }, ['cotisations', 'plusieurs'], 'plusieurs'],
    [
      'statut_maternite',
      { statut: 'conjoint_collaborateur' },
      ['cheffe_entreprise', 'conjointe_collaboratrice'],
      'conjointe_collaboratrice',
    ],
    ['affiliation_12_mois', { affiliationMois: 8 }, ['oui', 'non'], 'non'],
    // At the birth, to come: a duration told now only proves « oui ».
    ['affiliation_10_mois_a_terme', { affiliationMois: 14 }, ['oui', 'non'], 'oui'],
    ['affiliation_12_mois', { affiliationMois: 36 }, ['oui', 'non'], 'oui'],
    [
      'naissance',
      { enfants: 2 },
      ['premier_ou_deuxieme', 'troisieme_ou_plus', 'jumeaux', 'triples'],
      'jumeaux',
    ],
    [
      'naissance',
      { rangEnfant: 3 },
      ['premier_ou_deuxieme', 'troisieme_ou_plus', 'jumeaux', 'triples'],
      'troisieme_ou_plus',
    ],
    ['arret_ald', { ald: false }, ['oui', 'non'], 'non'],
    // A nurse or a physiotherapist (PamC): the PamC leaf, unless the story's difficulties all lead to aids open to
    // them (their own leaves are then more precise).
    ['situation', { statut: 'profession_liberale', situation: 'pamc' }, ['actif', 'pamc'], 'pamc'],
    [
      'situation',
      { situation: 'pamc', difficultes: ['cotisations', 'sante_activite'] },
      ['actif', 'pamc'],
      'pamc',
    ],
    ['situation', { situation: 'pamc', difficultes: ['sante_activite'] }, ['actif', 'pamc'], 'actif'],
  ] as Array<[string, RecognizedEntities, string[], string]>)(
    '%s from %j',
    (slot, entities, allowed, expected) => {
      expect(valueFromEntities(slot, entities, allowed)).toBe(expected);
    },
  );

  it("a PamC is led to an active worker's leaf only where it offers none of the aids the PamC leaf excludes", () => {
    const knowledge = loadKnowledge();
    // The PamC's own leaf for the difficulties that are not contributions.
    const pamc = resolve(knowledge.tree, { situation: 'pamc', difficulte: 'aidant' });
    if (pamc.kind !== 'leaf') throw new Error('the PamC option should lead to a leaf');
    expect(pamc.leaf.excludes.length).toBeGreaterThan(0);
    for (const difficulte of PAMC_OPEN_DIFFICULTIES) {
      const leaf = resolve(knowledge.tree, { situation: 'actif', difficulte });
      if (leaf.kind !== 'leaf') throw new Error(`${difficulte} should lead to a leaf`);
      expect({
        difficulte,
        excluded: leaf.leaf.aids.filter((id) => pamc.leaf.excludes.includes(id)),
      }).toEqual({
        difficulte,
        excluded: [],
      });
    }
  });

  it('reads neither the status for the leave nor the affiliation when the activity is over', () => {
    const closed: RecognizedEntities = { statut: 'artisan', activiteTerminee: true, affiliationMois: 36 };
    expect(
      valueFromEntities('statut_maternite', closed, ['cheffe_entreprise', 'conjointe_collaboratrice']),
    ).toBeUndefined();
    expect(valueFromEntities('affiliation_12_mois', closed, ['oui', 'non'])).toBeUndefined();
    expect(valueFromEntities('affiliation_10_mois_a_terme', closed, ['oui', 'non'])).toBeUndefined();
  });

  it('never answers with a value the question does not offer', () => {
    expect(
      valueFromEntities('situation', { statut: 'artisan' }, ['invalide', 'retraite_proche']),
    ).toBeUndefined();
    expect(valueFromEntities('unknown_slot', { statut: 'artisan' }, ['actif'])).toBeUndefined();
    expect(
      valueFromEntities('affiliation_10_mois_a_terme', { affiliationMois: 6 }, ['oui', 'non']),
    ).toBeUndefined();
  });
});

describe('slots read from the stories QA reported', () => {
  const SITUATIONS: string[] = [...SituationSchema.options];
  const DIFFICULTES: string[] = [...DifficulteSchema.options];
  const MATERNITE = ['cheffe_entreprise', 'conjointe_collaboratrice', 'adoption', 'paternite'];
  const YES_NO = ['oui', 'non'];
  const read = (slot: string, text: string, allowed: string[]): string | undefined =>
    valueFromEntities(slot, getRecognizer().recognize(text).entities, allowed);

  it('a natural disaster among several difficulties leads to its own leaf (the aide d’urgence), not « plusieurs »', () => {
    expect(
      read('difficulte', "mon magasin a été inondé et je n'arrive plus à payer mes cotisations", DIFFICULTES),
    ).toBe('catastrophe_naturelle');
  });

  it.each([
    "je suis a mon compte depuis moins d'un an et je suis en arret maladie",
    'ça fait presque un an que je suis installée',
    'ca fait bientot un an',
    'pas encore un an',
  ])(
    'a duration not reached yet never answers « 12 mois ou plus » nor « 10 mois à terme »: « %s »',
    (text) => {
      expect(read('affiliation_12_mois', text, YES_NO)).not.toBe('oui');
      expect(read('affiliation_10_mois', text, YES_NO)).toBeUndefined();
      expect(read('affiliation_10_mois_a_terme', text, YES_NO)).toBeUndefined();
    },
  );

  it.each([
    [
      'je suis en arret depuis 3 mois, je suis a mon compte depuis 10 ans, est ce que mes ij vont continuer ?',
      'oui',
    ],
    [
      "Je suis en arrêt maladie depuis 1 mois, je suis à mon compte depuis 5 ans et c'est pas une ALD.",
      'oui',
    ],
    ["j'ai été salariée pendant 10 ans et je suis à mon compte depuis 6 mois", 'non'],
  ])('affiliation_12_mois from the activity’s duration in a story: « %s » → %s', (text, expected) => {
    expect(read('affiliation_12_mois', text, YES_NO)).toBe(expected);
  });

  it.each([
    ["pas d'ALD", 'non'],
    ["c'est pas lié a mon ald", 'non'],
    ["un arrêt pour une fracture sans lien avec l'ALD", 'non'],
    ['mon mari est en ALD, moi je suis coiffeuse, arret pour une grippe', undefined],
  ])('arret_ald: « %s » → %s', (text, expected) => {
    expect(read('arret_ald', text, YES_NO)).toBe(expected);
  });

  it.each([
    ["je ne suis plus en invalidité depuis l'an dernier, j'ai repris ma boulangerie", 'actif'],
    ['le medecin parle peut-etre de me passer en invalidité plus tard', undefined],
    // An activity over has its own option (HELP, payment delays; the CPSTI's aids are for active workers).
    ['je ne suis plus en activité', 'activite_terminee'],
    ["j'étais en activité mais j'ai tout arrêté", 'activite_terminee'],
    ["j'ai tout arrêté, je n'ai plus d'activité", 'activite_terminee'],
    ["je ne suis plus en activité et j'ai des dettes urssaf", 'activite_terminee'],
    ['je suis déjà à la retraite depuis 2019', 'retraite'],
    ['je suis retraité mais je continue mon activité de plombier', 'actif'],
    ["je suis a la retraite depuis 2 ans mais j'ai repris une petite activité en micro", 'actif'],
  ])('situation: « %s » → %s', (text, expected) => {
    expect(read('situation', text, SITUATIONS)).toBe(expected);
  });

  it.each([
    "mon frere est en phase terminale d'un cancer, il vit chez moi. je suis consultante en micro",
    'mon fils de 8 ans a un cancer, je dois fermer mon salon',
  ])('a relative’s illness is the difficulty of a carer: « %s » → aidant', (text) => {
    expect(read('difficulte', text, DIFFICULTES)).toBe('aidant');
  });

  it.each([
    'je ne suis plus conjointe collaboratrice depuis mon divorce, je suis enceinte',
    "j'ai ete coiffeuse a mon compte pendant 3 ans, j'ai ferme en juin. je suis enceinte",
  ])('statut_maternite and affiliation are asked: « %s »', (text) => {
    expect(read('statut_maternite', text, MATERNITE)).toBeUndefined();
    expect(read('affiliation_10_mois_a_terme', text, YES_NO)).toBeUndefined();
  });
});

describe('slots read from an upper bound and from someone else’s pregnancy', () => {
  it.each([
    ['affiliation_12_mois', { affiliationMoisMoinsDe: 12 }, 'non'],
    ['affiliation_10_mois', { affiliationMoisMoinsDe: 12 }, undefined],
    ['affiliation_10_mois_a_terme', { affiliationMoisMoinsDe: 12 }, undefined],
    ['affiliation_12_mois', { affiliationMoisMoinsDe: 24 }, undefined],
    ['affiliation_10_mois_a_terme', { affiliationMois: 36, grossesseAutrui: true }, undefined],
  ] as Array<[string, RecognizedEntities, string | undefined]>)(
    '%s from %j → %s',
    (slot, entities, expected) => {
      expect(valueFromEntities(slot, entities, ['oui', 'non'])).toBe(expected);
    },
  );

  it('an adoption is the adoption leave whatever the status; a partner’s pregnancy is not the status’s leave', () => {
    const options = ['cheffe_entreprise', 'conjointe_collaboratrice', 'adoption', 'paternite'];
    expect(valueFromEntities('statut_maternite', { statut: 'commercant', adoption: true }, options)).toBe(
      'adoption',
    );
    expect(
      valueFromEntities(
        'statut_maternite',
        { statut: 'conjoint_collaborateur', grossesseAutrui: true },
        options,
      ),
    ).toBeUndefined();
  });

  it('« moins d’un an » told in a story answers « non » to 12 months', () => {
    const e = getRecognizer().recognize(
      "je suis a mon compte depuis moins d'un an et je suis en arret maladie",
    ).entities;
    expect(valueFromEntities('affiliation_12_mois', e, ['oui', 'non'])).toBe('non');
    expect(valueFromEntities('affiliation_10_mois_a_terme', e, ['oui', 'non'])).toBeUndefined();
  });

  it('the father’s trade is not the mother’s status', () => {
    const e = getRecognizer().recognize('je suis plombier, ma femme est enceinte').entities;
    expect(
      valueFromEntities('statut_maternite', e, [
        'cheffe_entreprise',
        'conjointe_collaboratrice',
        'paternite',
      ]),
    ).toBeUndefined();
    const own = getRecognizer().recognize('je suis coiffeuse et je suis enceinte').entities;
    expect(
      valueFromEntities('statut_maternite', own, ['cheffe_entreprise', 'conjointe_collaboratrice']),
    ).toBe('cheffe_entreprise');
  });
});
