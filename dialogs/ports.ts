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

/** Why a message went to the misunderstood inbox. */
export const MISUNDERSTOOD_REASONS = ['not_understood', 'ambiguous', 'not_helpful'] as const;
export type MisunderstoodReason = (typeof MISUNDERSTOOD_REASONS)[number];

/** One message the bot could not serve well, as the dialogs report it (the sink redacts and stores it). */
export interface MisunderstoodEvent {
  /** The person's message, as typed (the sink removes personal data before keeping it). */
  text: string;
  reason: MisunderstoodReason;
  /** The recogniser's best intents for the message, best first (at most a few). */
  guesses: { intent: string; score: number }[];
  /** For `not_helpful`: the intent whose answer did not help. */
  answeredIntent?: string;
  conversation: string;
  locale?: string;
}

/**
 * The misunderstood inbox: messages that ended in a fallback, an ambiguity question or a "Non" to "Cette réponse
 * vous a-t-elle aidé ?", kept for the editors who turn them into training data (`npm run nlu:review`).
 * Recording never fails a turn: implementations swallow and log their own errors.
 */
export interface MisunderstoodSink {
  record(event: MisunderstoodEvent): Promise<void>;
}
