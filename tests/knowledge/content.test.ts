import { loadKnowledge } from '../../knowledge/loader';
import type { Entry } from '../../knowledge/schema';
import { IntentSchema } from '../../knowledge/schema';

const k = loadKnowledge();

function entry(id: string): Entry {
  const e = k.get(id);
  if (!e) throw new Error(`missing entry ${id}`);
  return e;
}

function values(id: string, kind: 'amounts' | 'durations'): number[] {
  return entry(id)[kind].flatMap((f) => f.values);
}

const SECU_FORM = 'https://secu-independants.fr/demander-une-aide';
const AMELI_FORM = 'https://www.ameli.fr/calvados/content/demande-daide-specifique-travailleurs-independant';

describe('coverage', () => {
  test('at least 60 entries, spread over the domain files', () => {
    expect(k.entries.length).toBeGreaterThanOrEqual(60);
    const files = new Set(k.entries.map((e) => k.fileOf(e.id)));
    expect([...files].sort()).toEqual(
      ['aides.yaml', 'faq.yaml', 'help.yaml', 'invalidite.yaml', 'maladie.yaml', 'maternite.yaml'].sort(),
    );
  });

  test.each(IntentSchema.options)('intent %s has a main entry', (intent) => {
    expect(k.byIntent(intent).length).toBeGreaterThan(0);
  });

  test('the main entry comes first for an intent', () => {
    expect(k.byIntent('maternite')[0].id).toBe('maternite');
    expect(k.byIntent('invalidite')[0].id).toBe('pension-invalidite');
    expect(k.byIntent('help')[0].id).toBe('help');
    expect(k.byIntent('indemnites_journalieres')[0].id).toBe('indemnites-journalieres');
    expect(k.byIntent('inconnu')).toEqual([]);
  });

  test('all social-action aids are there', () => {
    for (const id of [
      'aced',
      'afe',
      'aide-urgence-cpsti',
      'adr',
      'afi',
      'aide-repit',
      'ama',
      'soutien-conjoints-survivants',
      'aides-non-specifiques-ass',
      'delais-paiement',
      'revenus-estimes',
      'demande-aide-action-sociale',
    ]) {
      expect(k.get(id)).toBeDefined();
    }
  });
});

describe('social-action aids (CPSTI)', () => {
  test('AFE: 6 000 € at most, decided by the CASS, combinable with ACED', () => {
    expect(Math.max(...values('afe', 'amounts'))).toBe(6000);
    expect(entry('afe').decidedBy?.who).toBe('cass');
    expect(entry('afe').related).toContainEqual({ id: 'aced', relation: 'combinable' });
  });

  test("aide d'urgence: 2 000 € at most, notified within 48 h, decided by the director", () => {
    const e = entry('aide-urgence-cpsti');
    expect(values('aide-urgence-cpsti', 'amounts')).toEqual([2000]);
    expect(values('aide-urgence-cpsti', 'durations')).toEqual([48]);
    expect(e.decidedBy?.who).toBe('directeur');
    expect(e.documents).toContain('RIB personnel');
  });

  test('ADR: between 7 500 € and 10 000 €, 2025 ceilings 17 000 € / 32 000 €', () => {
    const amounts = entry('adr').amounts;
    expect(amounts[0].values).toEqual([7500, 10000]);
    expect(amounts[1].values).toEqual(expect.arrayContaining([17000, 32000, 2025]));
    expect(entry('adr').audience).toEqual(expect.arrayContaining(['artisan', 'commercant']));
    expect(entry('adr').audience).not.toContain('profession_liberale');
  });

  test('ACED: a semester of contributions, renewable once, decided by the CASS', () => {
    expect(entry('aced').amounts[0].text).toMatch(/semestre/);
    expect(entry('aced').amounts[0].text).toMatch(/une seule fois/);
    expect(entry('aced').decidedBy?.who).toBe('cass');
  });

  test('the five steps to apply, with the secu-independants.fr form', () => {
    const e = entry('demande-aide-action-sociale');
    expect(e.steps).toHaveLength(5);
    expect(e.steps[3]).toMatch(/anonyme/);
    expect(e.links).toContainEqual(expect.objectContaining({ type: 'form', url: SECU_FORM }));
  });

  test('Urssaf-managed aids use the secu-independants.fr form, Cnam aids the ameli form', () => {
    for (const id of ['aced', 'afe', 'aide-urgence-cpsti', 'adr']) {
      expect(
        entry(id)
          .links.filter((l) => l.type === 'form')
          .map((l) => l.url),
      ).toEqual([SECU_FORM]);
    }
    for (const id of ['afi', 'aide-repit', 'ama']) {
      expect(
        entry(id)
          .links.filter((l) => l.type === 'form')
          .map((l) => l.url),
      ).toEqual([AMELI_FORM]);
      expect(entry(id).conditions.join(' ')).toMatch(/CPAM/);
    }
  });

  test('survivors support is not combinable with the capital décès', () => {
    expect(entry('soutien-conjoints-survivants').related).toContainEqual({
      id: 'capital-deces',
      relation: 'not_combinable',
    });
    expect(entry('capital-deces').related).toContainEqual({
      id: 'soutien-conjoints-survivants',
      relation: 'not_combinable',
    });
  });

  test('entries without a URL in the sources point to a contact instead', () => {
    for (const id of ['delais-paiement', 'revenus-estimes', 'aides-non-specifiques-ass']) {
      expect(entry(id).links).toEqual([]);
      expect(entry(id).contacts.length).toBeGreaterThan(0);
    }
  });
});

describe('maternité, paternité, adoption', () => {
  test('maternity: 8 weeks (56 days) minimum, 16 weeks (112 days) maximum', () => {
    const [min, max] = entry('maternite').durations;
    expect(min.values.slice(0, 2)).toEqual([8, 56]);
    expect(max.values.slice(0, 2)).toEqual([16, 112]);
  });

  test('3rd child 26 weeks, twins 34, triplets 46', () => {
    expect(entry('maternite-prolongation').durations.map((d) => d.values[0])).toEqual([26, 34, 46]);
  });

  test('10 months of affiliation, allowance and daily benefits vs replacement benefits', () => {
    expect(values('maternite-cheffe-entreprise', 'durations')).toEqual([10]);
    expect(values('maternite-conjointe-collaboratrice', 'durations')).toEqual([10]);
    expect(entry('maternite-cheffe-entreprise').details.join(' ')).toMatch(/indemnités journalières/i);
    expect(entry('maternite-conjointe-collaboratrice').details.join(' ')).toMatch(/remplacement/);
    expect(entry('maternite-demarches').documents).toHaveLength(2);
  });

  test('paternity: 25 days, 32 for multiple births', () => {
    expect(values('paternite', 'durations')).toEqual([25, 32]);
  });
});

describe('maladie', () => {
  test('daily benefits: 3-day waiting period (except ALD), 12 months, 48 h, review at 6 months', () => {
    expect(values('ij-delai-carence', 'durations')).toEqual([3]);
    expect(entry('ij-delai-carence').summary).toMatch(/affection de longue durée/);
    expect(values('indemnites-journalieres', 'durations')).toEqual([3, 12, 6, 48]);
  });

  test('AT/MP are not covered; voluntary insurance pays care at 100 %', () => {
    expect(entry('at-mp').summary).toMatch(/ne couvre pas/);
    expect(values('assurance-volontaire-at-mp', 'amounts')).toEqual([100]);
  });
});

describe('invalidité', () => {
  test('three pension categories: 30 %, 50 %, 50 % + majoration', () => {
    expect(values('invalidite-incapacite-partielle', 'amounts')).toEqual([30]);
    expect(values('invalidite-totale-definitive', 'amounts')).toEqual([50]);
    expect(values('invalidite-tierce-personne', 'amounts')).toEqual([50]);
    expect(entry('invalidite-tierce-personne').amounts[0].text).toMatch(/majoration/);
    expect(values('pension-invalidite', 'amounts')).toEqual([30, 50, 50]);
    expect(entry('pension-invalidite').decidedBy?.who).toBe('medecin_conseil');
  });
});

describe('HELP', () => {
  test('4 points, 7 steps, a referral to démarches simplifiées', () => {
    expect(entry('help-points').details).toHaveLength(4);
    expect(entry('help-etapes').steps).toHaveLength(7);
    expect(entry('help').links).toContainEqual(
      expect.objectContaining({ type: 'referral', url: 'https://www.demarches-simplifiees.fr' }),
    );
    expect(entry('help-organismes').details).toHaveLength(4);
    expect(entry('help-questionnaire').details.join(' ')).toMatch(
      /Calvados, Eure, Manche, Orne, Seine-Maritime/,
    );
  });
});

describe('FAQ figures', () => {
  test('fin de vie 21 / 42 days, deuil parental under 25, capital décès 80 quarters, premiers mois 9 / 15', () => {
    expect(values('fin-de-vie', 'durations')).toEqual([21, 42]);
    expect(values('deuil-parental', 'durations')).toEqual([25]);
    expect(values('capital-deces', 'durations')).toEqual([80]);
    expect(values('premiers-mois-urssaf', 'durations')).toEqual([9, 15]);
  });
});

describe('contacts', () => {
  test('3646, 3679 with hours; 3698', () => {
    expect(k.contact('tel-3646')).toMatchObject({
      number: '3646',
      hours: 'du lundi au vendredi de 8h30 à 17h30',
    });
    expect(k.contact('tel-3679')).toMatchObject({
      number: '3679',
      hours: 'du lundi au vendredi de 8h30 à 17h30',
    });
    expect(k.contact('tel-3698')).toMatchObject({ number: '3698' });
    expect(k.contact('tel-3698')?.hours).toBeUndefined();
    expect(k.contact('nope')).toBeUndefined();
  });
});

describe('search', () => {
  test.each([
    ['inondation de mon atelier', 'aide-urgence-cpsti'],
    ['congé paternité', 'paternite'],
    ['conge maternite', 'maternite'],
    ['jumeaux', 'maternite-prolongation'],
    ['carte vitale perdue', 'carte-vitale'],
    ['psychologue', 'mon-soutien-psy'],
    ['accident du travail', 'at-mp'],
    ['délai de carence', 'ij-delai-carence'],
    ['PENSION D’INVALIDITÉ', 'pension-invalidite'],
    ['numéro de téléphone', 'nous-contacter'],
  ])('"%s" → %s first', (text, id) => {
    expect(k.search(text)[0]?.id).toBe(id);
  });

  it.each([
    ["c'est quoi l'ACED ?", 'aced'],
    ['AFE', 'afe'],
    // The longest name wins: the AFI's name holds the AFE's, the questionnaire's holds HELP's.
    ["l'aide financière exceptionnelle aux invalides, c'est combien ?", 'afi'],
    ['le questionnaire HELP a combien de questions', 'help-questionnaire'],
    ['HELP, comment ça marche', 'help'],
  ])('"%s" names %s', (text, id) => {
    expect(k.named(text)?.id).toBe(id);
  });

  test('every entry a text names, in its order, without a name inside a longer one found', () => {
    expect(k.namedAll("c'est quoi l'ACED et l'AFE ?").map((e) => e.id)).toEqual(['aced', 'afe']);
    expect(k.namedAll("l'aide financière exceptionnelle aux invalides").map((e) => e.id)).toEqual(['afi']);
    expect(k.namedAll('le questionnaire HELP').map((e) => e.id)).toEqual(['help-questionnaire']);
  });

  test('no entry named in a text without a name, nor in a word that only contains one', () => {
    expect(k.named('je voudrais une aide financière')).toBeUndefined();
    expect(k.named('mon fils est dans une crèche à Caen')).toBeUndefined();
  });

  test('nothing for empty or meaningless text', () => {
    expect(k.search('')).toEqual([]);
    expect(k.search('le la les')).toEqual([]);
  });
});

describe('text a person reads', () => {
  const kb = loadKnowledge();
  const texts = kb.entries.flatMap((e) => [
    [e.id, e.title],
    [e.id, e.summary],
    ...e.conditions.map((c) => [e.id, c]),
    ...e.steps.map((s) => [e.id, s]),
    ...e.details.map((d) => [e.id, d]),
  ]);

  it('has no word cut by a folded YAML line ("complétez- la")', () => {
    const broken = texts.filter(([, text]) => /\p{L}- \p{Ll}/u.test(text));
    expect(broken).toEqual([]);
  });

  it('has no doubled spaces or space before a comma or a full stop', () => {
    const sloppy = texts.filter(([, text]) => / {2}| [,.](?!\d)/.test(text));
    expect(sloppy).toEqual([]);
  });
});
