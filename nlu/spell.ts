/**
 * Spelling correction against the training vocabulary.
 *
 * Candidates come from a symmetric-delete index (every word's variants with one or two letters removed), then
 * are verified with `natural`'s Damerau-Levenshtein distance. Length-aware thresholds: words shorter than 5
 * letters are never corrected (too many neighbours: "mois"/"moi"/"mon"), 5–7 letters accept one edit, 8 and
 * more accept two. Ties go to the most frequent training word, then the closest by Jaro-Winkler.
 *
 * Words of the `keep` set (common French words that are not training words: `locales/fr/common-words.txt`, made
 * by `scripts/common-words.ts`) are left as written: « purement » is not a typo of « apurement », nor « index » of
 * « indep ». They are never targets of a correction either, and cost no index.
 */
import { damerauLevenshtein, jaroWinklerSimilarity } from './natural';

const MIN_LEN = 5;

function maxEdits(len: number): number {
  if (len < MIN_LEN) return 0;
  return len >= 8 ? 2 : 1;
}

function deletes(word: string, depth: number, out: Set<string>): void {
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      if (w.length <= 2) continue;
      for (let i = 0; i < w.length; i++) {
        const v = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(v)) {
          out.add(v);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
}

export class SpellCorrector {
  /**
   * The delete index, one part per length of the indexed words, each built the first time a word within reach
   * (at most two letters longer or shorter) needs correcting: most lengths are never needed by a given process,
   * and building the whole index was the largest part of the recogniser's start-up.
   */
  private readonly byLength = new Map<number, Map<string, string[]>>();
  /** Indexable words by length, in the frequencies' order. */
  private wordsByLength: Map<number, string[]> | undefined;
  /** Each word's position in the frequencies' order (candidates are tried in that order, as one index would). */
  private readonly rank = new Map<string, number>();
  private readonly cache = new Map<string, string>();

  /**
   * @param frequencies word → number of occurrences in the training data
   * @param keep correctly spelled words absent from the training data, never corrected
   */
  constructor(
    private readonly frequencies: ReadonlyMap<string, number>,
    private readonly keep: ReadonlySet<string> = new Set(),
  ) {}

  /** The index part of the words of length `len`. */
  private indexOf(len: number): Map<string, string[]> {
    const built = this.byLength.get(len);
    if (built) return built;
    if (!this.wordsByLength) {
      this.wordsByLength = new Map();
      for (const word of this.frequencies.keys()) {
        this.rank.set(word, this.rank.size);
        if (word.length < MIN_LEN - 1 || /\d/.test(word)) continue;
        const list = this.wordsByLength.get(word.length);
        if (list) list.push(word);
        else this.wordsByLength.set(word.length, [word]);
      }
    }
    const index = new Map<string, string[]>();
    // Words are indexed one after the other, so a key already holding `word` has it last: no per-word set needed.
    const add = (key: string, word: string): boolean => {
      const list = index.get(key);
      if (!list) index.set(key, [word]);
      else if (list[list.length - 1] !== word) list.push(word);
      else return false;
      return true;
    };
    for (const word of this.wordsByLength.get(len) ?? []) {
      add(word, word);
      let frontier = [word];
      for (let d = word.length >= 7 ? 2 : 1; d > 0; d--) {
        const next: string[] = [];
        for (const w of frontier) {
          if (w.length <= 2) continue;
          for (let i = 0; i < w.length; i++) {
            const v = w.slice(0, i) + w.slice(i + 1);
            if (add(v, word)) next.push(v);
          }
        }
        frontier = next;
      }
    }
    this.byLength.set(len, index);
    return index;
  }

  /** The indexed words under `key` whose length is within `limit` of `len`, in the frequencies' order. */
  private candidates(key: string, len: number, limit: number): string[] | undefined {
    let found: string[] | undefined;
    let merged = false;
    for (let m = len - limit; m <= len + limit; m++) {
      const list = this.indexOf(m).get(key);
      if (!list) continue;
      if (!found) found = list;
      else {
        found = found.concat(list);
        merged = true;
      }
    }
    if (merged && found) {
      const rank = this.rank;
      found.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    }
    return found;
  }

  /**
   * Returns the corrected word, or the word itself when it is known (a training word or a word to keep), too short,
   * numeric or has no close match.
   */
  correct(word: string): string {
    if (this.frequencies.has(word) || this.keep.has(word)) return word;
    const limit = maxEdits(word.length);
    if (limit === 0 || /\d/.test(word)) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;

    const keys = new Set<string>([word]);
    deletes(word, limit, keys);
    let best = word;
    let bestDist = limit + 1;
    let bestFreq = -1;
    let bestSim = -1;
    const seen = new Set<string>();
    for (const key of keys) {
      // Words further than `limit` in length are never accepted: their part of the index is not even read.
      const words = this.candidates(key, word.length, limit);
      if (!words) continue;
      for (const cand of words) {
        if (seen.has(cand)) continue;
        seen.add(cand);
        const dist = damerauLevenshtein(word, cand);
        if (dist > limit) continue;
        // A different first letter is accepted only for long words: "serres" must not become "verres".
        if (cand[0] !== word[0] && (dist === 2 || word.length < 7)) continue;
        const freq = this.frequencies.get(cand) ?? 0;
        let better = dist < bestDist || (dist === bestDist && freq > bestFreq);
        if (!better && dist === bestDist && freq === bestFreq) {
          if (bestSim < 0) bestSim = jaroWinklerSimilarity(word, best);
          const sim = jaroWinklerSimilarity(word, cand);
          if (sim > bestSim) {
            better = true;
            bestSim = sim;
          }
        } else if (better) {
          bestSim = -1;
        }
        if (better) {
          best = cand;
          bestDist = dist;
          bestFreq = freq;
        }
      }
    }
    if (this.cache.size < 20_000) this.cache.set(word, best);
    return best;
  }
}
