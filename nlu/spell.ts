/**
 * Spelling correction against the training vocabulary.
 *
 * Candidates come from a symmetric-delete index (every word's variants with one or two letters removed), then
 * are verified with `natural`'s Damerau-Levenshtein distance. Length-aware thresholds: words shorter than 5
 * letters are never corrected (too many neighbours: "mois"/"moi"/"mon"), 5–7 letters accept one edit, 8 and
 * more accept two. Ties go to the most frequent training word, then the closest by Jaro-Winkler.
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
  private index: Map<string, string[]> | undefined;
  private readonly cache = new Map<string, string>();

  /** @param frequencies word → number of occurrences in the training data */
  constructor(private readonly frequencies: ReadonlyMap<string, number>) {}

  /** Builds the delete index (~40 ms); called at model build so the first message with a typo is not slow. */
  prepare(): void {
    this.getIndex();
  }

  private getIndex(): Map<string, string[]> {
    if (this.index) return this.index;
    const index = new Map<string, string[]>();
    const add = (key: string, word: string): void => {
      const list = index.get(key);
      if (list) list.push(word);
      else index.set(key, [word]);
    };
    for (const word of this.frequencies.keys()) {
      if (word.length < MIN_LEN - 1 || /\d/.test(word)) continue;
      add(word, word);
      const vars = new Set<string>();
      deletes(word, word.length >= 7 ? 2 : 1, vars);
      for (const v of vars) add(v, word);
    }
    this.index = index;
    return index;
  }

  /** Returns the corrected word, or the word itself when it is known, too short, numeric or has no close match. */
  correct(word: string): string {
    if (this.frequencies.has(word)) return word;
    const limit = maxEdits(word.length);
    if (limit === 0 || /\d/.test(word)) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;

    const index = this.getIndex();
    const keys = new Set<string>([word]);
    deletes(word, limit, keys);
    let best = word;
    let bestDist = limit + 1;
    let bestFreq = -1;
    let bestSim = -1;
    const seen = new Set<string>();
    for (const key of keys) {
      const words = index.get(key);
      if (!words) continue;
      for (const cand of words) {
        if (seen.has(cand)) continue;
        seen.add(cand);
        if (Math.abs(cand.length - word.length) > limit) continue;
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
