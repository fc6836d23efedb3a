import type { Entry } from '../../knowledge/schema';
import type { JourneyOutcome, RecognizedEntities } from '../ports';

/** What MainDialog passes to a journey: the entities of the message that started it. */
export interface JourneyOptions {
  entities?: RecognizedEntities;
  /** The entities come from a long message (a story) rather than a click: what they fill is confirmed. */
  fromStory?: boolean;
  /**
   * The entities completed with what the person told about themselves earlier in the conversation (`memory.ts`).
   * They never answer a question by themselves: a question they would answer is asked with a reminder of what the
   * person said, and the person chooses.
   */
  remembered?: RecognizedEntities;
  /** The message that started the journey, typed by the person: an option's `told` phrases are looked for in it. */
  text?: string;
  /** Started again after « corriger » at an answer read from a story: nothing is filled, what was remembered is forgotten. */
  corrected?: boolean;
}

/** What a journey returns: which need it served and whether it ended on an answer (then feedback is asked). */
export interface JourneyResult {
  intent: string;
  answered: boolean;
  /** How it ended; by default `answered` or `abandoned`. */
  outcome?: JourneyOutcome;
  /** The answers of a tree journey, by slot (what was chosen or filled): the conversation remembers its situation. */
  answers?: Readonly<Record<string, string>>;
  /** The person corrected what was filled from their messages: what the conversation remembered is forgotten. */
  corrected?: boolean;
  /**
   * The answer was reached with questions answered by a story's words (not by the person's choices): the person may
   * still say « corriger » at the feedback question, and the journey starts again asking them.
   */
  readFromStory?: boolean;
}

/** The outcome of an answer showing these entries: HELP first, then a form to fill in, else information. */
export function outcomeOfAnswer(entries: Entry[], helpShown = false): JourneyOutcome {
  if (helpShown) return 'help_referral';
  if (entries.some((entry) => entry.links.some((link) => link.type === 'form'))) return 'form_link';
  return 'answered';
}
