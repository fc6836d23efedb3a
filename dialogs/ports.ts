/**
 * What the dialogs need from the outside world, as interfaces, so that they stay independent of the Bot
 * Framework hosting code and of how recognition and feedback are implemented (tests pass stand-ins).
 */

import type { Entities, Recognition } from '../contract';

/** Entities the recogniser extracts; their values are the codes shared with the knowledge base's trees. */
export type RecognizedEntities = Entities;

/** One recognised message (the contract's shape: declared once). */
export type RecognitionLike = Recognition;

/** How a message is read beyond its words. */
export interface ReadingOptions {
  /**
   * An adviser writes about an insured person (Teams): « ma cliente », « mon client » are that person, read in the
   * first person like « mon assuré » (a person writing for themselves speaks of their own clients).
   */
  adviser?: boolean;
}

export interface IntentRecognizer {
  recognize(text: string, options?: ReadingOptions): RecognitionLike;
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

/**
 * How a journey (or a direct answer) ended, as the service reports outcomes: the person got a form to fill in, was
 * referred to HELP, was given the advisers' phone lines, got an answer without either, or left before any answer.
 */
export type JourneyOutcome =
  | 'form_link'
  | 'help_referral'
  | 'phone_contact'
  | 'crisis_line'
  | 'out_of_scope'
  | 'answered'
  | 'abandoned';

/** Where the dialogs report what happened in a conversation (metrics live in `bot/`). */
export interface OutcomeSink {
  /** A request the bot acts on, by intent (after menu labels, "A or B?" and entities; None: not understood). */
  intent(event: { intent: string }): void;
  /** A message was not understood: step 1 rephrase (or its best guesses as buttons), 2 menu, 3 the advisers' contacts. */
  fallback(event: { step: 1 | 2 | 3 }): void;
  /** The recogniser hesitated and the person was asked "A or B?". */
  ambiguity(event: { first: string; second: string }): void;
  /** A journey, a direct answer or a request for an adviser ended, with its outcome. */
  journeyEnded(event: { intent: string; outcome: JourneyOutcome }): void;
}

/** An `OutcomeSink` that reports nothing (dialog tests that do not look at outcomes). */
export const NO_OUTCOMES: OutcomeSink = {
  intent: () => undefined,
  fallback: () => undefined,
  ambiguity: () => undefined,
  journeyEnded: () => undefined,
};
