import { ActionTypes, type Activity, MessageFactory, type TurnContext } from 'botbuilder';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../sdk';
import type { TFunction } from 'i18next';
import { translator } from '../i18n';
import type { RecognizedEntities } from '../ports';
import { getTurnRecognition } from '../turnState';
import {
  type ChoiceOption,
  leadingOption,
  matchChoiceDetailed,
  type MatcherVocabulary,
  STOPWORDS,
} from './choiceMatcher';
import { hasPhrase, isPhrase, markerPhrases, paddedText, saysAny, withoutPhrases } from './markers';
import { valueFromEntities } from '../slots';

export const CHOICE_STEP = 'choiceStep';

export interface ChoiceStepOptions {
  question: string;
  choices: ChoiceOption[];
  /** The slot this question fills; lets "je suis retraité" answer the `situation` question through entities. */
  slot?: string;
  /** A "Retour" answer ends the step with `{ kind: 'back' }` instead of being treated as unknown. */
  allowBack?: boolean;
  /** An answer that matches nothing ends the step with `{ kind: 'unmatched' }` instead of asking again. */
  lenient?: boolean;
}

export type ChoiceStepResult =
  | { kind: 'chosen'; value: string }
  | { kind: 'back' }
  /**
   * A correction (« non pardon, j'ai fermé en janvier », « ah non pardon, moins de 12 mois en fait »): of an earlier
   * answer, which the journey reads in the message; else the option it names here (`value`), if any.
   */
  | { kind: 'correction'; value?: string }
  | { kind: 'unmatched'; text: string }
  | { kind: 'gaveUp' };

interface ChoiceStepState {
  options: ChoiceStepOptions;
  attempts: number;
  /**
   * The options of a question asked beside this one (« arrêt » alone: stop the journey, or a sick leave?), which the
   * next message may choose before it is read as this question's answer (`MainDialog`'s interruptions).
   */
  beside?: ChoiceOption[];
}

export interface ChoiceStepDeps {
  normalize: (text: string) => string;
  /** The contacts to offer when the user could not be understood three times. */
  contactsActivity: (context: TurnContext) => Partial<Activity>;
}

/**
 * Asks one question with a few choices (suggested actions) and understands free text too. An answer it cannot
 * understand is met, in turn, by a rephrasing, an offer of the menu, then the contacts: never a dead end.
 */
export class ChoiceStepDialog extends Dialog<ChoiceStepOptions> {
  constructor(
    private readonly deps: ChoiceStepDeps,
    id: string = CHOICE_STEP,
  ) {
    super(id);
  }

  static questionActivity(options: ChoiceStepOptions, text: string = options.question, extra: string[] = []) {
    const titles = [...options.choices.map((c) => c.label), ...extra];
    return MessageFactory.suggestedActions(
      titles.map((title) => ({ type: ActionTypes.ImBack, title, value: title })),
      text,
    );
  }

  override async beginDialog(dc: DialogContext, options?: ChoiceStepOptions): Promise<DialogTurnResult> {
    if (!options || options.choices.length === 0) throw new Error('ChoiceStepDialog needs choices');
    const state: ChoiceStepState = { options, attempts: 0 };
    dc.activeDialog!.state = state;
    await dc.context.sendActivity(ChoiceStepDialog.questionActivity(options));
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    if (activity.type !== 'message') return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as ChoiceStepState;
    const { options } = state;
    const text = activity.text ?? '';
    const recognition = getTurnRecognition(dc.context);
    const t = translator(activity.locale);

    const value = understandAnswer(options, text, recognition?.entities, this.deps.normalize, t);
    // An answer that names an option is that option, whatever the recogniser reads (« pas du tout » is « Non »).
    if (options.allowBack && recognition?.topIntent === 'back' && value === undefined) {
      return dc.endDialog({ kind: 'back' } satisfies ChoiceStepResult);
    }
    // « ah non pardon, moins de 12 mois en fait » at the next question is no « Non » to it.
    if (correctsEarlierAnswer(state, text, this.deps.normalize, t)) {
      return dc.endDialog({
        kind: 'correction',
        ...(value !== undefined ? { value } : {}),
      } satisfies ChoiceStepResult);
    }
    if (value !== undefined) return dc.endDialog({ kind: 'chosen', value } satisfies ChoiceStepResult);
    if (options.lenient) return dc.endDialog({ kind: 'unmatched', text } satisfies ChoiceStepResult);

    // « merci », « au revoir » in the middle of a question: a kind word back and the question, no reproach.
    if (recognition?.topIntent === 'thanks' || recognition?.topIntent === 'goodbye') {
      await dc.context.sendActivity(
        ChoiceStepDialog.questionActivity(options, `${t('prompts.thanksRetry')}\n\n${options.question}`),
      );
      return Dialog.EndOfTurn;
    }
    state.attempts += 1;
    // « je sais pas » to a question with no « Je ne sais pas » option: no reproach of not being understood, the
    // options again and a person to ask.
    const doubt = saysAny(
      text,
      t('prompts.doubts', { returnObjects: true }) as string[],
      this.deps.normalize,
    );
    if (doubt && state.attempts <= 2) {
      await dc.context.sendActivity(
        ChoiceStepDialog.questionActivity(options, `${t('prompts.doubtRetry')}\n\n${options.question}`, [
          t('main.adviser'),
        ]),
      );
      return Dialog.EndOfTurn;
    }
    if (state.attempts === 1) {
      await dc.context.sendActivity(
        ChoiceStepDialog.questionActivity(options, `${t('prompts.retry')}\n\n${options.question}`),
      );
      return Dialog.EndOfTurn;
    }
    if (state.attempts === 2) {
      await dc.context.sendActivity(
        ChoiceStepDialog.questionActivity(options, `${t('prompts.retryMenu')}\n\n${options.question}`, [
          t('prompts.menuButton'),
        ]),
      );
      return Dialog.EndOfTurn;
    }
    await dc.context.sendActivity(t('prompts.giveUp'));
    await dc.context.sendActivity(this.deps.contactsActivity(dc.context));
    return dc.endDialog({ kind: 'gaveUp' } satisfies ChoiceStepResult);
  }

  override async repromptDialog(context: TurnContext, instance: { state: ChoiceStepState }): Promise<void> {
    await context.sendActivity(ChoiceStepDialog.questionActivity(instance.state.options));
  }
}

/**
 * The chosen option's value. The option's own words win when the answer is one of them, a number or a position;
 * otherwise what the recogniser read from the message for the question's slot, which reads tense and negation
 * (« je suis retraité mais je continue mon activité » is active); otherwise an option whose words the answer uses.
 */
export function understandAnswer(
  options: ChoiceStepOptions,
  text: string,
  entities: RecognizedEntities | undefined,
  normalize: (s: string) => string,
  t: TFunction,
  /**
   * The message is surely about something else (another subject or a command the recogniser is sure of): one word
   * shared with an option (« c'est quoi le numéro de l'urssaf ? » beside « Payer mes cotisations Urssaf ») does not
   * make it an answer.
   */
  surelyElsewhere = false,
  /** Another need's menu label (« Demander une aide financière » in the invalidity journey): only an option's own text. */
  onlyExact = false,
): string | undefined {
  options = withLocaleSynonyms(options, t);
  const match = matchChoiceDetailed(text, options.choices, normalize, matcherVocabulary(t));
  if (match.kind === 'exact') return options.choices[match.index].value;
  const yesNo = yesNoOption(options, text, normalize, t);
  if (yesNo !== undefined) return yesNo;
  // A question (« c'est quoi une ALD ? », « à qui j'envoie mon arrêt ? ») is no answer, whatever option words or
  // entities it has: « c'est quoi une ALD ? » at « Votre arrêt est-il dû à une ALD ? » is not « Oui ».
  if (onlyExact || asksInsteadOfAnswering(text, normalize, t)) return undefined;
  // What the answer tells (« on en attend 2 » → twins) before a number read as a button's position.
  const fromEntities =
    options.slot && entities
      ? valueFromEntities(
          options.slot,
          entities,
          options.choices.map((c) => c.value),
        )
      : undefined;
  if (fromEntities !== undefined) return fromEntities;
  if (match.kind === 'position') return options.choices[match.index].value;
  if (match.index < 0) return undefined;
  // One word of a longer message (« au fait, c'est quoi le numéro de l'urssaf ? ») is no answer when the message is
  // surely about something else; a short answer (« un accident », « non merci ») still is.
  // An answer that begins with the option (« non, j'ai déjà eu l'ACED deux fois ») is that option, whatever follows.
  if (
    surelyElsewhere &&
    (match.shared ?? 0) <= 1 &&
    contentWords(text, normalize, t) >= ELSEWHERE_MIN_WORDS &&
    leadingOption(text, options.choices, normalize) !== match.index
  )
    return undefined;
  return options.choices[match.index].value;
}

/** `options` with each option's `synonymsOf` list read from the locale's resources into its `synonyms`. */
function withLocaleSynonyms(options: ChoiceStepOptions, t: TFunction): ChoiceStepOptions {
  if (!options.choices.some((c) => c.synonymsOf !== undefined)) return options;
  return {
    ...options,
    choices: options.choices.map(({ synonymsOf, ...choice }) => {
      if (synonymsOf === undefined) return choice;
      const list = t(synonymsOf, { returnObjects: true }) as string[];
      return { ...choice, synonyms: choice.synonyms ? [...choice.synonyms, ...list] : list };
    }),
  };
}

/**
 * A whole answer that says yes or no in the locale's words (« nan », « ouep », « pas du tout ») chooses the one option
 * that begins with « Oui » (or « Non »), if exactly one does.
 */
function yesNoOption(
  options: ChoiceStepOptions,
  text: string,
  normalize: (s: string) => string,
  t: TFunction,
): string | undefined {
  for (const [word, synonyms] of [
    [t('prompts.yes'), 'prompts.yesSynonyms'],
    [t('prompts.no'), 'prompts.noSynonyms'],
  ] as const) {
    const courtesy = t('prompts.courtesy', { returnObjects: true }) as string[];
    if (!madeOfPhrases(text, t(synonyms, { returnObjects: true }) as string[], courtesy, normalize)) continue;
    const head = normalize(word);
    const starting = options.choices.filter((c) => {
      const label = normalize(c.label);
      return label === head || label.startsWith(`${head} `);
    });
    return starting.length === 1 ? starting[0].value : undefined;
  }
  return undefined;
}

/**
 * The whole of `text` is one phrase of `list` or several in a row (« nan pas du tout », « oui oui bien sûr »), with
 * courtesy around them (« non merci »).
 */
function madeOfPhrases(
  text: string,
  list: readonly string[],
  courtesy: readonly string[],
  normalize: (s: string) => string,
): boolean {
  if (isPhrase(text, list, normalize)) return true;
  const said = markerPhrases(list, normalize).map((p) => p.trim());
  const polite = markerPhrases(courtesy, normalize).map((p) => p.trim());
  // Longest first: « non merci » before « non ».
  const phrases = [...said, ...polite].sort((a, b) => b.length - a.length);
  let rest = normalize(text);
  let found = 0;
  while (rest.length > 0) {
    const phrase = phrases.find((p) => rest === p || rest.startsWith(`${p} `));
    if (!phrase) return false;
    if (said.includes(phrase)) found++;
    rest = rest.slice(phrase.length).trim();
  }
  return found > 0;
}

/**
 * The whole answer is a phrase of doubt (« jsais plus », « aucune idée », « je me souviens plus »): the question's
 * own « not sure » reply, not a need for help nor another subject.
 */
export function onlyDoubt(text: string, normalize: (s: string) => string, t: TFunction): boolean {
  return isPhrase(text, t('prompts.doubts', { returnObjects: true }) as string[], normalize);
}

/** The locale's words for positions, units and doubt (`choiceMatcher.ts`). */
export function matcherVocabulary(t: TFunction): MatcherVocabulary {
  return {
    ordinals: t('prompts.ordinals', { returnObjects: true }) as string[],
    last: t('prompts.last', { returnObjects: true }) as string[],
    units: t('prompts.units', { returnObjects: true }) as string[],
    doubts: t('prompts.doubts', { returnObjects: true }) as string[],
    courtesy: t('prompts.courtesy', { returnObjects: true }) as string[],
  };
}

/**
 * The option a journey's first message chooses by itself, through one of the option's `told` phrases (« catégorie
 * 2 », « combien je vais toucher »), affirmed (not « pas en catégorie 2 ») and said of one option only.
 */
export function toldChoice(
  options: readonly { value: string; told: readonly string[] }[],
  text: string,
  normalize: (s: string) => string,
  t: TFunction,
): string | undefined {
  if (!text || options.every((o) => o.told.length === 0)) return undefined;
  // Most first messages have none of the phrases: found out before the matcher's full reading.
  if (!hasPhrase(paddedText(text, normalize), toldPhrases(options), normalize)) return undefined;
  // Only the phrases: no label, and a value no message is made of.
  const choices = options.map((o) => ({ value: `\u0000${o.value}`, label: '\u0000', synonyms: [...o.told] }));
  const match = matchChoiceDetailed(text, choices, normalize, matcherVocabulary(t));
  return match.kind === 'phrase' || match.kind === 'exact' ? options[match.index].value : undefined;
}

/** All the `told` phrases of a question's options, one list per options array. */
const toldLists = new WeakMap<object, readonly string[]>();

function toldPhrases(options: readonly { told: readonly string[] }[]): readonly string[] {
  let list = toldLists.get(options);
  if (!list) {
    list = options.flatMap((o) => o.told);
    toldLists.set(options, list);
  }
  return list;
}

/**
 * The message asks rather than answers the question waiting: a question phrase anywhere (« c'est quoi »), a question
 * word first (« combien »), or a question mark after a few words (« le diabète c'est une ALD ? », not « une ALD ? »);
 * not a doubt (« je ne sais pas si c'est une ALD ? » answers « Je ne sais pas »). Narrower than MainDialog's
 * `asksQuestion`, which reads any question mark to tell a question from a story.
 */
export function asksInsteadOfAnswering(
  text: string,
  normalize: (s: string) => string,
  t: TFunction,
): boolean {
  const normalized = normalize(text);
  const padded = ` ${normalized} `;
  const list = (key: string) => t(key, { returnObjects: true }) as string[];
  const asks =
    hasPhrase(padded, list('prompts.askingPhrases'), normalize) ||
    hasPhrase(padded, list('prompts.askingStarts'), normalize, 'start') ||
    (text.includes('?') && normalized.split(' ').length >= QUESTION_MARK_MIN_WORDS);
  return asks && !hasPhrase(padded, list('prompts.doubts'), normalize);
}

/**
 * The answer without its words of uncertainty (`prompts.hedges`: « je crois », « il me semble », « ça doit faire »,
 * « je ne suis plus très sûr »), normalised; undefined when it has none or is nothing else.
 */
export function withoutHedges(
  text: string,
  normalize: (s: string) => string,
  t: TFunction,
): string | undefined {
  const padded = ` ${normalize(text)} `;
  const hedges = t('prompts.hedges', { returnObjects: true }) as string[];
  if (!hasPhrase(padded, hedges, normalize)) return undefined;
  const plain = withoutPhrases(padded, hedges, normalize).trim().replace(/ +/g, ' ');
  return plain.length > 0 ? plain : undefined;
}

/** From this many words, a message with a question mark asks something rather than answers with a doubt. */
const QUESTION_MARK_MIN_WORDS = 4;

/** From this many words of content, a message sharing one word with an option may be about something else. */
const ELSEWHERE_MIN_WORDS = 3;

/** The message's words of more than two letters (« c'est quoi le numéro de l'urssaf » → quoi, numero, urssaf). */
function contentWords(text: string, normalize: (s: string) => string, t: TFunction): number {
  // « ah non, en fait ce sont mes cotisations » has one word of content: an answer, not another subject.
  const fillers = markerPhrases(t('prompts.answerFillers', { returnObjects: true }) as string[], normalize);
  return normalize(text)
    .split(' ')
    .filter((word) => word.length > 2 && !STOPWORDS.has(word) && !fillers.includes(` ${word} `)).length;
}

/** True when the message answers the question a choice step instance is waiting on. */
export function answersChoiceStep(
  state: unknown,
  text: string,
  entities: RecognizedEntities | undefined,
  normalize: (s: string) => string,
  t: TFunction,
  surelyElsewhere = false,
  onlyExact = false,
): boolean {
  const options = (state as Partial<ChoiceStepState> | undefined)?.options;
  return (
    options !== undefined &&
    understandAnswer(options, text, entities, normalize, t, surelyElsewhere, onlyExact) !== undefined
  );
}

/** The message names one of the waiting question's options by its text or one of its phrases (not a question). */
export function answeredByPhrase(
  state: unknown,
  text: string,
  normalize: (s: string) => string,
  t: TFunction,
): boolean {
  const options = (state as Partial<ChoiceStepState> | undefined)?.options;
  if (!options) return false;
  const { choices } = withLocaleSynonyms(options, t);
  const match = matchChoiceDetailed(text, choices, normalize, matcherVocabulary(t));
  return (match.kind === 'exact' || match.kind === 'phrase') && !asksInsteadOfAnswering(text, normalize, t);
}

/**
 * True when what the recogniser read in the message answers the waiting question by itself (« non, rien à voir avec
 * mon ALD » → the ALD question's « non »), whatever words of a change of subject it also has.
 */
export function answeredByEntities(state: unknown, entities: RecognizedEntities | undefined): boolean {
  const options = (state as Partial<ChoiceStepState> | undefined)?.options;
  if (!options?.slot || !entities) return false;
  return (
    valueFromEntities(
      options.slot,
      entities,
      options.choices.map((c) => c.value),
    ) !== undefined
  );
}

/**
 * The message corrects an earlier answer rather than answering the waiting question (« non attendez, je me suis
 * trompé, j'ai fermé mon entreprise en janvier »): it says so (`prompts.correctionMarkers`), in a journey (a step
 * that accepts « retour »). The journey reads what it corrects.
 */
export function correctsEarlierAnswer(
  state: unknown,
  text: string,
  normalize: (s: string) => string,
  t: TFunction,
): boolean {
  return (
    choiceStepAllowsBack(state) &&
    saysAny(text, t('prompts.correctionMarkers', { returnObjects: true }) as string[], normalize)
  );
}

/** Whether the waiting choice step accepts "retour". */
export function choiceStepAllowsBack(state: unknown): boolean {
  return (state as Partial<ChoiceStepState> | undefined)?.options?.allowBack === true;
}

/** The slot the waiting choice step fills, if any. */
export function choiceStepSlot(state: unknown): string | undefined {
  return (state as Partial<ChoiceStepState> | undefined)?.options?.slot;
}

/** Keeps the options of a question asked beside the waiting one, for the next message (`takeBesideChoices`). */
export function setBesideChoices(state: unknown, choices: ChoiceOption[]): void {
  (state as Partial<ChoiceStepState>).beside = choices;
}

/** The options of the question asked beside the waiting one at the previous turn, forgotten once taken. */
export function takeBesideChoices(state: unknown): ChoiceOption[] | undefined {
  const waiting = state as Partial<ChoiceStepState> | undefined;
  const beside = waiting?.beside;
  if (waiting && beside) delete waiting.beside;
  return beside;
}
