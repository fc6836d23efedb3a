/**
 * Agreement between the real-world corpus's labels and a second annotator's (tests/nlu/real-world.second-labels.yaml):
 * how far two people reading the same message agree on what the bot should do — the ceiling any accuracy on that
 * corpus is read against. Pure functions; the command is scripts/realworld-agreement.ts.
 */
import * as fs from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { type CorpusItem, OUTCOMES, type Outcome } from './realWorld';

export const secondLabelSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  outcome: z.enum(OUTCOMES),
  intent: z.string(),
  hardship: z.boolean(),
  selfharm: z.boolean(),
  also: z.array(z.string()).default([]),
  confidence: z.enum(['high', 'medium', 'low']),
});
export type SecondLabel = z.infer<typeof secondLabelSchema>;

export const secondLabelsSchema = z.looseObject({ items: z.array(secondLabelSchema).min(1) });

export function loadSecondLabels(file: string): SecondLabel[] {
  const parsed = secondLabelsSchema.safeParse(parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data.items;
}

/** Outcome, and for a topic which one: the pair both labels must share to agree. */
const fullLabel = (outcome: Outcome, intent: string): string =>
  outcome === 'topic' ? `topic:${intent}` : outcome;

export interface Share {
  agree: number;
  n: number;
}

export interface Agreement {
  n: number;
  outcome: Share;
  /** Outcome and, for a topic, the same intent. */
  full: Share;
  hardship: Share;
  /** Cohen's kappa on the outcome: agreement beyond what the two labellers' own frequencies give by chance. */
  kappa: number;
  byKind: Record<string, Share>;
  byConfidence: Record<string, Share>;
  /** rows: the corpus's outcome; columns: the second annotator's. */
  confusion: Record<Outcome, Record<Outcome, number>>;
}

/**
 * Compares each second label with the corpus item of the same id. Throws on an id the corpus lacks, and on an item
 * outside the dev part: the frozen test part is never read for this, nor the validation part relabelled.
 */
export function agreement(corpus: readonly CorpusItem[], second: readonly SecondLabel[]): Agreement {
  const byId = new Map(corpus.map((item) => [item.id, item]));
  const share = (): Share => ({ agree: 0, n: 0 });
  const count = (s: Share, same: boolean) => {
    s.n++;
    if (same) s.agree++;
  };
  const result: Agreement = {
    n: 0,
    outcome: share(),
    full: share(),
    hardship: share(),
    kappa: 0,
    byKind: {},
    byConfidence: {},
    confusion: Object.fromEntries(
      OUTCOMES.map((row) => [row, Object.fromEntries(OUTCOMES.map((col) => [col, 0]))]),
    ) as Agreement['confusion'],
  };
  for (const label of second) {
    const item = byId.get(label.id);
    if (!item) throw new Error(`second label ${label.id}: no such item in the corpus`);
    if (item.split !== 'dev') throw new Error(`second label ${label.id}: not a dev item (${item.split})`);
    result.n++;
    const same = fullLabel(item.outcome, item.intent) === fullLabel(label.outcome, label.intent);
    count(result.outcome, item.outcome === label.outcome);
    count(result.full, same);
    count(result.hardship, item.hardship === label.hardship);
    count((result.byKind[item.kind] ??= share()), same);
    count((result.byConfidence[label.confidence] ??= share()), same);
    result.confusion[item.outcome][label.outcome]++;
  }
  const n = result.n;
  const chance = OUTCOMES.reduce((sum, outcome) => {
    const first = OUTCOMES.reduce((s, col) => s + result.confusion[outcome][col], 0);
    const other = OUTCOMES.reduce((s, row) => s + result.confusion[row][outcome], 0);
    return sum + (first / n) * (other / n);
  }, 0);
  const observed = result.outcome.agree / n;
  result.kappa = chance === 1 ? 1 : (observed - chance) / (1 - chance);
  return result;
}

/**
 * The corpus's items that have a second label, labelled by it (same text, kind, part), so that `realworld:cv` can
 * judge the bot against the second annotator as it does against the first.
 */
export function relabelled(corpus: readonly CorpusItem[], second: readonly SecondLabel[]): CorpusItem[] {
  const byId = new Map(corpus.map((item) => [item.id, item]));
  return second.map((label) => {
    const item = byId.get(label.id);
    if (!item || item.split !== 'dev') throw new Error(`second label ${label.id}: not a dev item`);
    const { note: _note, also: _also, ...kept } = item;
    return {
      ...kept,
      outcome: label.outcome,
      intent: label.intent,
      hardship: label.hardship,
      selfharm: label.selfharm,
      ...(label.also.length > 0 ? { also: label.also } : {}),
    };
  });
}
