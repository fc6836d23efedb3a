/**
 * Findings of the audit of the knowledge base against the sources: each test states what the source says (the
 * quoted sentence is checked against the seed file when the seeds are present, as in CI) and what the base must
 * therefore say, so that a regression is caught where it starts (the entry, the tree, the worked example).
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadKnowledge } from '../../knowledge/loader';
import { normalizeForQuote } from '../../knowledge/text';
import { resolve, walkPaths } from '../../knowledge/tree';
import type { Entry, OrientationTree } from '../../knowledge/schema';
import { SEEDS_DIR } from './fixtures';

const k = loadKnowledge();

function entry(id: string): Entry {
  const e = k.get(id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
}

function journey(id: string): OrientationTree {
  const tree = k.trees.find((t) => t.id === id);
  if (!tree) throw new Error(`no tree ${id}`);
  return tree;
}

const seedsPresent = fs.existsSync(SEEDS_DIR);

/** The source sentence a fix relies on must be in the seed, word for word. */
function expectSourceSays(file: string, sentence: string): void {
  if (!seedsPresent) {
    if (process.env.CI) throw new Error(`seed documents missing in CI: ${SEEDS_DIR}`);
    return;
  }
  const seed = normalizeForQuote(fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8'));
  expect(seed).toContain(normalizeForQuote(sentence));
}

const PAMC_SENTENCE =
  'de professionnel libéral (hors praticien ou auxiliaire médical conventionné [PamC]) et vous rencontrez des difficultés momentanées';

describe('knowledge audit: each fix says what the sources say', () => {
  test('1. examen de prévention: far from the health system AND in precarity, in the summary as in the condition', () => {
    expectSourceSays(
      '001_b74467972972afc3.txt',
      'éloignées du système de santé et en situation de précarité',
    );
    const e = entry('examen-prevention-sante');
    expect(e.summary).toContain('éloignés du système de santé et en situation de précarité');
    expect(e.summary).not.toMatch(/système de santé\s+ou/);
    expect(e.conditions.join(' ')).toContain('et en situation de précarité');
  });

  test('2. CPSTI social-action aids exclude conventioned health professionals (PamC)', () => {
    expectSourceSays('003_6cbf3d5c79f53b45.txt', PAMC_SENTENCE);
    for (const id of ['aced', 'afe', 'aide-urgence-cpsti']) {
      expect(entry(id).conditions.join(' ')).toContain('hors praticien ou auxiliaire médical conventionné');
    }
  });

  test('2. the orientation tree asks, and a conventioned professional is never offered ACED, AFE or aide d’urgence', () => {
    // The PamC is asked their difficulty: contributions (payment delays, estimated income), or another one.
    const pamc = resolve(k.tree, { situation: 'pamc' });
    expect(pamc.kind).toBe('question');
    const paths = walkPaths(k.tree).filter((p) => p.steps[0]?.value === 'pamc');
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) {
      for (const cpsti of ['aced', 'afe', 'aide-urgence-cpsti']) expect(p.leaf.aids).not.toContain(cpsti);
      expect(p.leaf.help).toBe(true);
    }
  });

  test('3. aide au répit: the relatives are examples ("par exemple"), not a closed list', () => {
    expectSourceSays(
      '001_b74467972972afc3.txt',
      "par la situation d'un proche (par exemple le conjoint, l'enfant, l'ascendant, le frère ou la sœur) en perte d'autonomie",
    );
    const conditions = entry('aide-repit').conditions.join(' ');
    expect(conditions).toContain('par exemple');
    expect(conditions).not.toMatch(/proche \(conjoint, enfant/);
  });

  test('4. aide au répit: the answer says that the sources differ on who can have it, and the leaf says so too', () => {
    expectSourceSays(
      '000_86cfd7445831eca4.txt',
      'Cette aide vise à aider et accompagner le travailleur indépendant qui doit réduire son activité',
    );
    expectSourceSays(
      '002_d24105b1533ea96e.txt',
      "L'aide vise à accompagner le TI (artisan ou commerçant) qui doit réduire son activité",
    );
    const conditions = entry('aide-repit').conditions.join(' ');
    expect(conditions).toContain('Les sources diffèrent');
    expect(conditions).toContain('« travailleur indépendant »');
    expect(conditions).toContain('« artisan ou commerçant »');
    const leaf = resolve(k.tree, { situation: 'actif', difficulte: 'aidant' });
    expect(leaf.kind === 'leaf' && leaf.leaf.note).toMatch(/sources ne disent pas la même chose/);
  });

  test('5. the ADR is for future retirees; people already retired are pointed to the Assurance retraite', () => {
    expectSourceSays(
      '003_6cbf3d5c79f53b45.txt',
      'Pour les futurs retraités artisans et commerçants aux revenus modestes',
    );
    expectSourceSays('003_6cbf3d5c79f53b45.txt', "Consulter le portail de l'Assurance retraite");
    const retired = resolve(k.tree, { situation: 'retraite' });
    if (retired.kind !== 'leaf') throw new Error('no leaf for retired people');
    expect(retired.leaf.aids).toContain('aides-assurance-retraite');
    expect(retired.leaf.aids).not.toContain('adr');
    // Closing a business is not retiring: these words no longer send anyone to the ADR.
    const situation = k.tree.nodes.find((n) => n.id === 'q_situation');
    if (situation?.type !== 'question') throw new Error('no situation question');
    const toAdr = situation.options.find((o) => o.value === 'retraite_proche');
    for (const loose of ['retraite', "cessation d'activite", 'arreter mon activite', "fin d'activite"]) {
      expect(toAdr?.synonyms ?? []).not.toContain(loose);
    }
  });

  test("6. Guillaume's worked example includes the Assurance Maladie referral for the CDD's salary, and HELP", () => {
    expectSourceSays(
      '002_d24105b1533ea96e.txt',
      "les services ont orienté Guillaume vers l'ASS de la CPAM pour une aide au paiement du salaire du CDD",
    );
    const guillaume = k.workedExamples.find((ex) => ex.id === 'guillaume-restaurateur');
    expect(guillaume?.expectedAids).toEqual(
      expect.arrayContaining(['help', 'aced', 'afe', 'aides-specifiques-assurance-maladie']),
    );
    const reached = resolve(k.tree, guillaume?.path ?? {});
    if (reached.kind !== 'leaf') throw new Error('Guillaume does not reach a leaf');
    for (const aid of guillaume?.expectedAids ?? []) expect(reached.leaf.aids).toContain(aid);
  });

  test('7. AFI: for an invalid independent worker still active — the source names no pension', () => {
    expectSourceSays(
      '001_b74467972972afc3.txt',
      'le travailleur indépendant invalide actif, quel que soit son statut',
    );
    const afi = entry('afi');
    expect(afi.summary).not.toMatch(/percevez une pension/);
    expect(afi.summary).toMatch(/invalide et poursuivez votre activité/);
  });

  test("8. capital décès: 'last activity independent' is a condition of the retired-at-death case only", () => {
    expectSourceSays(
      '001_b74467972972afc3.txt',
      'si le travailleur indépendant était retraité au moment du décès dès lors que celui-ci a comptabilisé plus de 80 trimestres au régime des travailleurs indépendants. La dernière activité exercée doit être une activité indépendante.',
    );
    const conditions = entry('capital-deces').conditions;
    expect(conditions).not.toContain('La dernière activité exercée doit être une activité indépendante.');
    const retiredCase = conditions.find((c) => c.includes('retraité au moment du décès'));
    expect(retiredCase).toContain('80 trimestres');
    expect(retiredCase).toContain('dernière activité exercée');
  });

  test('9. congé de deuil parental: artisans, shopkeepers, medical practitioners and auxiliaries, conjoints collaborateurs', () => {
    expectSourceSays(
      '001_b74467972972afc3.txt',
      'artisan ou commerçant, au praticien ou auxiliaire médical, au conjoint collaborateur',
    );
    const e = entry('deuil-parental');
    expect(e.audience).not.toContain('profession_liberale');
    expect(e.audience).toEqual(
      expect.arrayContaining([
        'artisan',
        'commercant',
        'praticien_auxiliaire_medical',
        'conjoint_collaborateur',
      ]),
    );
  });

  test('10. invalidity: the question asks for the notified category, not whether one can work', () => {
    expectSourceSays(
      '001_b74467972972afc3.txt',
      "Quelle que soit la catégorie, la reprise d'une activité professionnelle est possible.",
    );
    const question = journey('parcours-invalidite').nodes.find((n) => n.id === 'q_categorie_invalidite');
    if (question?.type !== 'question') throw new Error('no category question');
    for (const option of question.options) {
      const words = [option.label, ...(option.synonyms ?? [])].join(' | ');
      expect(words).not.toMatch(/exercer une activit|peux travailler/i);
    }
    expect(question.options.map((o) => o.label)).toContain('Incapacité partielle au métier');
  });
});
