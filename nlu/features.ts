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
import { PairTable } from './pairTable';

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
export interface IndexedWord {
  stem: string;
  /** Unigram id, or -1 for a stopword. */
  unigram: number;
  /** Character n-gram ids, each once (a word may repeat an n-gram: « anana »). */
  chars: Int32Array;
  concepts: readonly number[];
  /** Multi-word lexicon entries starting with this word (each counts when the whole phrase is in the text). */
  phrases: readonly Phrase[] | undefined;
  /** Left to the scorer (`linear.ts`): the sum of the known n-grams' weight rows, made on first use. */
  charRow: Float64Array | null | undefined;
  /** Its stem's number (`Featurizer`'s own, for bigram lookups; 0 is the start of a text). */
  stemId: number;
  /** The id of the bigram of this word at the start of a text or sentence (`^` then its stem). */
  startBigram: number;
  /** Left to the scorer: the last message and the last sentence this word was counted in. */
  wholeStamp: number;
  sentenceStamp: number;
}

/** A multi-word lexicon entry: its words, and the same padded with spaces (to find it in a joined text). */
export interface Phrase {
  words: readonly string[];
  phrase: string;
  concept: string;
}

export class Featurizer {
  private readonly stemConcepts = new Map<string, string[]>();
  /** Multi-word lexicon entries, indexed by their first word. */
  private readonly phraseConcepts = new Map<string, Phrase[]>();
  private readonly tokenCache = new Map<string, TokenInfo>();
  private readonly indexedCache = new Map<string, IndexedWord>();
  private indexedFor: ReadonlyMap<string, number> | undefined;
  private memoGeneration = 0;
  /** Names absent from `indexedFor`, numbered from its size up. */
  private readonly unknownIds = new Map<string, number>();
  /** Stems' numbers (`IndexedWord.stemId`), from 1 up: 0 stands for `^`, the start of a text. */
  private readonly stemIds = new Map<string, number>([['^', 0]]);
  /** Bigram ids by the numbers of the previous stem and of the stem. */
  private readonly bigramIds = new PairTable();

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
          list.push({ words: toks, phrase: ` ${toks.join(' ')} `, concept });
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

  /**
   * Resolves words against `index` from now on (inference). The per-index memos are reset when `index` is not the
   * one they were built for, or when they grew too large: words and ids obtained before must not be kept.
   */
  useIndex(index: ReadonlyMap<string, number>): void {
    if (this.indexedFor === index && this.unknownIds.size < 100_000 && this.bigramIds.size < 200_000) return;
    this.indexedCache.clear();
    this.unknownIds.clear();
    this.bigramIds.clear();
    this.stemIds.clear();
    this.stemIds.set('^', 0);
    this.indexedFor = index;
    this.memoGeneration++;
  }

  /** Changes each time the per-index memos are reset: words obtained before belong to an older numbering. */
  get generation(): number {
    return this.memoGeneration;
  }

  /** The number of ids given so far (the index's, then unknown names'): every id is below it. */
  get idCount(): number {
    return (this.indexedFor?.size ?? 0) + this.unknownIds.size;
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
    }
    return u;
  }

  /** A normalised word's features as ids of the index given to `useIndex` (memoised per word). */
  indexedWord(t: string): IndexedWord {
    let cached = this.indexedCache.get(t);
    if (cached) return cached;
    const info = this.token(t);
    const stemId = this.stemIdOf(info.stem);
    cached = {
      stem: info.stem,
      stemId,
      startBigram: this.bigramOf('^', 0, info.stem, stemId),
      unigram: info.unigram === undefined ? -1 : this.idOf(info.unigram),
      chars: Int32Array.from(new Set(info.chars.map((name) => this.idOf(name)))),
      concepts: info.concepts.map((name) => this.idOf(name)),
      phrases: this.phraseConcepts.get(t),
      charRow: undefined,
      wholeStamp: 0,
      sentenceStamp: 0,
    };
    if (this.indexedCache.size < 50_000) this.indexedCache.set(t, cached);
    return cached;
  }

  private stemIdOf(stem: string): number {
    let id = this.stemIds.get(stem);
    if (id === undefined) {
      id = this.stemIds.size;
      this.stemIds.set(stem, id);
    }
    return id;
  }

  /** The id of the bigram feature of `w` after `prev` (two words given by `indexedWord` since the last reset). */
  bigramAfter(prev: IndexedWord, w: IndexedWord): number {
    const id = this.bigramIds.get(prev.stemId, w.stemId);
    return id >= 0 ? id : this.bigramOf(prev.stem, prev.stemId, w.stem, w.stemId);
  }

  private bigramOf(prev: string, prevId: number, stem: string, stemId: number): number {
    let id = this.bigramIds.get(prevId, stemId);
    if (id < 0) {
      id = this.idOf(`b|${prev}_${stem}`);
      this.bigramIds.set(prevId, stemId, id);
    }
    return id;
  }

  /** The id of a lexicon concept's feature. */
  conceptId(concept: string): number {
    return this.idOf(`k|${concept}`);
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
