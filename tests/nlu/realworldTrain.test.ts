import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { loadExamples } from '../../nlu';
import { applyTraining, planTraining } from '../../scripts/realworld-train';

const ROOT = path.join(__dirname, '..', '..');

describe('realworld:train (dev messages into the training files)', () => {
  let dir: string;
  let intents: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rw-train-'));
    intents = path.join(dir, 'intents');
    cpSync(path.join(ROOT, 'locales/fr/intents'), intents, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const corpus = (items: string[]): string => {
    const file = path.join(dir, 'corpus.yaml');
    writeFileSync(file, `items:\n${items.map((i) => `  - ${i}\n`).join('')}`);
    return file;
  };

  it('copies dev messages verbatim to their intent (out of scope → None), never val or test ones', () => {
    const file = corpus([
      '{id: a, split: dev, kind: testimony, text: "ma fille est née en mars et j ai toujours rien recu", intent: maternite, outcome: topic}',
      '{id: b, split: dev, kind: question, text: "faut il declarer la tva sur mes ventes en ligne", intent: None, outcome: out_of_scope}',
      '{id: c, split: val, kind: question, text: "une phrase de validation qui ne doit pas partir", intent: maternite, outcome: topic}',
      '{id: d, split: test, kind: question, text: "une phrase de test qui ne doit pas partir", intent: help, outcome: help}',
    ]);
    const before = loadExamples(intents).length;
    const plan = planTraining(file, intents);
    expect(plan.leaks).toEqual([]);
    expect(applyTraining(plan, intents)).toBe(2);
    const after = loadExamples(intents);
    expect(after).toHaveLength(before + 2);
    expect(after).toContainEqual({
      intent: 'maternite',
      text: 'ma fille est née en mars et j ai toujours rien recu',
    });
    expect(after).toContainEqual({ intent: 'None', text: 'faut il declarer la tva sur mes ventes en ligne' });
    expect(after.some((e) => e.text.includes('ne doit pas partir'))).toBe(false);
    // Run again: nothing more to add.
    expect(applyTraining(planTraining(file, intents), intents)).toBe(0);
    const doc = parse(readFileSync(path.join(intents, 'maternite.yaml'), 'utf8')) as { intent: string };
    expect(doc.intent).toBe('maternite');
  });

  it('reports a val or test message found in the training files', () => {
    const existing = loadExamples(intents).find((e) => e.intent === 'help')!.text;
    const file = corpus([
      `{id: t1, split: test, kind: testimony, text: ${JSON.stringify(existing)}, intent: help, outcome: help}`,
    ]);
    expect(planTraining(file, intents).leaks).toEqual(['t1 (test)']);
  });

  it("reports a val or test message found among the hardship head's real examples", () => {
    mkdirSync(path.join(dir, 'nlu'));
    writeFileSync(
      path.join(dir, 'nlu', 'hardship.yaml'),
      'difficulty:\n  - "un message du test qui ne devrait pas être là"\nno_difficulty: []\n',
    );
    const file = corpus([
      '{id: v1, split: val, kind: testimony, text: "un message du test qui ne devrait pas être là", intent: help, outcome: help}',
    ]);
    expect(planTraining(file, intents).leaks).toEqual(['v1 (val)']);
  });

  it('finds no val or test message of the real corpus in the training files', () => {
    expect(planTraining(path.join(ROOT, 'tests/nlu/real-world.fr.yaml')).leaks).toEqual([]);
  });
});
