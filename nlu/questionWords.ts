/**
 * The words that open a question (`locales/fr/nlu/questions.yaml`), validated when the module loads: where a long
 * message's sentences start a question of their own, and where « et » starts another one.
 */
import { z } from 'zod';
import { loadDataFile } from './patterns';

/** A normalised word: lower-case letters only. */
const Word = z.string().regex(/^[a-z]+$/, 'must be one normalised word (a-z)');

export const QuestionWordsSchema = z.strictObject({
  /** Normalised words opening a question (« combien », « quand »). */
  openers: z.array(Word).min(1),
  /** Verbs opening a question when « je » follows (« puis je », « dois je »). */
  invertedVerbs: z.array(Word).min(1),
  /** Starts, as written once folded (lower case, no accents), of a question after « et ». */
  afterEt: z
    .array(z.string().regex(/^[a-z' -]+$/, "must be folded text: a-z, spaces, « ' » and « - »"))
    .min(1),
});

export type QuestionWords = z.infer<typeof QuestionWordsSchema>;

const WORDS: QuestionWords = loadDataFile('questions.yaml', QuestionWordsSchema);
const OPENERS = new Set(WORDS.openers);
const INVERTED_VERBS = new Set(WORDS.invertedVerbs);

/** Whether the sentence starting at token `at` of normalised `tokens` opens with a question's words. */
export function opensQuestion(tokens: readonly string[], at: number): boolean {
  const word = tokens[at];
  const next = tokens[at + 1];
  return (
    OPENERS.has(word) || (word === 'est' && next === 'ce') || (INVERTED_VERBS.has(word) && next === 'je')
  );
}

/**
 * A regular-expression alternative matching « et » (after an optional comma) before another question (the starts
 * hold no character special outside a class: the schema allows letters, spaces, « ' » and « - » only).
 */
export function etBeforeQuestionSource(): string {
  return `,? et (?=(?:${WORDS.afterEt.join('|')})\\b)`;
}
