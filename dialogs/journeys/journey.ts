import type { RecognizedEntities } from '../ports';

/** What MainDialog passes to a journey: the entities of the message that started it. */
export interface JourneyOptions {
  entities?: RecognizedEntities;
  /** The entities come from a long message (a story) rather than a click: what they fill is confirmed. */
  fromStory?: boolean;
}

/** What a journey returns: which need it served and whether it ended on an answer (then feedback is asked). */
export interface JourneyResult {
  intent: string;
  answered: boolean;
}
