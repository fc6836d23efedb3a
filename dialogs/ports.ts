/**
 * What the dialogs need from the outside world, as plain interfaces, so that they stay independent of the
 * Bot Framework hosting code and of the recogniser's implementation.
 */

/** Entities the recogniser extracts; their values are the codes shared with the knowledge base's tree. */
export interface RecognizedEntities {
  statut?: string;
  difficultes?: string[];
  situation?: string;
  enfants?: number;
  rangEnfant?: number;
  ald?: boolean;
  affiliationMois?: number;
  montants?: number[];
  dates?: string[];
}

export interface RecognitionLike {
  text: string;
  normalized: string;
  alteredText?: string;
  intents: Record<string, { score: number }>;
  topIntent: string;
  score: number;
  ambiguous?: { first: string; second: string };
  entities: RecognizedEntities;
}

export interface IntentRecognizer {
  recognize(text: string): RecognitionLike;
}

/** Where the "Cette réponse vous a-t-elle aidé ?" answers go (logs and metrics live in `bot/`). */
export interface FeedbackSink {
  record(event: { intent: string; helpful: boolean; conversation: string }): void;
}
