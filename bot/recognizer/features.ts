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
  bigramWeight: 0.6,
  charWeight: 0.8,
  conceptWeight: 0.7,
  charMin: 3,
  charMax: 5,
};

/** Words too common to carry meaning on their own (still used inside bigrams). */
const STOP = new Set(
  'le la les de des du un une et a au aux en ce se sa son ses mon ma mes ton ta tes leur leurs il elle on nous vous ils elles que qui quoi est sont ai as avons avez ont etre avoir pour par sur dans avec y ne'.split(
    ' ',
  ),
);

export class Featurizer {
  private readonly stemConcepts = new Map<string, string[]>();
  private readonly phraseConcepts: { phrase: string; concept: string }[] = [];

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
          this.phraseConcepts.push({ phrase: ` ${toks.join(' ')} `, concept });
        }
      }
    }
  }

  /** Named features with values; `tokens` must already be normalised (and spell-corrected). */
  extract(tokens: readonly string[]): Map<string, number> {
    const o = this.options;
    const uni = new Map<string, number>();
    const bi = new Map<string, number>();
    const chars = new Map<string, number>();
    const concepts = new Map<string, number>();
    const stems = tokens.map((t) => stemFr(t));
    let prev = '^';
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const s = stems[i];
      if (!STOP.has(t)) uni.set(`w|${s}`, 1);
      bi.set(`b|${prev}_${s}`, 1);
      prev = s;
      if (t.length >= 4 && !/^\d+$/.test(t)) {
        const padded = `<${t}>`;
        for (let n = o.charMin; n <= o.charMax; n++) {
          for (let k = 0; k + n <= padded.length; k++) chars.set(`c|${padded.slice(k, k + n)}`, 1);
        }
      }
      const cs = this.stemConcepts.get(s);
      if (cs) for (const c of cs) concepts.set(`k|${c}`, 1);
    }
    if (this.phraseConcepts.length > 0 && tokens.length > 1) {
      const text = ` ${tokens.join(' ')} `;
      for (const { phrase, concept } of this.phraseConcepts) {
        if (text.includes(phrase)) concepts.set(`k|${concept}`, 1);
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

function addGroup(out: Map<string, number>, group: Map<string, number>, weight: number): void {
  if (group.size === 0 || weight === 0) return;
  const scale = weight / Math.sqrt(group.size);
  for (const [k, v] of group) out.set(k, v * scale);
}
