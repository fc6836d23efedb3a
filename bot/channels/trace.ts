/**
 * The recogniser trace shown by the Bot Framework Emulator's inspector, in the shape of LUIS's
 * `RecognizerResult`. It is sent on every turn and removed on every channel but `emulator` by the
 * `TraceFilterMiddleware`, the one place that decides where traces go.
 */
import type { TurnContext } from 'botbuilder';
import type { RecognitionLike, RecognizedEntities } from '../../dialogs/ports';

export const RECOGNIZER_TRACE_NAME = 'RecognizerResult';
export const RECOGNIZER_TRACE_TYPE = 'https://www.luis.ai/schemas/trace';
export const RECOGNIZER_TRACE_LABEL = 'Recognizer Trace';

export interface RecognizerResultTrace {
  text: string;
  /** The normalised text the intents were computed on, when it differs from what the user typed. */
  alteredText?: string;
  intents: Record<string, { score: number }>;
  entities: RecognizedEntities;
}

/**
 * A recognition in the Bot Framework's `RecognizerResult` shape (intents sorted best first). Same shape as
 * `nlu/`'s helper, but typed on the dialogs' `RecognitionLike` port, which is what the bot holds.
 */
export function toRecognizerResult(recognition: RecognitionLike): RecognizerResultTrace {
  const intents = Object.fromEntries(
    Object.entries(recognition.intents)
      .sort(([, a], [, b]) => b.score - a.score)
      .map(([name, { score }]) => [name, { score }]),
  );
  return {
    text: recognition.text,
    ...(recognition.alteredText !== undefined ? { alteredText: recognition.alteredText } : {}),
    intents,
    entities: recognition.entities,
  };
}

export async function sendRecognizerTrace(context: TurnContext, recognition: RecognitionLike): Promise<void> {
  await context.sendTraceActivity(
    RECOGNIZER_TRACE_NAME,
    { recognizerResult: toRecognizerResult(recognition) },
    RECOGNIZER_TRACE_TYPE,
    RECOGNIZER_TRACE_LABEL,
  );
}
