/**
 * Featurizer: normalised tokens → named sparse features.
 *   w|stem        stemmed unigrams
 *   b|s1_s2       stemmed bigrams (with sentence-start marker)
 *   c|gram        character 3- and 4-grams of each word (robust to typos and inflections the stemmer misses)
 *   k|CONCEPT     lexicon groups (acronyms, synonyms; see lexicon.ts)
 * Each group is L2-normalised then weighted, so long stories do not drown the signal in char n-grams.
 */
import { CONCEPTS } from './lexicon';
import { normalizeTokens } from './normalize';
import { stemFr } from './natural';

export interface FeatureOptions {
  unigramWeight: number;
  bigramWeight: number;
  charWeight: number;
  conceptWeight: number;
  charMin: number;
  charMax: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  unigramWeight: 1,
  bigramWeight: 0.8,
  charWeight: 0.4,
  conceptWeight: 1.2,
  charMin: 3,
  charMax: 4,
};

/** Words too common to carry meaning on their own (still used inside bigrams). */
const STOP = new Set(
  'le la les de des du un une et a au aux en ce se sa son ses mon ma mes ton ta tes leur leurs il elle on nous vous ils elles que qui quoi est sont ai as avons avez ont etre avoir pour par sur dans avec y ne'.split(
    ' ',
  ),
);

interface TokenInfo {
  stem: string;
  unigram: string | undefined;
  chars: string[];
  concepts: string[];
}

export class Featurizer {
  private readonly stemConcepts = new Map<string, string[]>();
  /** Multi-word lexicon entries, indexed by their first word. */
  private readonly phraseConcepts = new Map<string, { phrase: string; concept: string }[]>();
  private readonly tokenCache = new Map<string, TokenInfo>();

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
      unigram: STOP.has(t) ? undefined : `w|${stem}`,
      chars,
      concepts: (this.stemConcepts.get(stem) ?? []).map((c) => `k|${c}`),
    };
    if (this.tokenCache.size < 50_000) this.tokenCache.set(t, info);
    return info;
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
