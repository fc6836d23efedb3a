import { z } from 'zod';
import { EntitiesSchema } from './entities';
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
