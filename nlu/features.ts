/**
 * Featurizer: normalised tokens → named sparse features.
 *   w|stem        stemmed unigrams
 *   b|s1_s2       stemmed bigrams (with sentence-start marker)
 *   c|gram        character 3- and 4-grams of each word (robust to typos and inflections the stemmer misses)
 *   k|CONCEPT     lexicon groups (acronyms, synonyms; see lexicon.ts)
 * Each group is L2-normalised then weighted, so long stories do not drown the signal in char n-grams.
 */
import { CONCEPTS, STOPWORDS } from './lexicon';
import { type FeatureOptions, PIPELINE_OPTIONS } from './settings';
import { normalizeTokens } from './normalize';
import { stemFr } from './natural';

export type { FeatureOptions } from './settings';

/** `features` of `locales/fr/nlu/options.yaml`. */
export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = PIPELINE_OPTIONS.features;

interface TokenInfo {
  stem: string;
  unigram: string | undefined;
  chars: string[];
  concepts: string[];
}

/**
 * A word's features resolved against a frozen feature index (inference only). Ids below the index's size are
 * the index's own; a name the index does not know gets an id above it (see `Featurizer.idOf`), so that it still
 * counts in its group's scale and de-duplication works on integers.
 */
interface IndexedToken {
  stem: string;
  /** Unigram id, or -1 for a stopword. */
  unigram: number;
  chars: readonly number[];
  concepts: readonly number[];
}

/** A sparse vector: feature indices and their values. */
export interface IndexedFeatures {
  idx: Int32Array;
  val: Float32Array;
}

export class Featurizer {
  private readonly stemConcepts = new Map<string, string[]>();
  /** Multi-word lexicon entries, indexed by their first word. */
  private readonly phraseConcepts = new Map<string, { phrase: string; concept: string }[]>();
  private readonly tokenCache = new Map<string, TokenInfo>();
  private readonly indexedCache = new Map<string, IndexedToken>();
  private indexedFor: ReadonlyMap<string, number> | undefined;
  /** Names absent from `indexedFor`, numbered from its size up. */
  private readonly unknownIds = new Map<string, number>();
  /** Bigram ids by previous stem then stem. */
  private readonly bigramIds = new Map<string, Map<string, number>>();
  private bigramCount = 0;
  /** `seen[id] === generation`: the feature is already counted in the current call (room for every id given). */
  private seen = new Uint32Array(0);
  /** Ids below this are `indexedFor`'s own. */
  private knownLimit = 0;
  private generation = 0;
  /** Distinct known ids of each group (unigrams, bigrams, chars, concepts) in first-seen order, and counts. */
  private readonly groupKnown: number[][] = [[], [], [], []];
  private readonly groupTotal = [0, 0, 0, 0];

  constructor(readonly options: FeatureOptions = DEFAULT_FEATURE_OPTIONS) {
    for (const [concept, entries] of Object.entries(CONCEPTS)) {
      for (const entry of entries) {
        const toks = normalizeTokens(entry).tokens;
        if (toks.length === 1) {
          const s = stemFr(toks[0]);
          const list = this.stemConcepts.get(s);
          if (list) {
            if (!list.includes(concept)) list.push(concept);
          } else this.stemConcepts.set(s, [concept]);
        } else if (toks.length > 1) {
          const list = this.phraseConcepts.get(toks[0]) ?? [];
          list.push({ phrase: ` ${toks.join(' ')} `, concept });
          this.phraseConcepts.set(toks[0], list);
        }
      }
    }
  }

  /** Per-word features, memoised (words repeat a lot across messages). */
  private token(t: string): TokenInfo {
    let info = this.tokenCache.get(t);
    if (info) return info;
    const o = this.options;
    const stem = stemFr(t);
    const chars: string[] = [];
    if (o.charWeight > 0 && t.length >= 4 && !/^\d+$/.test(t)) {
      const padded = `<${t}>`;
      for (let n = o.charMin; n <= o.charMax; n++) {
        for (let k = 0; k + n <= padded.length; k++) chars.push(`c|${padded.slice(k, k + n)}`);
      }
    }
    info = {
      stem,
      unigram: STOPWORDS.has(t) ? undefined : `w|${stem}`,
      chars,
      concepts: (this.stemConcepts.get(stem) ?? []).map((c) => `k|${c}`),
    };
    if (this.tokenCache.size < 50_000) this.tokenCache.set(t, info);
    return info;
  }

  /** Resets the per-index memos when `index` is not the one they were built for, or when they grew too large. */
  private useIndex(index: ReadonlyMap<string, number>): void {
    if (this.indexedFor === index && this.unknownIds.size < 100_000 && this.bigramCount < 200_000) return;
    this.indexedCache.clear();
    this.unknownIds.clear();
    this.bigramIds.clear();
    this.bigramCount = 0;
    this.indexedFor = index;
    this.knownLimit = index.size;
    if (this.seen.length < index.size + 1024) this.seen = new Uint32Array(index.size + 1024);
  }

  /** The id of a feature name: its index in `indexedFor`, or a number above the index for an unknown name. */
  private idOf(name: string): number {
    const index = this.indexedFor as ReadonlyMap<string, number>;
    const i = index.get(name);
    if (i !== undefined) return i;
    let u = this.unknownIds.get(name);
    if (u === undefined) {
      u = index.size + this.unknownIds.size;
      this.unknownIds.set(name, u);
      if (u >= this.seen.length) {
        const grown = new Uint32Array(this.seen.length * 2);
        grown.set(this.seen);
        this.seen = grown;
      }
    }
    return u;
  }

  private indexedToken(t: string): IndexedToken {
    let cached = this.indexedCache.get(t);
    if (cached) return cached;
    const info = this.token(t);
    cached = {
      stem: info.stem,
      unigram: info.unigram === undefined ? -1 : this.idOf(info.unigram),
      chars: info.chars.map((name) => this.idOf(name)),
      concepts: info.concepts.map((name) => this.idOf(name)),
    };
    if (this.indexedCache.size < 50_000) this.indexedCache.set(t, cached);
    return cached;
  }

  private bigramId(prev: string, stem: string): number {
    let byStem = this.bigramIds.get(prev);
    if (!byStem) {
      byStem = new Map();
      this.bigramIds.set(prev, byStem);
    }
    let id = byStem.get(stem);
    if (id === undefined) {
      id = this.idOf(`b|${prev}_${stem}`);
      byStem.set(stem, id);
      this.bigramCount++;
    }
    return id;
  }

  /** Counts `id` in group `g` unless already counted in this call. */
  private add(g: number, id: number): void {
    const seen = this.seen;
    if (seen[id] === this.generation) return;
    seen[id] = this.generation;
    this.groupTotal[g]++;
    if (id < this.knownLimit) this.groupKnown[g].push(id);
  }

  /**
   * Inference fast path: exactly the features and values of `extract`, in the same order, kept only when
   * `index` knows them, without building named maps (per-word results are memoised against that index, which
   * must not change).
   */
  extractIndexed(tokens: readonly string[], index: ReadonlyMap<string, number>): IndexedFeatures {
    this.useIndex(index);
    if (++this.generation === 0xffffffff) {
      this.seen.fill(0);
      this.generation = 1;
    }
    const known = this.groupKnown;
    const total = this.groupTotal;
    for (let g = 0; g < 4; g++) {
      known[g].length = 0;
      total[g] = 0;
    }
    let prev = '^';
    let text: string | undefined;
    for (const t of tokens) {
      const tok = this.indexedToken(t);
      if (tok.unigram >= 0) this.add(0, tok.unigram);
      this.add(1, this.bigramId(prev, tok.stem));
      prev = tok.stem;
      for (const id of tok.chars) this.add(2, id);
      for (const id of tok.concepts) this.add(3, id);
      const phrases = this.phraseConcepts.get(t);
      if (phrases) {
        text ??= ` ${tokens.join(' ')} `;
        for (const { phrase, concept } of phrases) {
          if (text.includes(phrase)) this.add(3, this.idOf(`k|${concept}`));
        }
      }
    }
    const o = this.options;
    const weights = [o.unigramWeight, o.bigramWeight, o.charWeight, o.conceptWeight];
    let size = 0;
    for (let g = 0; g < 4; g++) if (weights[g] !== 0) size += known[g].length;
    const idx = new Int32Array(size);
    const val = new Float32Array(size);
    let k = 0;
    for (let g = 0; g < 4; g++) {
      if (total[g] === 0 || weights[g] === 0) continue;
      const scale = weights[g] / Math.sqrt(total[g]);
      for (const i of known[g]) {
        idx[k] = i;
        val[k] = scale;
        k++;
      }
    }
    return { idx: idx.subarray(0, k), val: val.subarray(0, k) };
  }

  /** Named features with values; `tokens` must already be normalised (and spell-corrected). */
  extract(tokens: readonly string[]): Map<string, number> {
    const o = this.options;
    const uni = new Set<string>();
    const bi = new Set<string>();
    const chars = new Set<string>();
    const concepts = new Set<string>();
    let prev = '^';
    let text: string | undefined;
    for (const t of tokens) {
      const info = this.token(t);
      if (info.unigram) uni.add(info.unigram);
      bi.add(`b|${prev}_${info.stem}`);
      prev = info.stem;
      for (const c of info.chars) chars.add(c);
      for (const c of info.concepts) concepts.add(c);
      const phrases = this.phraseConcepts.get(t);
      if (phrases) {
        text ??= ` ${tokens.join(' ')} `;
        for (const { phrase, concept } of phrases) if (text.includes(phrase)) concepts.add(`k|${concept}`);
      }
    }
    const out = new Map<string, number>();
    addGroup(out, uni, o.unigramWeight);
    addGroup(out, bi, o.bigramWeight);
    addGroup(out, chars, o.charWeight);
    addGroup(out, concepts, o.conceptWeight);
    return out;
  }
}

function addGroup(out: Map<string, number>, group: Set<string>, weight: number): void {
  if (group.size === 0 || weight === 0) return;
  const scale = weight / Math.sqrt(group.size);
  for (const k of group) out.set(k, scale);
}
