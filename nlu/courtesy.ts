/**
 * Courtesy formulas that open or close a message (« Bonjour, … », « … Merci d'avance, cordialement », « … merci
 * beaucoup »): the intent model reads a message without them, in training as in recognition, so that a greeting or
 * a thank-you does not pull a question towards small talk or `None`. A message that is only courtesy keeps its
 * words (the data file's `minRemaining`). A closing thank-you (« merci », « merci beaucoup ») is taken off only
 * where it closes a request: the recogniser keeps the reading without it when that reading is an intent other than
 * `None` and small talk (`Recognizer.score`), and the training sentences of small talk keep theirs (« je voulais juste vous dire merci »
 * is a thank-you). The words come from `locales/fr/nlu/courtesy.yaml`; the detectors (distress, entities, scope)
 * still read the whole message.
 */
import { z } from 'zod';
import { normalizeTokens } from './normalize';
import { loadDataFile } from './patterns';

export const CourtesyFileSchema = z.strictObject({
  minRemaining: z.number().int().min(1),
  openings: z.array(z.string().min(2)).min(1),
  closings: z.array(z.string().min(2)).min(1),
  thanks: z.array(z.string().min(2)).min(1),
  /**
   * Words of thanks anywhere in a normalised message (« merci », « je vous remercie »): with a need told as settled
   * and nothing asked, the message is a thank-you (`Courtesy.thanksAnywhere`).
   */
  gratitude: z.string().min(2).optional(),
});
export type CourtesyFile = z.infer<typeof CourtesyFileSchema>;

export class Courtesy {
  /** The formulas as token lists, the longest first. */
  private readonly openings: readonly (readonly string[])[];
  private readonly closings: readonly (readonly string[])[];
  /** Closings and thank-yous together. */
  private readonly closingsAndThanks: readonly (readonly string[])[];
  private readonly minRemaining: number;
  private readonly gratitude: RegExp | null;

  constructor(data: CourtesyFile) {
    this.minRemaining = data.minRemaining;
    this.gratitude = data.gratitude ? new RegExp(data.gratitude) : null;
    this.openings = formulas(data.openings);
    this.closings = formulas(data.closings);
    this.closingsAndThanks = formulas([...data.closings, ...data.thanks]);
  }

  static fromFile(file = 'courtesy.yaml'): Courtesy {
    return new Courtesy(loadDataFile(file, CourtesyFileSchema));
  }

  /** Whether a normalised message thanks, anywhere in it (`gratitude`). */
  thanksAnywhere(normalized: string): boolean {
    return this.gratitude !== null && this.gratitude.test(normalized);
  }

  /**
   * The range `[start, end)` of `tokens` the intent model reads: without the opening and closing formulas (and the
   * closing thank-yous with `thanks`), unless fewer than `minRemaining` tokens would remain (then the whole message).
   */
  range(tokens: readonly string[], thanks = false): [number, number] {
    let start = 0;
    const openings = this.openings;
    for (let n = startsWith(tokens, start, openings); n > 0; n = startsWith(tokens, start, openings))
      start += n;
    const closings = thanks ? this.closingsAndThanks : this.closings;
    let end = tokens.length;
    for (let n = endsWith(tokens, start, end, closings); n > 0; n = endsWith(tokens, start, end, closings))
      end -= n;
    return end - start >= this.minRemaining ? [start, end] : [0, tokens.length];
  }

  /** `tokens` without their courtesy formulas (the same array when there are none to take off). */
  trim(tokens: readonly string[], thanks = false): readonly string[] {
    const [start, end] = this.range(tokens, thanks);
    return start === 0 && end === tokens.length ? tokens : tokens.slice(start, end);
  }
}

/** Formulas as normalised token lists, the longest first (« bonjour a tous » is taken before « bonjour »). */
function formulas(texts: readonly string[]): (readonly string[])[] {
  return texts
    .map((t) => normalizeTokens(t).tokens)
    .filter((t) => t.length > 0)
    .sort((a, b) => b.length - a.length);
}

/** The length of the first of `formulas` (the longest first) that `tokens` has from `from` on, or 0. */
function startsWith(
  tokens: readonly string[],
  from: number,
  formulas: readonly (readonly string[])[],
): number {
  for (const formula of formulas)
    if (from + formula.length <= tokens.length && at(tokens, from, formula)) return formula.length;
  return 0;
}

/** The length of the first of `formulas` that `tokens[from, end)` ends with, or 0. */
function endsWith(
  tokens: readonly string[],
  from: number,
  end: number,
  formulas: readonly (readonly string[])[],
): number {
  for (const formula of formulas)
    if (end - formula.length >= from && at(tokens, end - formula.length, formula)) return formula.length;
  return 0;
}

/** `formula`'s tokens are `tokens`'s from `from` on. */
function at(tokens: readonly string[], from: number, formula: readonly string[]): boolean {
  for (let k = 0; k < formula.length; k++) if (tokens[from + k] !== formula[k]) return false;
  return true;
}
