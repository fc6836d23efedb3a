/**
 * A learned reading of hardship, beside the listed signs of `distress.ts`: people tell their difficulty in words
 * no list foresees (« je n'avais pas pris de vacances depuis 10 ans, sans gagner ma vie »). A two-class softmax over
 * the recogniser's own features, trained on the training sentences (HELP's as difficulty; those of the other
 * topics, except the aids, contribution delays and the social service that may or may not tell one, as none) and on
 * real messages labelled one way or the other (`locales/fr/nlu/hardship.yaml`, the development part of the
 * real-world corpus, counted `realWeight` times). It only adds: a message where it reads difficulty and the listed
 * signs read none gets the signal `recit` (moderate level, need HELP).
 */
import { z } from 'zod';
import { type Example, sameTextKey } from './data';
import type { LinearScorer } from './linear';
import { SoftmaxModel, softmaxInPlace, type SparseVector, type TrainOptions } from './model';
import { loadDataFile } from './patterns';

export const HardshipFileSchema = z.strictObject({
  difficulty: z.array(z.string().min(1)),
  no_difficulty: z.array(z.string().min(1)),
});
export type HardshipFile = z.infer<typeof HardshipFileSchema>;

export function loadHardshipExamples(file = 'hardship.yaml'): HardshipFile {
  return loadDataFile(file, HardshipFileSchema);
}

/** Intents whose sentences may or may not tell a difficulty: left out of the head's training. */
const UNDECIDED = new Set<string>(['aide_financiere', 'cotisations_delais', 'service_social']);

/**
 * The head's training set: each text once with its label (a real message's own label wins over its intent's), real
 * messages repeated `realWeight` times.
 */
export function hardshipTrainingSet(
  examples: readonly Example[],
  real: HardshipFile,
  realWeight: number,
  isConversation: (intent: string) => boolean,
): { text: string; label: 0 | 1; weight: number }[] {
  const labels = new Map<string, { text: string; label: 0 | 1; weight: number }>();
  for (const e of examples) {
    if (UNDECIDED.has(e.intent) || isConversation(e.intent)) continue;
    labels.set(sameTextKey(e.text), { text: e.text, label: e.intent === 'help' ? 1 : 0, weight: 1 });
  }
  for (const text of real.difficulty) labels.set(sameTextKey(text), { text, label: 1, weight: realWeight });
  for (const text of real.no_difficulty)
    labels.set(sameTextKey(text), { text, label: 0, weight: realWeight });
  return [...labels.values()];
}

export class HardshipHead {
  private readonly out = new Float64Array(2);

  constructor(readonly model: SoftmaxModel) {}

  static train(
    rows: readonly SparseVector[],
    labels: readonly number[],
    nFeatures: number,
    options: Partial<TrainOptions>,
  ): HardshipHead {
    return new HardshipHead(SoftmaxModel.train([...rows], [...labels], nFeatures, 2, options));
  }

  /**
   * Probability that the message `scorer` scored last tells a difficulty (read from the scorer's per-word sums: the
   * same value as from the message's sparse vector, without building it).
   */
  probabilityFrom(scorer: LinearScorer): number {
    scorer.wholeLogits(this.model, this.out);
    softmaxInPlace(this.out);
    return this.out[1];
  }
}
