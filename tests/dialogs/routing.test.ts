import { isOutOfScope, refineIntent, settleAmbiguity } from '../../dialogs/mainDialog';
import { getRecognizer } from '../../nlu';
import type { RecognizedEntities } from '../../dialogs/ports';
import { PAMC_OPEN_DIFFICULTIES, valueFromEntities } from '../../dialogs/slots';
import { loadKnowledge } from '../../knowledge/loader';
import { resolve } from '../../knowledge/tree';

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
    const pamc = resolve(knowledge.tree, { situation: 'pamc' });
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
