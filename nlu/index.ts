/**
 * Relais Indé intent and entity recogniser (French). Portable: no Bot Framework import here.
 *
 * Pipeline (Rasa-like, one step per module):
 *   normalize.ts  text → tokens (case, accents, elisions, SMS spellings)
 *   spell.ts      unknown tokens → closest training word (Damerau-Levenshtein, length-aware)
 *   features.ts   tokens → stemmed unigrams, bigrams, char n-grams, lexicon concepts
 *   model.ts      softmax regression trained at load time (AdaGrad SGD, ~0.4 s)
 *   entities.ts   patterns → statut, difficultes, situation, enfants, rangEnfant, ald, affiliationMois, montants, dates
 * Long messages are also scored sentence by sentence, so that the one sentence carrying the need is not drowned
 * by the story around it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { modelKey, readModel, writeModel } from './cache';
import { loadCommonWords, loadExamples, loadVocabulary, DEFAULT_DATA_DIR, type Example } from './data';
import {
  ALL_INTENTS,
  type Distress,
  type IntentName,
  isConversationIntent,
  type OutOfScope,
  type Recognition,
} from '../contract';
import { extractEntitiesFolded, type EntityOptions } from './entities';
import { DEFAULT_FEATURE_OPTIONS, Featurizer, type FeatureOptions, type IndexedWord } from './features';
import { DistressDetector } from './distress';
import { BereavementGate } from './bereavement';
import { Courtesy } from './courtesy';
import { type HardshipFile, HardshipHead, hardshipTrainingSet, loadHardshipExamples } from './hardship';
import { CONCEPTS } from './lexicon';
import { LanguageGuess } from './language';
import { LinearScorer } from './linear';
import { SoftmaxModel, softmaxInPlace, type SparseVector, type TrainOptions } from './model';
import {
  appendChunk,
  appendFoldedTokens,
  fold,
  normalizeFoldedTokens,
  normalizeTokens,
  rewriteInContext,
} from './normalize';
import { ScopeDetector } from './scope';
import { atomsOf, atomsVersion, readingText } from './prefilter';
import { etBeforeQuestionSource, opensQuestion } from './questionWords';
import { PIPELINE_OPTIONS } from './settings';
import { SpellCorrector } from './spell';

export { normalize, fold } from './normalize';
export { TOPIC_INTENTS, CONVERSATION_INTENTS, ALL_INTENTS, isIntentName } from '../contract';
export { toRecognizerResult } from '../contract';
export type { IntentName, TopicIntent, ConversationIntent, Entities, Recognition } from '../contract';
export type { EntityOptions } from './entities';
export { extractEntities } from './entities';
export {
  COMMON_WORDS_FILE,
  loadCommonWords,
  loadExamples,
  loadVocabulary,
  DEFAULT_DATA_DIR,
  sameTextKey,
} from './data';
export type { Example } from './data';
export type { Distress, DistressLevel, DistressSignal } from './distress';
export type { HardshipFile } from './hardship';
export type { OutOfScope } from './scope';

/** A second need is offered when its sentence names it at least this surely… */
const ALSO_SEGMENT_MIN = 0.6;
/**
 * …or this surely when the sentence is a question of its own (« … ? et est-ce que je dois continuer à payer mes
 * cotisations ? »: a question's few words name its subject less surely than a story's sentence)…
 */
const ALSO_QUESTION_MIN = 0.45;
/** …or when the whole message gives it at least this probability. */
const ALSO_WHOLE_MIN = 0.25;

export interface RecognizerOptions {
  /** Below this probability the top intent becomes `None`. */
  threshold: number;
  /** When top − second < margin (both real intents), the result is flagged ambiguous. */
  ambiguityMargin: number;
  /** Score long messages sentence by sentence too. */
  segmentScoring: boolean;
  /** Weight of the best sentence against the whole message. */
  segmentWeight: number;
  features: FeatureOptions;
  train: Partial<TrainOptions>;
  /** Correct words absent from the training data that spelling correction must not change. */
  vocabulary?: readonly string[];
  /**
   * Common French words (normalised) that spelling correction leaves as written without making them targets of a
   * correction (`common-words.txt`). Not part of the model's cache key: the trained model does not depend on them.
   */
  keep?: readonly string[];
  /** Reuse (and store) the trained model in the content-addressed cache of `cache.ts`. */
  cache?: boolean;
  /** The learned hardship head's settings (hardship.ts). */
  hardship: { threshold: number; realWeight: number; minWords: number };
  /** Real messages labelled with or without difficulty, for the head (default: none). */
  hardshipExamples?: HardshipFile;
}

/** `locales/fr/nlu/options.yaml` (the training options' defaults are applied by the model: `train` stays empty). */
export const DEFAULT_OPTIONS: RecognizerOptions = {
  threshold: PIPELINE_OPTIONS.threshold,
  ambiguityMargin: PIPELINE_OPTIONS.ambiguityMargin,
  segmentScoring: PIPELINE_OPTIONS.segmentScoring,
  segmentWeight: PIPELINE_OPTIONS.segmentWeight,
  features: DEFAULT_FEATURE_OPTIONS,
  train: {},
  hardship: PIPELINE_OPTIONS.hardship,
};

export class Recognizer {
  private readonly featurizer: Featurizer;
  private readonly featureIndex = new Map<string, number>();
  private readonly labels: IntentName[];
  /** The class of thank-yous (-1 when the training data has none). */
  private readonly thanksIndex: number;
  private readonly model: SoftmaxModel;
  private readonly hardshipHead: HardshipHead;
  private readonly spell: SpellCorrector;
  /** `chunk`'s memo. */
  private readonly chunks = new Map<string, ChunkReading>();
  private readonly noneIndex: number;
  /** `topic[c]`: class `c` is a topic need (neither None nor a conversational intent), read once per class. */
  private readonly topic: Uint8Array;
  private readonly scorer: LinearScorer;
  private readonly buf: Float64Array;
  private readonly distress = DistressDetector.fromFile();
  private readonly scope = ScopeDetector.fromFile();
  /** A message in another language than French (English). */
  private readonly language = LanguageGuess.fromFile();
  /** Opening and closing formulas, left out of what the intent model reads (training and recognition). */
  private readonly courtesy = Courtesy.fromFile();
  /** The bereavement topics, never read in a message that says no death (`bereavement.ts`). */
  private readonly bereavement = BereavementGate.fromFile();
  /** Their classes. */
  private readonly bereavementClasses: number[];
  /** Whether the last message says a death (read only when a bereavement topic comes up), and its two readings. */
  private deathSaid: boolean | undefined;
  private deathNormalized = '';
  private deathAsWritten: string | undefined;
  /** Best topic intent of each sentence of the last long message (for `also`). */
  private segmentTops: { c: number; p: number; asks: boolean }[] = [];
  readonly options: RecognizerOptions;
  /** Milliseconds spent building the model. */
  readonly buildMs: number;
  /** True when the trained model came from the cache (see `cache.ts`) rather than from training. */
  readonly fromCache: boolean = false;
  /** The model's key in the cache (with `cache: true`): the same from the sources and from the compiled build. */
  readonly cacheKey: string | undefined;

  constructor(examples: readonly Example[], options: Partial<RecognizerOptions> = {}) {
    const t0 = performance.now();
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.featurizer = new Featurizer(this.options.features);
    const present = new Set(examples.map((e) => e.intent));
    this.labels = ALL_INTENTS.filter((i) => present.has(i));
    if (!present.has('None')) this.labels.push('None');
    this.noneIndex = this.labels.indexOf('None');
    this.thanksIndex = this.labels.indexOf('thanks');
    this.topic = Uint8Array.from(this.labels, (l, c) =>
      c === this.noneIndex || isConversationIntent(l) ? 0 : 1,
    );
    const labelIndex = new Map<string, number>(this.labels.map((l, i) => [l, i]));
    this.bereavementClasses = this.bereavement.intents
      .map((intent) => this.labels.indexOf(intent))
      .filter((c) => c >= 0);

    const key = this.options.cache
      ? modelKey({
          examples,
          vocabulary: this.options.vocabulary,
          options: { ...this.options, keep: undefined },
        })
      : undefined;
    this.cacheKey = key;
    const read = key ? readModel(key) : undefined;
    const cached = read && read.labels.join() === this.labels.join() ? read : undefined;
    // The spelling vocabulary is stored with the model (same key, same inputs): normalising every training
    // example again at each start was most of what remained of building the recogniser from the cache.
    let tokenized: string[][] | undefined;
    let freq: Map<string, number>;
    if (cached?.frequencies) freq = new Map(cached.frequencies);
    else {
      tokenized = examples.map((e) => normalizeTokens(e.text).tokens);
      freq = this.frequencies(tokenized);
    }
    this.spell = new SpellCorrector(freq, new Set(this.options.keep));

    if (cached?.hardship) {
      cached.features.forEach((name, i) => this.featureIndex.set(name, i));
      this.model = new SoftmaxModel(cached.features.length, this.labels.length, cached.weights, cached.bias);
      this.hardshipHead = new HardshipHead(
        new SoftmaxModel(cached.features.length, 2, cached.hardship.weights, cached.hardship.bias),
      );
      this.fromCache = true;
    } else {
      const rows: SparseVector[] = [];
      const y: number[] = [];
      /** Each training sentence's vector, for the hardship head (its features are all in the index by then). */
      const rowOf = new Map<string, SparseVector>();
      (tokenized ?? examples.map((e) => normalizeTokens(e.text).tokens)).forEach((toks, i) => {
        // The topics' sentences without their closing thank-you; small talk keeps it (« merci à vous »).
        const row = this.vectorize(this.courtesy.trim(toks, !isConversationIntent(examples[i].intent)), true);
        rows.push(row);
        rowOf.set(examples[i].text, row);
        y.push(labelIndex.get(examples[i].intent) ?? this.noneIndex);
      });
      this.model = SoftmaxModel.train(
        rows,
        y,
        this.featureIndex.size,
        this.labels.length,
        this.options.train,
      );
      this.hardshipHead = this.trainHardshipHead(examples, rowOf);
      if (key) {
        writeModel(key, {
          labels: this.labels,
          features: [...this.featureIndex.keys()],
          weights: this.model.weights,
          bias: this.model.bias,
          frequencies: [...freq],
          hardship: { weights: this.hardshipHead.model.weights, bias: this.hardshipHead.model.bias },
        });
      }
    }
    this.scorer = new LinearScorer(this.featurizer, this.featureIndex, this.model);
    this.buf = new Float64Array(this.labels.length);
    this.buildMs = performance.now() - t0;
  }

  /**
   * The spelling corrector's vocabulary: every training token with its count, then the words that must stay as
   * they are (vocabulary file, detectors' words, lexicon entries) once each, in that order (ties between equally
   * close corrections go to the first).
   */
  private frequencies(tokenized: readonly string[][]): Map<string, number> {
    const freq = new Map<string, number>();
    for (const toks of tokenized) for (const t of toks) freq.set(t, (freq.get(t) ?? 0) + 1);
    for (const word of this.options.vocabulary ?? []) {
      for (const t of normalizeTokens(word).tokens) if (!freq.has(t)) freq.set(t, 1);
    }
    for (const word of [...this.distress.words, ...this.scope.words]) if (!freq.has(word)) freq.set(word, 1);
    for (const entries of Object.values(CONCEPTS)) {
      for (const entry of entries)
        for (const t of normalizeTokens(entry).tokens) if (!freq.has(t)) freq.set(t, 1);
    }
    return freq;
  }

  /**
   * The hardship head, trained on the main model's features (the index is frozen: a word no training sentence has
   * is not a feature of the head either). `rowOf`: the vectors the main model was trained on, by sentence, reused
   * rather than built again; a text that is not a training sentence is vectorised here.
   */
  private trainHardshipHead(
    examples: readonly Example[],
    rowOf: ReadonlyMap<string, SparseVector>,
  ): HardshipHead {
    const set = hardshipTrainingSet(
      examples,
      this.options.hardshipExamples ?? { difficulty: [], no_difficulty: [] },
      this.options.hardship.realWeight,
      isConversationIntent,
    );
    const rows: SparseVector[] = [];
    const labels: number[] = [];
    for (const { text, label, weight } of set) {
      const row =
        rowOf.get(text) ?? this.vectorize(this.courtesy.trim(normalizeTokens(text).tokens, true), false);
      for (let k = 0; k < weight; k++) {
        rows.push(row);
        labels.push(label);
      }
    }
    return HardshipHead.train(rows, labels, this.featureIndex.size, this.options.train);
  }

  /**
   * Builds a recogniser from the YAML files of `dir` (default `locales/fr/intents`), with the real messages of
   * `../nlu/hardship.yaml` beside it when that file exists.
   */
  static fromDirectory(dir: string = DEFAULT_DATA_DIR, options: Partial<RecognizerOptions> = {}): Recognizer {
    const hardshipFile = path.join(dir, '..', 'nlu', 'hardship.yaml');
    return new Recognizer(loadExamples(dir), {
      vocabulary: loadVocabulary(dir),
      keep: loadCommonWords(dir),
      ...(fs.existsSync(hardshipFile) ? { hardshipExamples: loadHardshipExamples(hardshipFile) } : {}),
      ...options,
    });
  }

  get intentNames(): readonly IntentName[] {
    return this.labels;
  }

  /**
   * A training sentence's sparse vector. `grow`: its new features are added to the index; otherwise the index is
   * frozen and features it does not know are left out (they still count in their group's value).
   */
  private vectorize(tokens: readonly string[], grow: boolean): SparseVector {
    const feats = this.featurizer.extract(tokens);
    const idx: number[] = [];
    const val: number[] = [];
    for (const [name, v] of feats) {
      let i = this.featureIndex.get(name);
      if (i === undefined) {
        if (!grow) continue;
        i = this.featureIndex.size;
        this.featureIndex.set(name, i);
      }
      idx.push(i);
      val.push(v);
    }
    return { idx: Int32Array.from(idx), val: Float32Array.from(val) };
  }

  /** `ChunkReader`: a token spell-corrected. */
  correct(token: string): string {
    return this.spell.correct(token);
  }

  /** `ChunkReader`: tokens spell-corrected. */
  correctAll(tokens: string[]): CorrectedTokens {
    let corrected = false;
    const out = tokens.map((t) => {
      const c = this.spell.correct(t);
      if (c !== t) corrected = true;
      return c;
    });
    return { tokens: out, corrected };
  }

  /**
   * `ChunkReader`: a chunk of a long message, normalised and corrected once per distinct chunk (bounded memo: one
   * lookup per word instead of one for its normalisation and one per token for its correction).
   */
  chunk(part: string): ChunkReading {
    let reading = this.chunks.get(part);
    if (reading === undefined) {
      const tokens: string[] = [];
      const rewritten = appendChunk(part, tokens);
      const { tokens: corrected, corrected: changed } = this.correctAll(tokens);
      reading = {
        tokens,
        corrected,
        rewritten,
        changed,
        words: [],
        generation: -1,
        atoms: [],
        atomsVersion: -1,
        count: tokens.length,
        token: tokens.length === 1 ? tokens[0] : '',
        correctedToken: tokens.length === 1 ? corrected[0] : '',
        word: undefined,
        atom: undefined,
      };
      if (this.chunks.size >= CHUNK_MEMO_MAX) this.chunks.clear();
      this.chunks.set(part, reading);
    }
    return reading;
  }

  /** `ChunkReader`: a corrected token's word for the scorer (resolved since `recognize` began). */
  word(token: string): IndexedWord {
    return this.featurizer.indexedWord(token);
  }

  /** `ChunkReader`: a chunk's corrected tokens' words for the scorer, kept with the chunk while they stay valid. */
  chunkWords(chunk: ChunkReading): readonly IndexedWord[] {
    const f = this.featurizer;
    if (chunk.generation !== f.generation) {
      chunk.words = chunk.corrected.map((t) => f.indexedWord(t));
      chunk.word = chunk.count === 1 ? chunk.words[0] : undefined;
      chunk.generation = f.generation;
    }
    return chunk.words;
  }

  /** `ChunkReader`: a chunk's corrected tokens' atoms for the pre-tests (`prefilter.ts`), kept with the chunk. */
  chunkAtoms(chunk: ChunkReading): readonly Int32Array[] {
    const version = atomsVersion();
    if (chunk.atomsVersion !== version) {
      chunk.atoms = chunk.corrected.map(atomsOf);
      chunk.atom = chunk.count === 1 ? chunk.atoms[0] : undefined;
      chunk.atomsVersion = version;
    }
    return chunk.atoms;
  }

  /**
   * Class probabilities for already-normalised tokens, read without their courtesy formulas (`courtesy.ts`); a
   * closing thank-you stays off only when the message without it reads as an intent, neither `None` nor small talk
   * (« … arrêt maladie, merci », « menu merci »), not when it is the message's point (« je voulais juste vous dire
   * merci »).
   * `segments`: each sentence's range of `tokens` (none for a message of one sentence).
   */
  private score(
    tokens: readonly string[],
    segments: readonly (readonly [number, number])[],
    words: readonly IndexedWord[] | undefined,
  ): Float64Array {
    const [start, end] = this.courtesy.range(tokens);
    const [thanksStart, thanksEnd] = this.courtesy.range(tokens, true);
    if (thanksEnd < end) {
      const probs = this.scoreRange(tokens, segments, words, thanksStart, thanksEnd);
      let top = 0;
      for (let c = 1; c < probs.length; c++) if (probs[c] > probs[top]) top = c;
      const intent = this.labels[top];
      if (intent !== 'None' && !SMALL_TALK.has(intent) && probs[top] >= this.options.threshold) return probs;
    }
    return this.scoreRange(tokens, segments, words, start, end);
  }

  /** `score` of the tokens `[start, end)`, blended with the best sentence for long messages (`segmentWeight`). */
  private scoreRange(
    tokens: readonly string[],
    segments: readonly (readonly [number, number])[],
    words: readonly IndexedWord[] | undefined,
    start: number,
    end: number,
  ): Float64Array {
    const probs = this.buf;
    const { segmentScoring, segmentWeight } = this.options;
    if (start > 0 || end < tokens.length) {
      // Read without its courtesy formulas: the sentences are clipped to what remains.
      tokens = tokens.slice(start, end);
      if (words) words = words.slice(start, end);
      segments = segments
        .map(([a, b]): [number, number] => [Math.max(a, start) - start, Math.min(b, end) - start])
        .filter(([a, b]) => b > a);
    }
    const sentences = this.scorer.score(
      tokens,
      segmentScoring && segments.length >= 2 ? segments : [],
      probs,
      words,
    );
    softmaxInPlace(probs);
    this.segmentTops = [];
    let best: Float64Array | undefined;
    let bestTop = 0;
    for (let i = 0; i < sentences.length; i++) {
      const p = sentences[i];
      if (!p) continue;
      softmaxInPlace(p);
      let segTop = -1;
      for (let c = 0; c < p.length; c++) {
        if (this.topic[c] === 0) continue;
        if (segTop < 0 || p[c] > p[segTop]) segTop = c;
        if (p[c] > bestTop) {
          bestTop = p[c];
          best = p;
        }
      }
      if (segTop >= 0)
        this.segmentTops.push({ c: segTop, p: p[segTop], asks: opensQuestion(tokens, segments[i][0]) });
    }
    if (best)
      for (let c = 0; c < probs.length; c++)
        probs[c] = (1 - segmentWeight) * probs[c] + segmentWeight * best[c];
    return probs;
  }

  recognize(text: string, options: EntityOptions = {}): Recognition {
    const folded = fold(text);
    this.scorer.prepare();
    const norm = readMessage(text, folded, this);
    const { tokens, corrected } = norm.read;
    const normalized = tokens.join(' ');
    const probs = this.score(tokens, norm.segments, norm.words);
    this.closeBereavement(probs, normalized, corrected ? norm.tokens.join(' ') : undefined);

    // The two best classes, found in one pass; the full ranking is built only if someone reads `intents`.
    let first = 0;
    let second = -1;
    for (let c = 1; c < probs.length; c++) {
      if (probs[c] > probs[first]) {
        second = first;
        first = c;
      } else if (second < 0 || probs[c] > probs[second]) second = c;
    }
    // Copied by hand: `Array.from` walks a typed array through its iterator.
    const scores: number[] = [];
    for (let c = 0; c < probs.length; c++) scores.push(probs[c]);
    const labels = this.labels;
    let topIntent: IntentName = this.labels[first];
    let score = probs[first];
    if (topIntent !== 'None' && score < this.options.threshold) {
      topIntent = 'None';
      score = 1 - score;
    } else if (
      SMALL_TALK.has(topIntent) &&
      norm.tokens.length >= SMALL_TALK_STORY_WORDS &&
      (norm.segments.length >= 2 || text.includes('?'))
    ) {
      // A story that asks something is not a greeting, a thank-you or a goodbye because it opens or ends with one
      // (« … Merci de bien vouloir m'éclairer. »): read as the threshold reads a weak intent.
      topIntent = 'None';
      score = 1 - score;
    }
    // A thank-you for a need settled (« merci pour vos conseils, grâce à vous ma demande d'aide a été acceptée, bonne
    // journée »): a thank-you, not the need it tells (nor HELP: `readDistress` reads small talk by its listed signs).
    const settledThanks =
      topIntent !== 'thanks' &&
      this.thanksIndex >= 0 &&
      this.thanksForSettled(text, normalized, tokens, norm.segments);
    if (settledThanks) {
      topIntent = 'thanks';
      score = Math.max(probs[this.thanksIndex], this.options.threshold);
    }
    // The detectors also read the words as written when spelling correction changed some.
    const read = corrected ? [normalized, norm.tokens.join(' ')] : [normalized];
    // The words' atoms read with the chunks, unless patterns were added since (the first message ever).
    readingText(normalized, tokens, norm.atomsVersion === atomsVersion() ? norm.atoms : undefined);
    if (corrected) readingText(read[1], norm.tokens);
    // A field's word is read as written too: spelling correction must not erase it (« voulant » → « voulait »).
    const outOfScope = this.scope.detect(normalized) ?? (corrected ? this.scope.detect(read[1]) : undefined);
    const result = {
      text,
      normalized,
      topIntent,
      score: round(score),
      entities: extractEntitiesFolded(normalized, folded, options),
      distress: this.readDistress(read, norm.tokens.length, topIntent, outOfScope),
      selfHarm: this.distress.selfHarm(...read),
      ...(outOfScope ? { outOfScope } : {}),
      ...(this.distress.othersSuicide(...read) ? { othersSuicide: true } : {}),
      ...(this.distress.othersAtRisk(...read) ? { othersAtRisk: true } : {}),
      ...(this.distress.medicalEmergency(...read) ? { medicalEmergency: true } : {}),
      ...(this.language.isOtherLanguage(norm.tokens)
        ? {
            otherLanguage: true,
            ...(this.language.tellsDistress(norm.tokens) ? { otherLanguageDistress: true } : {}),
          }
        : {}),
    } as Recognition;
    const also = settledThanks ? [] : this.otherNeeds(first, second, probs);
    if (also.length > 0) result.also = also;
    let intents: Record<string, { score: number }> | undefined;
    Object.defineProperty(result, 'intents', {
      enumerable: true,
      get: () => (intents ??= rankIntents(labels, scores)),
    });
    if (norm.rewritten || corrected) result.alteredText = normalized;
    if (
      topIntent !== 'None' &&
      second >= 0 &&
      this.labels[second] !== 'None' &&
      probs[first] - probs[second] < this.options.ambiguityMargin
    ) {
      result.ambiguous = { first: this.labels[first], second: this.labels[second] };
    }
    return result;
  }

  /** Thanks, nothing asked (no « ? », no sentence opening with a question's words), a need told as settled. */
  private thanksForSettled(
    text: string,
    normalized: string,
    tokens: readonly string[],
    segments: readonly (readonly [number, number])[],
  ): boolean {
    return (
      !text.includes('?') &&
      this.courtesy.thanksAnywhere(normalized) &&
      !segments.some(([start]) => opensQuestion(tokens, start)) &&
      this.distress.resolved(normalized)
    );
  }

  /**
   * The listed signs of difficulty; when there are none, the learned head's reading (signal `recit`) — except for
   * small talk: a long thank-you (« vous m'avez vraiment bien aidé ») tells no difficulty; and except when the
   * message denies a sign (« je n'ai pas de dettes »). The words of the subject of the field the message asks about
   * (« majorations de retard combien ? »: `subjectWords` of out-of-scope.yaml) are no sign: the message is read
   * without them. A moderate reading of a difficulty told as over (« … et j'ai pu reprendre mon activité »:
   * `DistressDetector.resolved`) is none.
   */
  private readDistress(
    texts: string[],
    tokenCount: number,
    topIntent: IntentName,
    field: OutOfScope | undefined,
  ): Distress {
    const asked = field ? texts.map((text) => this.scope.withoutSubject(field.domain, text) ?? text) : texts;
    const { distress: listed, denied } = this.distress.read(...asked);
    // A sign the message denies (« je n'ai pas de dettes, … ») is the person's own word: no learned reading then.
    if (
      listed.level !== 'none' ||
      denied ||
      tokenCount < this.options.hardship.minWords ||
      SMALL_TALK.has(topIntent)
    )
      return listed.level === 'moderate' && this.distress.resolved(asked[0])
        ? { level: 'none', signals: [], need: 'help' }
        : listed;
    // The head reads the message last scored (`score`), as the sparse vector it was trained on.
    if (this.hardshipHead.probabilityFrom(this.scorer) < this.options.hardship.threshold) return listed;
    if (this.distress.resolved(asked[0])) return listed;
    return { level: 'moderate', signals: ['recit'], need: 'help' };
  }

  /**
   * A bereavement topic likely in a message that says no death (« mon fils a un cancer »): its probability is set
   * to zero, so that it is neither chosen nor offered. Only read when one of them is at least a little likely.
   */
  private closeBereavement(probs: Float64Array, normalized: string, asWritten: string | undefined): void {
    this.deathSaid = undefined;
    this.deathNormalized = normalized;
    this.deathAsWritten = asWritten;
    if (!this.bereavementClasses.some((c) => probs[c] >= BEREAVEMENT_CHECK_MIN)) return;
    if (this.saysDeath()) return;
    for (const c of this.bereavementClasses) probs[c] = 0;
  }

  /** Whether the last message says a death (read once per message, when needed). */
  private saysDeath(): boolean {
    this.deathSaid ??=
      this.deathAsWritten === undefined
        ? this.bereavement.saysDeath(this.deathNormalized)
        : this.bereavement.saysDeath(this.deathNormalized, this.deathAsWritten);
    return this.deathSaid;
  }

  /** Topic needs other than the top one: another sentence's clear need, or a strong second intent. */
  private otherNeeds(first: number, second: number, probs: Float64Array): IntentName[] {
    const out: IntentName[] = [];
    for (const { c, p, asks } of this.segmentTops)
      if (p >= (asks ? ALSO_QUESTION_MIN : ALSO_SEGMENT_MIN)) this.addOtherNeed(out, c, first);
    if (second >= 0 && probs[second] >= ALSO_WHOLE_MIN) this.addOtherNeed(out, second, first);
    return out.slice(0, 2);
  }

  /** `otherNeeds`: class `c` added to `out` when it is a topic need other than the top one (`first`), once. */
  private addOtherNeed(out: IntentName[], c: number, first: number): void {
    const intent = this.labels[c];
    if (c === first || c === this.noneIndex || isConversationIntent(intent) || OFFER_EXCLUDED.has(intent))
      return;
    // A sentence's bereavement topic (its own probabilities) is offered only when the message says a death.
    if (this.bereavementClasses.includes(c) && !this.saysDeath()) return;
    if (!out.includes(intent)) out.push(intent);
  }
}

/** A bereavement topic's probability from which the message is read for a word of death. */
const BEREAVEMENT_CHECK_MIN = 0.02;

/** Small talk: never the reading of a message of `SMALL_TALK_STORY_WORDS` words or more that asks something. */
const SMALL_TALK = new Set<string>(['greeting', 'thanks', 'goodbye']);
const SMALL_TALK_STORY_WORDS = 12;

/** Needs not offered as « vous avez aussi parlé de… » (answered by the contacts or by HELP's own offer). */
const OFFER_EXCLUDED = new Set<string>(['contact', 'help']);

/** Every intent with its score, best first (the shape of botbuilder's RecognizerResult). */
function rankIntents(
  labels: readonly string[],
  scores: readonly number[],
): Record<string, { score: number }> {
  const order = scores.map((_, c) => c).sort((a, b) => scores[b] - scores[a]);
  const intents: Record<string, { score: number }> = {};
  for (const c of order) intents[labels[c]] = { score: round(scores[c]) };
  return intents;
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/**
 * One pass over a long folded message: a separator between sentences and « mais »-clauses (tried first), a chunk
 * of a word (`normalize.ts`), or any other character that is not a space (it makes its sentence non-empty).
 */
/** Bound of a recogniser's memo of chunks (`Recognizer.chunk`), like the normaliser's per-word memo. */
const CHUNK_MEMO_MAX = 20_000;

const MESSAGE_PARTS = new RegExp(
  `[.!?;\\n]+|,? mais |,? sauf que |, (?:alors|du coup|donc) |${etBeforeQuestionSource()}|[a-z0-9']+|[€%&+]|\\S`,
  'g',
);

/** A part of `MESSAGE_PARTS` that is a chunk of a word: it starts with a letter, a digit or `'`, or is a symbol. */
function isChunk(part: string): boolean {
  const code = part.charCodeAt(0);
  if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 39) return true;
  return part === '€' || part === '%' || part === '&' || part === '+';
}

/**
 * A message's tokens, and each sentence's range of them when the message has several (sentences and
 * « mais »-clauses of a message of 60 characters or more; a sentence is whatever lies between separators, when it
 * is not blank). A separator never falls inside a word, so the message's tokens are read once, in order, and each
 * sentence's tokens are a range of them (corrected once); the separators' own words (« mais », « du coup ») are
 * the message's only.
 */
function readMessage(
  text: string,
  folded: string,
  reader: ChunkReader,
): {
  tokens: string[];
  rewritten: boolean;
  segments: [number, number][];
  read: CorrectedTokens;
  /** The corrected tokens' words (long messages). */
  words?: IndexedWord[];
  /** The corrected tokens' atoms (long messages; some may be missing), of the pre-tests' `atomsVersion`. */
  atoms?: (Int32Array | undefined)[];
  atomsVersion?: number;
} {
  if (text.length < 60) {
    const { tokens, rewritten } = normalizeFoldedTokens(folded);
    return { tokens, rewritten, segments: [], read: reader.correctAll(tokens) };
  }
  const tokens: string[] = [];
  // Filled from the start, then copied out at their length (see `readScratch`); `n` entries each, as `tokens`.
  const { out, words, atoms } = readScratch;
  let n = 0;
  const version = atomsVersion();
  const segments: [number, number][] = [];
  let rewritten = false;
  let corrected = false;
  let start = 0;
  let blank = true;
  for (const part of folded.match(MESSAGE_PARTS) ?? []) {
    const c = part[0];
    const separator = '.!?;\n'.includes(c) || (part.length > 1 && (c === ',' || c === ' '));
    if (separator) {
      if (!blank) segments.push([start, tokens.length]);
      if (c === ',' || c === ' ') {
        const from = tokens.length;
        if (appendFoldedTokens(part, tokens)) rewritten = true;
        for (let k = from; k < tokens.length; k++, n++) {
          const t = reader.correct(tokens[k]);
          if (t !== tokens[k]) corrected = true;
          out[n] = t;
          words[n] = reader.word(t);
          atoms[n] = undefined;
        }
      }
      start = tokens.length;
      blank = true;
      continue;
    }
    blank = false;
    if (!isChunk(part)) continue;
    const chunk = reader.chunk(part);
    const chunkWords = reader.chunkWords(chunk);
    const chunkAtoms = reader.chunkAtoms(chunk);
    if (chunk.count === 1) {
      // Most chunks are one word: read from the chunk's own fields (the same values as its arrays' first).
      tokens.push(chunk.token);
      out[n] = chunk.correctedToken;
      words[n] = chunk.word as IndexedWord;
      atoms[n++] = chunk.atom;
    } else {
      for (let k = 0; k < chunk.tokens.length; k++, n++) {
        tokens.push(chunk.tokens[k]);
        out[n] = chunk.corrected[k];
        words[n] = chunkWords[k];
        atoms[n] = chunkAtoms[k];
      }
    }
    if (chunk.rewritten) rewritten = true;
    if (chunk.changed) corrected = true;
  }
  if (!blank) segments.push([start, tokens.length]);
  // Spellings read from their neighbours (`rewriteInContext`): short words, never spell-corrected.
  const inContext = rewriteInContext(tokens, (k) => {
    out[k] = tokens[k];
    words[k] = reader.word(tokens[k]);
    atoms[k] = undefined;
  });
  if (inContext) rewritten = true;
  return {
    tokens,
    rewritten,
    segments: segments.length > 1 ? segments : [],
    read: { tokens: out.slice(0, n), corrected },
    words: words.slice(0, n),
    atoms: atoms.slice(0, n),
    atomsVersion: version,
  };
}

/**
 * `readMessage`'s corrected tokens, their words and their atoms, filled from the start at each long message and
 * copied out at its length: built by `push` from empty arrays, each message grew them again (three arrays, about
 * 6 KB of garbage a long message; bench/notes.md, twenty-seventh look). Never emptied (`length = 0` would free
 * them); entries past the current message's are left from earlier ones and never read.
 */
const readScratch: { out: string[]; words: IndexedWord[]; atoms: (Int32Array | undefined)[] } = {
  out: [],
  words: [],
  atoms: [],
};

/** A message's tokens after spelling correction, and whether any changed. */
interface CorrectedTokens {
  tokens: string[];
  corrected: boolean;
}

/** One chunk of a word (`normalize.ts`), read once per distinct chunk: its tokens, then the same corrected. */
interface ChunkReading {
  tokens: readonly string[];
  corrected: readonly string[];
  /** Normalisation rewrote it (`appendChunk`); spelling correction changed a token. */
  rewritten: boolean;
  changed: boolean;
  /** The corrected tokens' words for the scorer, of the featurizer's `generation` (-1: not resolved yet). */
  words: readonly IndexedWord[];
  generation: number;
  /** The corrected tokens' atoms for the pre-tests, of their `atomsVersion` (-1: not read yet). */
  atoms: readonly Int32Array[];
  atomsVersion: number;
  /**
   * The number of tokens; for a chunk of one token (most), that token, corrected, and its word and atoms (set with
   * `words` and `atoms`), kept in the record itself: `readMessage` reads them without going through four arrays.
   */
  count: number;
  token: string;
  correctedToken: string;
  word: IndexedWord | undefined;
  atom: Int32Array | undefined;
}

/** What `readMessage` needs of the recogniser: its spelling correction, and its memo of chunks. */
interface ChunkReader {
  correct(token: string): string;
  correctAll(tokens: string[]): CorrectedTokens;
  chunk(part: string): ChunkReading;
  chunkWords(chunk: ChunkReading): readonly IndexedWord[];
  chunkAtoms(chunk: ChunkReading): readonly Int32Array[];
  word(token: string): IndexedWord;
}

let singleton: Recognizer | undefined;

/** Lazily built recogniser on `locales/fr/intents` (trained on first call, ~0.3 s). */
export function getRecognizer(): Recognizer {
  singleton ??= Recognizer.fromDirectory(DEFAULT_DATA_DIR, { cache: true });
  return singleton;
}
