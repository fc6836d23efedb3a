/**
 * Word-start patterns over the normalised text (see `normalize.ts`), read from the data files of
 * `locales/fr/nlu/`. A pattern starts at the beginning of a word and may end inside one (a stem: « dette » also
 * finds « dettes »); the patterns of one group are compiled into a single regular expression.
 */
import * as path from 'path';
import { z } from 'zod';
import { preTested, type Requirement, requirementOf, satisfies } from './prefilter';
import { NLU_DATA_DIR, readData } from './settings';

/** Parses and validates one YAML data file of `locales/fr/nlu/` (or a file given by its absolute path). */
export function loadDataFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  return path.isAbsolute(file)
    ? readData(path.dirname(file), path.basename(file), schema)
    : readData(NLU_DATA_DIR, file, schema);
}

/** One regular expression finding any of `patterns` at a word start (global: all matches can be walked). */
export function compileGroup(patterns: readonly string[]): RegExp {
  return new RegExp(`(?:^| )(?:${patterns.map((p) => `(?:${p})`).join('|')})`, 'g');
}

/** Whether the pattern group `re` (with what any match needs, `req`) matches one of `texts`. */
export function matchesAny(re: RegExp, req: Requirement | null, texts: readonly string[]): boolean {
  return texts.some((text) => {
    re.lastIndex = 0;
    // A pattern that needs a word the text does not have cannot match it (`prefilter.ts`).
    if (req && !satisfies(req, re, text)) return false;
    return re.test(text);
  });
}

/** How many patterns a part of a long group holds (`PatternGroup`). */
export const GROUP_PART_SIZE = 8;

/** One regular expression of a group, with what any of its matches needs (`prefilter.ts`), or null. */
export interface GroupPart {
  re: RegExp;
  req: Requirement | null;
}

/**
 * A group of patterns, whole and in parts of `GROUP_PART_SIZE` pre-tested one by one: the group matches a text
 * exactly when one of its parts does, and a long text usually has the words of only a few parts, where the whole
 * group's requirement is met by most long texts (one of many patterns needing only « plus » or « pas »). Short texts
 * are not pre-tested (`preTested`): the whole group runs once. Lists with back-references stay whole (their groups
 * would be numbered differently in parts).
 */
export class PatternGroup {
  readonly whole: GroupPart;
  readonly parts: readonly GroupPart[] | undefined;

  constructor(patterns: readonly string[]) {
    const re = compileGroup(patterns);
    if (patterns.length > GROUP_PART_SIZE && !patterns.some((p) => /\\[1-9k]/.test(p))) {
      const parts: GroupPart[] = [];
      for (let i = 0; i < patterns.length; i += GROUP_PART_SIZE) {
        const part = compileGroup(patterns.slice(i, i + GROUP_PART_SIZE));
        parts.push({ re: part, req: requirementOf(part) });
      }
      this.parts = parts;
      // The whole list runs only on short texts (not pre-tested) or once a part matched: no requirement of its
      // own to keep up to date for every text.
      this.whole = { re, req: null };
    } else this.whole = { re, req: requirementOf(re) };
  }

  /** The regular expressions to run on `text`: its parts when it is long enough to be pre-tested, else the whole. */
  runOn(text: string): readonly GroupPart[] {
    return this.parts && preTested(text) ? this.parts : [this.whole];
  }

  /** Whether one of the patterns matches one of `texts`. */
  matchesAny(texts: readonly string[]): boolean {
    return texts.some((text) => this.runOn(text).some(({ re, req }) => matchesAny(re, req, [text])));
  }
}

/** Throws on a pattern that is not a valid regular expression, naming it. */
export function checkPattern(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/**
 * The plain long words of the patterns (letters only, 8+), so that spelling correction knows and keeps them
 * (« huissier », « liquidation »). Short ones are left out: they would attract corrections of other words
 * (« marge » → « marre », « couleur » → « douleur »).
 */
export function patternWords(patterns: readonly string[]): string[] {
  const words = new Set<string>();
  for (const p of patterns) {
    const plain = p
      .replace(/\(\?[:!=<]+/g, ' ')
      .replace(/\\[a-z]/gi, ' ')
      .replace(/\[[^\]]*\]/g, ' ')
      .replace(/[()|?*+{}.^$\d,]/g, ' ');
    for (const w of plain.split(/\s+/)) if (/^[a-z]{8,}$/.test(w)) words.add(w);
  }
  return [...words];
}

/** A pattern of a data file: a valid regular expression of two characters or more. */
export const PatternSchema = z
  .string()
  .min(2)
  .refine(checkPattern, { message: 'not a valid regular expression' });
