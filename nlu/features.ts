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

/** A word's features resolved against a frozen feature index (inference only). */
interface IndexedToken {
  unigram: number;
  /** Unigram name when it is not in the index (still counted for the group's scale). */
  unknownUnigram: string | undefined;
  charIdx: number[];
  unknownChars: string[];
  conceptIdx: number[];
  unknownConcepts: string[];
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

  private indexedToken(t: string, index: ReadonlyMap<string, number>): IndexedToken {
    let cached = this.indexedCache.get(t);
    if (cached) return cached;
    const info = this.token(t);
    const split = (names: string[]) => {
      const known: number[] = [];
      const unknown: string[] = [];
      for (const name of names) {
        const i = index.get(name);
        if (i === undefined) unknown.push(name);
        else known.push(i);
      }
      return { known, unknown };
    };
    const chars = split(info.chars);
    const concepts = split(info.concepts);
    const unigram = info.unigram === undefined ? -1 : (index.get(info.unigram) ?? -1);
    cached = {
      unigram,
      unknownUnigram: info.unigram !== undefined && unigram < 0 ? info.unigram : undefined,
      charIdx: chars.known,
      unknownChars: chars.unknown,
      conceptIdx: concepts.known,
      unknownConcepts: concepts.unknown,
    };
    if (this.indexedCache.size < 50_000) this.indexedCache.set(t, cached);
    return cached;
  }

  /** Resolves the known words' features once, so the first message that uses a word pays nothing extra. */
  warm(words: Iterable<string>, index: ReadonlyMap<string, number>): void {
    if (this.indexedFor !== index) {
      this.indexedCache.clear();
      this.indexedFor = index;
    }
    for (const word of words) this.indexedToken(word, index);
  }

  /**
   * Inference fast path: exactly the features and values of `extract`, kept only when `index` knows them,
   * without building named maps (per-word results are memoised against that index, which must not change).
   */
  extractIndexed(tokens: readonly string[], index: ReadonlyMap<string, number>): IndexedFeatures {
    if (this.indexedFor !== index) {
      this.indexedCache.clear();
      this.indexedFor = index;
    }
    const o = this.options;
    const groups = [
      { known: new Set<number>(), unknown: new Set<string>(), weight: o.unigramWeight },
      { known: new Set<number>(), unknown: new Set<string>(), weight: o.bigramWeight },
      { known: new Set<number>(), unknown: new Set<string>(), weight: o.charWeight },
      { known: new Set<number>(), unknown: new Set<string>(), weight: o.conceptWeight },
    ];
    const [uni, bi, chars, concepts] = groups;
    let prev = '^';
    let text: string | undefined;
    for (const t of tokens) {
      const tok = this.indexedToken(t, index);
      if (tok.unigram >= 0) uni.known.add(tok.unigram);
      else if (tok.unknownUnigram !== undefined) uni.unknown.add(tok.unknownUnigram);
      const stem = this.token(t).stem;
      const bigram = `b|${prev}_${stem}`;
      const b = index.get(bigram);
      if (b === undefined) bi.unknown.add(bigram);
      else bi.known.add(b);
      prev = stem;
      for (const i of tok.charIdx) chars.known.add(i);
      for (const c of tok.unknownChars) chars.unknown.add(c);
      for (const i of tok.conceptIdx) concepts.known.add(i);
      for (const c of tok.unknownConcepts) concepts.unknown.add(c);
      const phrases = this.phraseConcepts.get(t);
      if (phrases) {
        text ??= ` ${tokens.join(' ')} `;
        for (const { phrase, concept } of phrases) {
          if (!text.includes(phrase)) continue;
          const name = `k|${concept}`;
          const i = index.get(name);
          if (i === undefined) concepts.unknown.add(name);
          else concepts.known.add(i);
        }
      }
    }
    let size = 0;
    for (const g of groups) if (g.weight !== 0) size += g.known.size;
    const idx = new Int32Array(size);
    const val = new Float32Array(size);
    let k = 0;
    for (const g of groups) {
      const total = g.known.size + g.unknown.size;
      if (total === 0 || g.weight === 0) continue;
      const scale = g.weight / Math.sqrt(total);
      for (const i of g.known) {
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
