/**
 * The recogniser's vocabulary and options, kept as data (`locales/fr/nlu/lexicon.yaml`, `options.yaml`) and
 * validated here with zod when the module loads: a bad file stops the start with its name and the faulty field.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { parseYamlCached } from './yamlCache';

/** Folder of the recogniser's data files (next to the compiled code too: `npm run build` copies `locales/`). */
export const NLU_DATA_DIR = path.join(__dirname, '..', 'locales', 'fr', 'nlu');
export const LEXICON_FILE = 'lexicon.yaml';
export const OPTIONS_FILE = 'options.yaml';

/** Lower-case, accent-free words or phrases, as the normaliser writes them. */
const NormalisedText = z
  .string()
  .min(1)
  .regex(/^[a-z0-9]+(?: [a-z0-9]+)*$/, 'must be normalised: lower-case a-z, digits, single spaces');

export const LexiconSchema = z.strictObject({
  /** Concept name → its words and phrases (one extra feature `k|NAME` each). */
  concepts: z.record(
    z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be UPPER_SNAKE_CASE'),
    z.array(NormalisedText).min(1),
  ),
  /** Words too common to count on their own (still used inside bigrams). */
  stopwords: z.array(NormalisedText),
});

const weight = z.number().min(0);
export const FeatureOptionsSchema = z.strictObject({
  unigramWeight: weight,
  bigramWeight: weight,
  charWeight: weight,
  conceptWeight: weight,
  charMin: z.number().int().min(1),
  charMax: z.number().int().min(1),
});

export const TrainOptionsSchema = z.strictObject({
  epochs: z.number().int().min(1),
  learningRate: z.number().positive(),
  /** L2 penalty applied to the weights an example touches. */
  l2: z.number().min(0),
  seed: z.number().int(),
  /** Gradients smaller than this are skipped (most classes are confidently 0 after a few epochs). */
  gradientFloor: z.number().min(0),
});

export const PipelineOptionsSchema = z.strictObject({
  /** Below this probability the top intent becomes `None`. */
  threshold: z.number().min(0).max(1),
  /** When top − second < margin (both real intents), the result is flagged ambiguous. */
  ambiguityMargin: z.number().min(0).max(1),
  /** Score long messages sentence by sentence too. */
  segmentScoring: z.boolean(),
  /** Weight of the best sentence against the whole message. */
  segmentWeight: z.number().min(0).max(1),
  features: FeatureOptionsSchema,
  train: TrainOptionsSchema,
  /** The learned reading of hardship (hardship.ts). */
  hardship: z.strictObject({
    /** From this probability a message without a listed sign of difficulty gets the signal `recit`. */
    threshold: z.number().min(0).max(1),
    /** How many times each real message of hardship.yaml counts in its training. */
    realWeight: z.number().int().min(1),
    /** Only messages of at least this many words (stories) are read by the head; short ones by the listed signs. */
    minWords: z.number().int().min(1),
  }),
});

export type Lexicon = z.infer<typeof LexiconSchema>;
export type FeatureOptions = z.infer<typeof FeatureOptionsSchema>;
export type TrainOptions = z.infer<typeof TrainOptionsSchema>;
export type PipelineOptions = z.infer<typeof PipelineOptionsSchema>;

/** Reads and validates one YAML data file; throws naming the file, the path and zod's message. */
export function readData<S extends z.ZodType>(dir: string, file: string, schema: S): z.output<S> {
  const full = path.join(dir, file);
  const result = schema.safeParse(parseYamlCached(fs.readFileSync(full, 'utf8')));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new Error(`${full}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

export function loadLexicon(dir: string = NLU_DATA_DIR): Lexicon {
  return readData(dir, LEXICON_FILE, LexiconSchema);
}

export function loadPipelineOptions(dir: string = NLU_DATA_DIR): PipelineOptions {
  return readData(dir, OPTIONS_FILE, PipelineOptionsSchema);
}

/** The recogniser's data files and their content (what the model cache key covers), sorted by name. */
export function nluDataFiles(dir: string = NLU_DATA_DIR): { name: string; content: Buffer }[] {
  return fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ name, content: fs.readFileSync(path.join(dir, name)) }));
}

/** Loaded once, when the recogniser is first imported. */
export const LEXICON: Lexicon = loadLexicon();
export const PIPELINE_OPTIONS: PipelineOptions = loadPipelineOptions();
