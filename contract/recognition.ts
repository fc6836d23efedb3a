import { z } from 'zod';
import { type Entities, EntitiesSchema } from './entities';
import { IntentNameSchema } from './intents';

/** One recognised message: what the recogniser gives the dialogs and the channels' traces. */
export const RecognitionSchema = z.object({
  text: z.string(),
  normalized: z.string(),
  /** Set when normalisation changed the text meaningfully (SMS spellings, glued elisions, spelling corrections). */
  alteredText: z.string().optional(),
  intents: z.record(z.string(), z.object({ score: z.number() })),
  topIntent: IntentNameSchema,
  /** Score of `topIntent`; for a `None` decided by the threshold, 1 − the best intent's score. */
  score: z.number(),
  /** Set when the two best intents are within the ambiguity margin: the dialog should ask which one. */
  ambiguous: z.object({ first: IntentNameSchema, second: IntentNameSchema }).optional(),
  entities: EntitiesSchema,
});

export type Recognition = z.infer<typeof RecognitionSchema>;

/** A recognition in the Bot Framework's `RecognizerResult` shape, as the Emulator's inspector shows it. */
export interface RecognizerResultTrace {
  text: string;
  /** The normalised text the intents were computed on, when it differs from what the user typed. */
  alteredText?: string;
  /** Best first. */
  intents: Record<string, { score: number }>;
  entities: Entities;
}

/**
 * The recognition as a `RecognizerResult`, intents sorted best first. When the threshold turned the decision into
 * `None`, `None` gets the decision's score, so that the trace's best intent is the decision.
 */
export function toRecognizerResult(recognition: Recognition): RecognizerResultTrace {
  const scores: Record<string, { score: number }> = Object.fromEntries(
    Object.entries(recognition.intents).map(([name, { score }]) => [name, { score }]),
  );
  if (recognition.topIntent === 'None')
    scores.None = { score: Math.max(recognition.score, recognition.intents.None?.score ?? 0) };
  const intents = Object.fromEntries(Object.entries(scores).sort(([, a], [, b]) => b.score - a.score));
  return {
    text: recognition.text,
    ...(recognition.alteredText !== undefined ? { alteredText: recognition.alteredText } : {}),
    intents,
    entities: recognition.entities,
  };
}
