import type { TurnContext } from 'botbuilder';
import type { RecognitionLike } from './ports';

/** Keys of the per-turn values the hosting layer computes once and the dialogs read. */
export const RECOGNITION_KEY = Symbol('relais.recognition');

export function getTurnRecognition(context: TurnContext): RecognitionLike | undefined {
  return context.turnState.get(RECOGNITION_KEY) as RecognitionLike | undefined;
}

export function setTurnRecognition(context: TurnContext, recognition: RecognitionLike): void {
  context.turnState.set(RECOGNITION_KEY, recognition);
}
