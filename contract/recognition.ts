import { z } from 'zod';
import { type Entities, EntitiesSchema } from './entities';
import { IntentNameSchema } from './intents';

/**
 * Kinds of hardship the recogniser reads in any message (vocabulary: `locales/fr/nlu/distress.yaml`), and `recit`:
 * a difficulty told in the person's own words without any of those signs, recognised by the learned model
 * (`nlu/hardship.ts`, trained on real messages).
 */
export const DistressSignalSchema = z.enum([
  'argent',
  'dettes',
  'huissier',
  'impaye',
  'survie',
  'procedure',
  'activite',
  'epuisement',
  'isolement',
  'maladie',
  'famille',
  'recit',
]);
export type DistressSignal = z.infer<typeof DistressSignalSchema>;

/** `none`: no sign; `moderate`: one ordinary sign; `high`: a severe sign or several kinds of difficulty. */
export const DistressLevelSchema = z.enum(['none', 'moderate', 'high']);
export type DistressLevel = z.infer<typeof DistressLevelSchema>;

export const DistressSchema = z.object({
  level: DistressLevelSchema,
  /** The kinds of difficulty found, in the data file's order. */
  signals: z.array(DistressSignalSchema),
  /** What the signs call for when the message asks nothing precise: HELP, or the aide-financière journey. */
  need: z.enum(['help', 'aide_financiere']),
});
export type Distress = z.infer<typeof DistressSchema>;

/** A field outside the bot's domain named by the message (`locales/fr/nlu/out-of-scope.yaml`). */
export const OutOfScopeSchema = z.object({
  /** The first field found (data file order). */
  domain: z.string(),
  /** Ids of `knowledge/contacts.yaml` the sources give for that field (may be empty). */
  contacts: z.array(z.string()),
  /**
   * When the sources give no contact for the field: the bot's own lines (ids of `knowledge/contacts.yaml`) that fit
   * it all the same (the Urssaf's 3698 for a loan refused to a business short of cash), if any.
   */
  lines: z.array(z.string()).optional(),
  /** Intents whose journey answers this field's questions itself (then the message is in scope), if any. */
  answeredBy: z.array(IntentNameSchema).optional(),
  /** The field is about other people (employees): the situations and difficulties named are theirs, not the person's. */
  aboutOthers: z.boolean().optional(),
  /**
   * For a field about other people: the message tells what happens to them (« mon salarié est en arrêt maladie »,
   * « ma salariée est enceinte ») and not to the person: a topic read from it is theirs, however sure the recogniser is.
   */
  theirSituation: z.boolean().optional(),
  /** Not outside the domain: a subject the sources say nothing precise about (the answer says so, with contacts). */
  gap: z.boolean().optional(),
  /**
   * For a gap: topics near it, whose answer follows the « nothing precise » statement when the recogniser placed
   * the message there (a mi-temps thérapeutique question gets the card on staying in work).
   */
  near: z.array(IntentNameSchema).optional(),
  /**
   * For a gap: the person's own case is not covered (a French micro-entrepreneur living abroad), but the sources'
   * general rules are: a topic the recogniser placed follows, introduced as the general rule.
   */
  generalRules: z.boolean().optional(),
  /** The field is named even beside a subject the recogniser is sure of (whose answer follows). */
  alwaysNamed: z.boolean().optional(),
  /** The person is outside the sources' scheme (MSA, another country): none of the bot's answers applies. */
  outsideScheme: z.boolean().optional(),
});
export type OutOfScope = z.infer<typeof OutOfScopeSchema>;

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
  /** Signs of hardship found anywhere in the message, whatever the top intent. */
  distress: DistressSchema,
  /** Words of suicide or self-harm: the answer starts with the suicide-prevention line. */
  selfHarm: z.boolean(),
  /** Someone else's suicide told by the person: the suicide-prevention line (it also answers the bereaved) first. */
  othersSuicide: z.literal(true).optional(),
  /**
   * Someone else thinking of killing themselves, told by a relative or an adviser (« il parle de se tuer »): the
   * suicide-prevention line, which also answers the people close to them, and the 15; not a journey's next question.
   */
  othersAtRisk: z.literal(true).optional(),
  /** A medical emergency told in passing (« je saigne », « j'ai perdu les eaux »): the 15 first, then the answer. */
  medicalEmergency: z.literal(true).optional(),
  /** Set when the message names a field outside the bot's domain (taxes, unemployment, bank…). */
  outOfScope: OutOfScopeSchema.optional(),
  /** Set when the message is written in another language than French (English): the bot answers only in French. */
  otherLanguage: z.literal(true).optional(),
  /** In such a message, words of need (help, money, food: `language.yaml` `distress`): HELP is offered too. */
  otherLanguageDistress: z.literal(true).optional(),
  /** Other topic needs of the same message (another sentence's need, or a strong second intent). */
  also: z.array(IntentNameSchema).optional(),
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
