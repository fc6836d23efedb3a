/**
 * The recogniser trace shown by the Bot Framework Emulator's inspector, in the shape of LUIS's
 * `RecognizerResult`. It is sent on every turn and removed on every channel but `emulator` by the
 * `TraceFilterMiddleware`, the one place that decides where traces go.
 */
import type { TurnContext } from 'botbuilder';
import { toRecognizerResult } from '../../contract';
import type { RecognitionLike } from '../../dialogs/ports';

export { toRecognizerResult };

export const RECOGNIZER_TRACE_NAME = 'RecognizerResult';
export const RECOGNIZER_TRACE_TYPE = 'https://www.luis.ai/schemas/trace';
export const RECOGNIZER_TRACE_LABEL = 'Recognizer Trace';

export async function sendRecognizerTrace(context: TurnContext, recognition: RecognitionLike): Promise<void> {
  await context.sendTraceActivity(
    RECOGNIZER_TRACE_NAME,
    { recognizerResult: toRecognizerResult(recognition) },
    RECOGNIZER_TRACE_TYPE,
    RECOGNIZER_TRACE_LABEL,
  );
}
