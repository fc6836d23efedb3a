/**
 * A message written in another language than French: the bot answers only in French, and says so instead of
 * reading English words as one of its subjects. Counted over the normalised tokens, from the word lists of
 * `locales/fr/nlu/language.yaml`: enough English function words (or German, Spanish, Italian, Portuguese, Arabic
 * written in Latin letters), and many more of them than French ones; words of need in them (help, money, food) are
 * read too.
 */
import { z } from 'zod';
import { loadDataFile } from './patterns';

export const LanguageFileSchema = z.strictObject({
  minForeign: z.number().int().min(1),
  ratio: z.number().positive(),
  english: z.array(z.string().regex(/^[a-z]+$/)).min(1),
  /**
   * Words of other languages (German, Spanish, Italian, Portuguese, Arabic written in Latin letters, whose digits
   * stand for letters: « 3andi »), counted with the English ones.
   */
  others: z.array(z.string().regex(/^[a-z0-9]+$/)).default([]),
  french: z.array(z.string().regex(/^[a-z]+$/)).min(1),
  /** In such a message, words of need (help, money, food): HELP is offered beside the French-only notice. */
  distress: z.array(z.string().regex(/^[a-z0-9]+$/)).default([]),
});
export type LanguageFile = z.infer<typeof LanguageFileSchema>;

export class LanguageGuess {
  private readonly english: ReadonlySet<string>;
  private readonly french: ReadonlySet<string>;
  private readonly distress: ReadonlySet<string>;

  constructor(private readonly data: LanguageFile) {
    this.english = new Set([...data.english, ...data.others]);
    this.french = new Set(data.french);
    this.distress = new Set(data.distress);
  }

  static fromFile(file = 'language.yaml'): LanguageGuess {
    return new LanguageGuess(loadDataFile(file, LanguageFileSchema));
  }

  /** True when `tokens` (normalised) read as English rather than French. */
  isOtherLanguage(tokens: readonly string[]): boolean {
    let english = 0;
    let french = 0;
    for (const token of tokens) {
      if (this.english.has(token)) english++;
      else if (this.french.has(token)) french++;
    }
    return english >= this.data.minForeign && english > this.data.ratio * french;
  }

  /** True when `tokens` (normalised, of a message in another language) have a word of need (`distress`). */
  tellsDistress(tokens: readonly string[]): boolean {
    return tokens.some((token) => this.distress.has(token));
  }
}
