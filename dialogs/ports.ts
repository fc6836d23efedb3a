/**
 * What the dialogs need from the outside world, as interfaces, so that they stay independent of the Bot
 * Framework hosting code and of how recognition and feedback are implemented (tests pass stand-ins).
 */

import type { Entities, Recognition } from '../contract';

/** Entities the recogniser extracts; their values are the codes shared with the knowledge base's trees. */
export type RecognizedEntities = Entities;

/** One recognised message (the contract's shape: declared once). */
export type RecognitionLike = Recognition;

export interface IntentRecognizer {
  recognize(text: string): RecognitionLike;
}

/** Where the "Cette réponse vous a-t-elle aidé ?" answers go (logs and metrics live in `bot/`). */
export interface FeedbackSink {
  record(event: { intent: string; helpful: boolean; conversation: string }): void;
}
