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

/** The one typing is an adviser (CPAM, Urssaf) speaking of an insured person: set by the hosting layer. */
const ADVISER_KEY = Symbol('relais.adviser');

export function noteAdviser(context: TurnContext): void {
  context.turnState.set(ADVISER_KEY, true);
}

export function speaksToAdviser(context: TurnContext): boolean {
  return context.turnState.get(ADVISER_KEY) === true;
}

/**
 * The i18next options that choose a string's adviser variant (`<key>_adviser` in the locales: « Voici ce qui
 * correspond à la situation de votre assuré ») when an adviser is typing; none otherwise (the key itself).
 */
export function adviserVoice(context: TurnContext): { context?: 'adviser' } {
  return speaksToAdviser(context) ? { context: 'adviser' } : {};
}

/** HELP's card was sent in this turn (a journey's answer that would add it again leaves it out). */
const HELP_SHOWN_KEY = Symbol('relais.helpShown');

export function noteHelpShown(context: TurnContext): void {
  context.turnState.set(HELP_SHOWN_KEY, true);
}

export function helpShownThisTurn(context: TurnContext): boolean {
  return context.turnState.get(HELP_SHOWN_KEY) === true;
}

/**
 * The honest answer for a subject the sources say nothing precise about was sent in this turn (« majorations de retard
 * combien ? »): the amount or duration the message asks is that subject's, already said to be missing; a near topic's
 * answer that follows does not say again that its card has none.
 */
const GAP_SHOWN_KEY = Symbol('relais.gapShown');

export function noteGapShown(context: TurnContext): void {
  context.turnState.set(GAP_SHOWN_KEY, true);
}

export function gapShownThisTurn(context: TurnContext): boolean {
  return context.turnState.get(GAP_SHOWN_KEY) === true;
}

/**
 * The answer to the waiting question was read beyond its words (« 11 mois je crois » without its doubt, « depuis
 * 2021 » as the activity's): the journey says what it understood.
 */
const READ_BEYOND_WORDS_KEY = Symbol('relais.readBeyondWords');

export function noteAnswerReadBeyondWords(context: TurnContext): void {
  context.turnState.set(READ_BEYOND_WORDS_KEY, true);
}

export function answerReadBeyondWords(context: TurnContext): boolean {
  return context.turnState.get(READ_BEYOND_WORDS_KEY) === true;
}
