/**
 * The model's scores (logits) of a message and of its sentences, straight from the words (inference only).
 *
 * The model is linear before the softmax, and in a vector every feature of a group has the same value (the
 * group's weight over the square root of its number of distinct features, `features.ts`). So a vector's logits are
 * the bias plus, for each group, that value times the sum of the weight rows of the group's distinct known
 * features: no sparse vector needs to be built.
 *
 * - Most of a long message's features are character n-grams. Each word keeps the sum of its own n-grams' rows, so
 *   a vector adds one row per distinct word and takes back the rows of the n-grams it already had.
 * - The message is read once (words, bigrams and lexicon phrases resolved per position), in one pass for the
 *   whole message and its sentences: a sentence's sums are added to the message's, and the message's take back
 *   what an earlier sentence already brought it. A sentence's own first bigram (after the start marker) is the
 *   sentence's only; the bigram across the boundary, the separators' words (« mais », « du coup ») and the
 *   sentences too short to be scored are the message's only.
 *
 * Same features and values as `Featurizer.extract`; only the order of the floating-point additions differs from
 * a sparse dot product (`scripts/nlu-identical.ts` checks that the results are identical).
 */
import type { Featurizer, IndexedWord, Phrase } from './features';
import type { SoftmaxModel } from './model';

/** Feature groups, in `features.ts`'s order: unigrams, bigrams, character n-grams, concepts. */
const UNI = 0;
const BI = 1;
const CHARS = 2;
const CONCEPTS = 3;
const GROUPS = 4;

/** A range of tokens scored as a text of its own: its per-group sums and distinct-feature counts. */
interface Vector {
  sums: Float64Array[];
  totals: number[];
}

function vector(nClasses: number): Vector {
  return {
    sums: Array.from({ length: GROUPS }, () => new Float64Array(nClasses)),
    totals: [0, 0, 0, 0],
  };
}

/** `into += sign × from`, element by element (unrolled: this is the scorer's inner loop). */
function addVector(into: Float64Array, from: Float64Array, sign: 1 | -1, offset = 0): void {
  const n = into.length;
  let c = 0;
  if (sign > 0) {
    for (; c + 3 < n; c += 4) {
      into[c] += from[offset + c];
      into[c + 1] += from[offset + c + 1];
      into[c + 2] += from[offset + c + 2];
      into[c + 3] += from[offset + c + 3];
    }
    for (; c < n; c++) into[c] += from[offset + c];
  } else {
    for (; c + 3 < n; c += 4) {
      into[c] -= from[offset + c];
      into[c + 1] -= from[offset + c + 1];
      into[c + 2] -= from[offset + c + 2];
      into[c + 3] -= from[offset + c + 3];
    }
    for (; c < n; c++) into[c] -= from[offset + c];
  }
}

/** `addVector` from the model's weights (a separate copy keeps each one specialised to its array type). */
function addWeights(into: Float64Array, from: Float32Array, sign: 1 | -1, offset: number): void {
  const n = into.length;
  let c = 0;
  if (sign > 0) {
    for (; c + 3 < n; c += 4) {
      into[c] += from[offset + c];
      into[c + 1] += from[offset + c + 1];
      into[c + 2] += from[offset + c + 2];
      into[c + 3] += from[offset + c + 3];
    }
    for (; c < n; c++) into[c] += from[offset + c];
  } else {
    for (; c + 3 < n; c += 4) {
      into[c] -= from[offset + c];
      into[c + 1] -= from[offset + c + 1];
      into[c + 2] -= from[offset + c + 2];
      into[c + 3] -= from[offset + c + 3];
    }
    for (; c < n; c++) into[c] -= from[offset + c];
  }
}

function clear(v: Vector): void {
  for (let g = 0; g < GROUPS; g++) {
    v.sums[g].fill(0);
    v.totals[g] = 0;
  }
}

/**
 * Ids in the order they were added, kept from one message to the next without giving back their storage: emptying
 * an array by `length = 0` frees its elements in V8, so each long message grew the lists again from nothing (about
 * 10 KB of garbage a long message, a fifth of the recogniser's; bench/notes.md, twenty-seventh look).
 */
class IdList {
  ids = new Int32Array(256);
  count = 0;

  push(id: number): void {
    if (this.count === this.ids.length) {
      const more = new Int32Array(this.ids.length * 2);
      more.set(this.ids);
      this.ids = more;
    }
    this.ids[this.count++] = id;
  }
}

export class LinearScorer {
  private readonly nClasses: number;
  /** Ids below this have a weight row (the index's own features). */
  private readonly known: number;
  private readonly groupWeights: readonly number[];
  private readonly whole: Vector;
  private readonly sentence: Vector;
  /** Logits of the sentences of the last message (one buffer per sentence, reused). */
  private readonly sentenceLogits: Float64Array[] = [];
  /**
   * `wholeSeen[id] === wholeTag`: feature `id` is counted in the message; `sentenceSeen` likewise for the sentence.
   * Small stamps, so that the arrays stay in the cache; cleared when the tags wrap (every 65 535 messages or
   * sentences).
   */
  private wholeSeen = new Uint16Array(0);
  private sentenceSeen = new Uint16Array(0);
  private wholeTag = 0;
  private sentenceTag = 0;
  /** Serial numbers of the message and of the sentence (words' stamps: they never wrap). */
  private wholeSerial = 0;
  private sentenceSerial = 0;
  /** The current message: its tokens, words and bigram ids per position, and the lexicon phrases found. */
  private tokens: readonly string[] = [];
  private readonly words: IndexedWord[] = [];
  private readonly bigrams: number[] = [];
  private readonly phraseStarts: number[] = [];
  private readonly phraseEnds: number[] = [];
  private readonly phraseConcepts: number[] = [];
  /** The featurizer's generation at the last `prepare`. */
  private preparedGeneration = -1;
  /** The lexicon phrases the current message has. */
  private readonly phrasesFound = new Set<Phrase>();
  /** The message's known unigram, bigram and n-gram ids, each once, in the order the text brings them. */
  private readonly wholeKnown: IdList[] = [new IdList(), new IdList(), new IdList()];

  constructor(
    private readonly featurizer: Featurizer,
    private readonly index: ReadonlyMap<string, number>,
    private readonly model: SoftmaxModel,
  ) {
    this.nClasses = model.nClasses;
    this.known = index.size;
    const o = featurizer.options;
    this.groupWeights = [o.unigramWeight, o.bigramWeight, o.charWeight, o.conceptWeight];
    this.whole = vector(this.nClasses);
    this.sentence = vector(this.nClasses);
  }

  /**
   * Logits of a message's (normalised, corrected) tokens into `out`, and of each of `sentences` (ranges of
   * `tokens`, in order, not overlapping) of two tokens or more: the returned array holds them at the sentences'
   * positions (undefined for a shorter one). The buffers are reused by the next call.
   */
  score(
    tokens: readonly string[],
    sentences: readonly (readonly [number, number])[],
    out: Float64Array,
    words?: readonly IndexedWord[],
  ): (Float64Array | undefined)[] {
    this.read(tokens, words);
    this.nextTag(true);
    clear(this.whole);
    for (const ids of this.wholeKnown) ids.count = 0;
    const result: (Float64Array | undefined)[] = [];
    let p = 0;
    for (const [start, end] of sentences) {
      for (; p < start; p++) this.wholeOnlyPosition(p);
      if (end - start < 2) {
        result.push(undefined);
        continue;
      }
      this.nextTag(false);
      this.scoreSentence(start, end);
      const buffer = (this.sentenceLogits[result.length] ??= new Float64Array(this.nClasses));
      this.logits(this.sentence, buffer);
      result.push(buffer);
      p = end;
    }
    for (; p < tokens.length; p++) this.wholeOnlyPosition(p);
    for (const id of this.phraseConcepts) this.wholeOnly(CONCEPTS, id);
    this.logits(this.whole, out);
    return result;
  }

  /**
   * Resolves words against this scorer's index from now on: `indexedWord`s obtained after this call (and while
   * the featurizer's `generation` stays the same) can be given to `score`.
   */
  prepare(): void {
    this.featurizer.useIndex(this.index);
    this.preparedGeneration = this.featurizer.generation;
  }

  /** `words`: the tokens' words, when the caller resolved them since `prepare` (same featurizer generation). */
  private read(tokens: readonly string[], given?: readonly IndexedWord[]): void {
    const f = this.featurizer;
    f.useIndex(this.index);
    // Words resolved before the memos were reset (they grew too large meanwhile) belong to the old numbering.
    if (given && f.generation !== this.preparedGeneration) given = undefined;
    this.tokens = tokens;
    const words = this.words;
    const bigrams = this.bigrams;
    words.length = tokens.length;
    bigrams.length = tokens.length;
    this.phraseStarts.length = 0;
    this.phraseEnds.length = 0;
    this.phraseConcepts.length = 0;
    this.phrasesFound.clear();
    let prev: IndexedWord | undefined;
    for (let p = 0; p < tokens.length; p++) {
      const w = given ? given[p] : f.indexedWord(tokens[p]);
      words[p] = w;
      bigrams[p] = prev ? f.bigramAfter(prev, w) : w.startBigram;
      prev = w;
      if (w.phrases) this.findPhrases(w.phrases, p);
    }
  }

  /**
   * The phrases among `phrases` (all starting with the word at `p`) that the message has from `p` on. Tokens hold
   * no space, so a phrase is in a range's text (`features.ts`: ` ${tokens.join(' ')} ` includes ` ${phrase} `)
   * exactly when its words are tokens in a row, inside the range.
   */
  private findPhrases(phrases: readonly Phrase[], p: number): void {
    const tokens = this.tokens;
    for (const phrase of phrases) {
      const { words, concept } = phrase;
      const end = p + words.length;
      if (end > tokens.length) continue;
      let k = 1;
      while (k < words.length && tokens[p + k] === words[k]) k++;
      if (k < words.length) continue;
      this.phrasesFound.add(phrase);
      this.phraseStarts.push(p);
      this.phraseEnds.push(end);
      this.phraseConcepts.push(this.featurizer.conceptId(concept));
    }
  }

  /**
   * Logits of another linear model over the same features (`model`: same feature ids) for the message scored
   * last, into `out`: computed as a sparse dot product with the message's vector (`Featurizer.extract`, features
   * the index does not know left out), feature after feature in that vector's order, so the result is that of
   * `model.logits` on it.
   */
  wholeLogits(model: SoftmaxModel, out: Float64Array): void {
    const C = model.nClasses;
    const W = model.weights;
    for (let c = 0; c < C; c++) out[c] = model.bias[c];
    for (let g = 0; g < GROUPS; g++) {
      const total = this.whole.totals[g];
      if (total === 0 || this.groupWeights[g] === 0) continue;
      const x = Math.fround(this.groupWeights[g] / Math.sqrt(total));
      const known = g === CONCEPTS ? undefined : this.wholeKnown[g];
      const ids = known ? known.ids : this.wholeConcepts();
      const n = known ? known.count : ids.length;
      for (let k = 0; k < n; k++) {
        const base = ids[k] * C;
        for (let c = 0; c < C; c++) out[c] += W[base + c] * x;
      }
    }
  }

  /** The message's known concept ids, each once, in `Featurizer.extract`'s order (a word's, then its phrases'). */
  private wholeConcepts(): number[] {
    const seen = new Set<number>();
    const ids: number[] = [];
    const add = (id: number): void => {
      if (seen.has(id)) return;
      seen.add(id);
      if (id < this.known) ids.push(id);
    };
    for (const w of this.words) {
      for (const id of w.concepts) add(id);
      if (w.phrases) {
        for (const phrase of w.phrases) {
          if (this.phrasesFound.has(phrase)) add(this.featurizer.conceptId(phrase.concept));
        }
      }
    }
    return ids;
  }

  /** One sentence: its own sums, added to the message's (which take back what they already had). */
  private scoreSentence(start: number, end: number): void {
    const { words, bigrams, whole, sentence } = this;
    clear(sentence);
    for (let p = start; p < end; p++) {
      const w = words[p];
      if (w.unigram >= 0) this.joint(UNI, w.unigram);
      if (p === start && p > 0) {
        this.sentenceOnly(BI, w.startBigram);
        this.wholeOnly(BI, bigrams[p]);
      } else this.joint(BI, bigrams[p]);
      if (w.sentenceStamp === this.sentenceSerial) continue; // a word already counted brings nothing new
      w.sentenceStamp = this.sentenceSerial;
      this.jointChars(w);
      for (const id of w.concepts) this.joint(CONCEPTS, id);
    }
    for (let m = 0; m < this.phraseConcepts.length; m++) {
      if (this.phraseStarts[m] >= start && this.phraseEnds[m] <= end)
        this.joint(CONCEPTS, this.phraseConcepts[m]);
    }
    for (let g = 0; g < GROUPS; g++) addVector(whole.sums[g], sentence.sums[g], 1);
  }

  /** A position outside the scored sentences: the message's features only. */
  private wholeOnlyPosition(p: number): void {
    const w = this.words[p];
    if (w.unigram >= 0) this.wholeOnly(UNI, w.unigram);
    this.wholeOnly(BI, this.bigrams[p]);
    if (w.wholeStamp === this.wholeSerial) return;
    w.wholeStamp = this.wholeSerial;
    const sum = this.whole.sums[CHARS];
    const row = this.charRow(w);
    if (row) addVector(sum, row, 1);
    for (const id of w.chars) {
      if (this.wholeSeen[id] === this.wholeTag) {
        if (id < this.known) this.addRow(sum, id, -1);
      } else {
        this.wholeSeen[id] = this.wholeTag;
        this.whole.totals[CHARS]++;
        if (id < this.known) this.wholeKnown[CHARS].push(id);
      }
    }
    for (const id of w.concepts) this.wholeOnly(CONCEPTS, id);
  }

  /** A feature of the sentence and of the message. */
  private joint(g: number, id: number): void {
    if (id >= this.sentenceSeen.length) this.grow(id);
    const inSentence = this.sentenceSeen[id] === this.sentenceTag;
    const inWhole = this.wholeSeen[id] === this.wholeTag;
    if (!inSentence) {
      this.sentenceSeen[id] = this.sentenceTag;
      this.sentence.totals[g]++;
      if (id < this.known) {
        this.addRow(this.sentence.sums[g], id, 1);
        // The sentence's sums go to the message's: take it back there when the message already had it.
        if (inWhole) this.addRow(this.whole.sums[g], id, -1);
      }
      if (!inWhole) {
        this.wholeSeen[id] = this.wholeTag;
        this.whole.totals[g]++;
        if (id < this.known && g !== CONCEPTS) this.wholeKnown[g].push(id);
      }
    } else if (!inWhole) this.wholeOnly(g, id);
  }

  /** A feature of the sentence only. */
  private sentenceOnly(g: number, id: number): void {
    if (id >= this.sentenceSeen.length) this.grow(id);
    if (this.sentenceSeen[id] === this.sentenceTag) return;
    this.sentenceSeen[id] = this.sentenceTag;
    this.sentence.totals[g]++;
    if (id < this.known) {
      this.addRow(this.sentence.sums[g], id, 1);
      this.addRow(this.whole.sums[g], id, -1);
    }
  }

  /** A feature of the message only. */
  private wholeOnly(g: number, id: number): void {
    if (id >= this.wholeSeen.length) this.grow(id);
    if (this.wholeSeen[id] === this.wholeTag) return;
    this.wholeSeen[id] = this.wholeTag;
    this.whole.totals[g]++;
    if (id < this.known) {
      this.addRow(this.whole.sums[g], id, 1);
      if (g !== CONCEPTS) this.wholeKnown[g].push(id);
    }
  }

  /** A word's character n-grams, new in the sentence: its row sum, less the rows of the n-grams already counted. */
  private jointChars(w: IndexedWord): void {
    const inWhole = w.wholeStamp === this.wholeSerial;
    w.wholeStamp = this.wholeSerial;
    const sentenceSum = this.sentence.sums[CHARS];
    const wholeSum = this.whole.sums[CHARS];
    const row = this.charRow(w);
    if (row) {
      addVector(sentenceSum, row, 1);
      // A word the message already had brings it nothing: take back what the sentence will pass on.
      if (inWhole) addVector(wholeSum, row, -1);
    }
    const { sentenceSeen, wholeSeen, sentenceTag, wholeTag } = this;
    for (const id of w.chars) {
      if (sentenceSeen[id] === sentenceTag) {
        if (id < this.known) {
          this.addRow(sentenceSum, id, -1);
          if (inWhole) this.addRow(wholeSum, id, 1);
        }
      } else {
        sentenceSeen[id] = sentenceTag;
        this.sentence.totals[CHARS]++;
        if (inWhole) continue;
        if (wholeSeen[id] === wholeTag) {
          if (id < this.known) this.addRow(wholeSum, id, -1);
        } else {
          wholeSeen[id] = wholeTag;
          this.whole.totals[CHARS]++;
          if (id < this.known) this.wholeKnown[CHARS].push(id);
        }
      }
    }
  }

  /** The sum of the weight rows of a word's known n-grams (made once per word), or null when none is known. */
  private charRow(w: IndexedWord): Float64Array | null {
    if (w.charRow !== undefined) return w.charRow;
    let row: Float64Array | null = null;
    for (const id of w.chars) {
      if (id >= this.known) continue;
      row ??= new Float64Array(this.nClasses);
      this.addRow(row, id, 1);
    }
    w.charRow = row;
    return row;
  }

  private logits(v: Vector, out: Float64Array): void {
    const C = this.nClasses;
    const bias = this.model.bias;
    for (let c = 0; c < C; c++) out[c] = bias[c];
    for (let g = 0; g < GROUPS; g++) {
      if (v.totals[g] === 0 || this.groupWeights[g] === 0) continue;
      // The sparse vectors held the value as a 32-bit float.
      const scale = Math.fround(this.groupWeights[g] / Math.sqrt(v.totals[g]));
      const sum = v.sums[g];
      for (let c = 0; c < C; c++) out[c] += scale * sum[c];
    }
  }

  /** A new tag for the message (`whole`) or for a sentence. */
  private nextTag(whole: boolean): void {
    if (whole) {
      if (this.wholeSeen.length < this.featurizer.idCount) this.grow(this.featurizer.idCount);
      this.wholeSerial++;
      this.wholeTag = (this.wholeTag + 1) & 0xffff;
      if (this.wholeTag === 0) {
        this.wholeSeen.fill(0);
        this.wholeTag = 1;
      }
    } else {
      this.sentenceSerial++;
      this.sentenceTag = (this.sentenceTag + 1) & 0xffff;
      if (this.sentenceTag === 0) {
        this.sentenceSeen.fill(0);
        this.sentenceTag = 1;
      }
    }
  }

  /** Makes room in the stamp arrays for ids up to `id`. */
  private grow(id: number): void {
    const size = Math.max(id + 1024, this.wholeSeen.length * 2);
    const whole = new Uint16Array(size);
    whole.set(this.wholeSeen);
    this.wholeSeen = whole;
    const sentence = new Uint16Array(size);
    sentence.set(this.sentenceSeen);
    this.sentenceSeen = sentence;
  }

  private addRow(into: Float64Array, id: number, sign: 1 | -1): void {
    addWeights(into, this.model.weights, sign, id * this.nClasses);
  }
}
