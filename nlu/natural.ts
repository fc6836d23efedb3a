/**
 * Thin, typed access to the few parts of `natural` the recogniser uses.
 *
 * `natural`'s entry point loads dotenv (and prints a banner) and pulls in every classifier, wordnet, storage
 * back-ends…; requiring the specific sub-modules keeps start-up fast and quiet (none of them loads dotenv).
 */

interface Stemmer {
  stem(token: string): string;
}
type DistanceFn = (
  a: string,
  b: string,
  options?: { restricted?: boolean; transposition_cost?: number },
) => number;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CommonJS sub-module, narrowed below.
const frStemmer = require('natural/lib/natural/stemmers/porter_stemmer_fr') as Stemmer;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CommonJS sub-module, narrowed below.
const distances = require('natural/lib/natural/distance/levenshtein_distance') as {
  DamerauLevenshteinDistance: DistanceFn;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CommonJS sub-module, narrowed below.
const jaroWinkler = require('natural/lib/natural/distance/jaro-winkler_distance') as (
  a: string,
  b: string,
  options?: { ignoreCase?: boolean },
) => number;

const stemCache = new Map<string, string>();

/** French Porter (Snowball) stem, memoised: the stemmer is regex-heavy and words repeat a lot. */
export function stemFr(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = word.length <= 2 ? word : frStemmer.stem(word);
    if (stemCache.size < 50_000) stemCache.set(word, s);
  }
  return s;
}

/** Damerau-Levenshtein distance (unrestricted, transpositions cost 1). */
export function damerauLevenshtein(a: string, b: string): number {
  return distances.DamerauLevenshteinDistance(a, b);
}

/** Jaro-Winkler similarity in [0, 1]. */
export function jaroWinklerSimilarity(a: string, b: string): number {
  return jaroWinkler(a, b);
}
