import {
  agreement,
  loadSecondLabels,
  relabelled,
  secondLabelSchema,
  type SecondLabel,
} from '../../scripts/agreement';
import { type CorpusItem, loadCorpus } from '../../scripts/realWorld';

const item = (
  id: string,
  outcome: CorpusItem['outcome'],
  intent: string,
  extra: Partial<CorpusItem> = {},
): CorpusItem => ({
  id,
  kind: 'testimony',
  text: `message ${id}`,
  intent,
  outcome,
  hardship: false,
  selfharm: false,
  split: 'dev',
  ...extra,
});
const label = (
  id: string,
  outcome: SecondLabel['outcome'],
  intent: string,
  extra: Partial<SecondLabel> = {},
): SecondLabel =>
  secondLabelSchema.parse({
    id,
    outcome,
    intent,
    hardship: false,
    selfharm: false,
    confidence: 'high',
    ...extra,
  });

describe('agreement between the corpus and a second annotator (scripts/agreement.ts)', () => {
  const corpus = [
    item('A1', 'help', 'help', { hardship: true }),
    item('A2', 'topic', 'maternite', { kind: 'question' }),
    item('A3', 'topic', 'ald'),
    item('A4', 'out_of_scope', 'None'),
    item('T1', 'help', 'help', { split: 'test' }),
  ];

  it('counts the outcome, the outcome with its topic, hardship, the confusion and Cohen’s kappa', () => {
    const result = agreement(corpus, [
      label('A1', 'help', 'help', { hardship: true }),
      label('A2', 'topic', 'maternite'),
      // Same outcome, another topic: agrees on the outcome only.
      label('A3', 'topic', 'invalidite', { confidence: 'low' }),
      label('A4', 'help', 'help', { hardship: true }),
    ]);
    expect(result.n).toBe(4);
    expect(result.outcome).toEqual({ agree: 3, n: 4 });
    expect(result.full).toEqual({ agree: 2, n: 4 });
    expect(result.hardship).toEqual({ agree: 3, n: 4 });
    expect(result.byKind).toEqual({ testimony: { agree: 1, n: 3 }, question: { agree: 1, n: 1 } });
    expect(result.byConfidence).toEqual({ high: { agree: 2, n: 3 }, low: { agree: 0, n: 1 } });
    expect(result.confusion.out_of_scope.help).toBe(1);
    expect(result.confusion.topic.topic).toBe(2);
    // observed 0.75; chance: help 1/4·2/4 + topic 2/4·2/4 + out of scope 1/4·0 = 0.375 → (0.75 − 0.375) / 0.625
    expect(result.kappa).toBeCloseTo(0.6, 10);
  });

  it('refuses an id the corpus lacks, and any item outside the dev part', () => {
    expect(() => agreement(corpus, [label('Z9', 'help', 'help')])).toThrow(/no such item/);
    expect(() => agreement(corpus, [label('T1', 'help', 'help')])).toThrow(/not a dev item/);
  });

  it('writes the sample with the second labels, keeping text, kind and part', () => {
    const [relabel] = relabelled(corpus, [
      label('A4', 'help', 'help', { hardship: true, also: ['aide_financiere'] }),
    ]);
    expect(relabel).toMatchObject({
      id: 'A4',
      text: 'message A4',
      kind: 'testimony',
      split: 'dev',
      outcome: 'help',
      intent: 'help',
      hardship: true,
      also: ['aide_financiere'],
    });
  });

  it('the second labelling in the repository names dev items of the corpus only', () => {
    const corpus = loadCorpus('tests/nlu/real-world.fr.yaml', { part: 'dev' });
    const second = loadSecondLabels('tests/nlu/real-world.second-labels.yaml');
    expect(second.length).toBeGreaterThanOrEqual(100);
    expect(agreement(corpus?.items ?? [], second).n).toBe(second.length);
  });
});
