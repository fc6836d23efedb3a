import type { Activity, StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  type DialogContext,
  type DialogTurnResult,
  DialogTurnStatus,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { TFunction } from 'i18next';
import { isConversationIntent } from '../contract';
import type { Knowledge } from '../knowledge/loader';
import { contactsActivity } from './answers';
import { translator } from './i18n';
import { createJourneys, FAQ_DIALOG } from './journeys';
import type { JourneyResult } from './journeys/journey';
import { Menu } from './menu';
import type {
  FeedbackSink,
  IntentRecognizer,
  MisunderstoodReason,
  MisunderstoodSink,
  RecognitionLike,
  RecognizedEntities,
} from './ports';
import {
  answersChoiceStep,
  CHOICE_STEP,
  ChoiceStepDialog,
  type ChoiceStepOptions,
  type ChoiceStepResult,
  choiceStepAllowsBack,
} from './prompts/choiceStep';
import { getTurnProfile } from './profile';
import { activeDifficulties } from './slots';
import { getTurnRecognition } from './turnState';

export const MAIN_DIALOG = 'MainDialog';
const ROUTE = 'main.route';

/** A topic message in the middle of a journey switches to it only when the recogniser is at least this sure. */
const TOPIC_SWITCH_MIN_SCORE = 0.5;

/** Besides the conversation intents, what MainDialog handles itself rather than a journey or a FAQ answer. */
const HANDLED_HERE = new Set<string>(['contact', 'other', 'None']);
const handledHere = (intent: string): boolean => isConversationIntent(intent) || HANDLED_HERE.has(intent);

export interface MainDialogDeps {
  recognizer: IntentRecognizer;
  normalize: (text: string) => string;
  knowledge: Knowledge;
  feedback: FeedbackSink;
  /** How many messages in a row were not understood (conversation state). */
  misunderstood: StatePropertyAccessor<number>;
  /** The misunderstood inbox (`npm run nlu:review`); absent: nothing is kept. */
  inbox?: MisunderstoodSink;
}

/** How many of the recogniser's best intents go with an inbox item. */
const INBOX_GUESSES = 3;

/** What the route waterfall remembers between its steps. */
interface RouteValues {
  disambiguating?: boolean;
  entities?: RecognizedEntities;
  answeredIntent?: string;
  /** The message that started this route (for the inbox when the answer did not help). */
  text?: string;
}

interface RouteOptions {
  /** An intent already decided (after "vous voulez parler de A ou de B ?"). */
  intent?: string;
  entities?: RecognizedEntities;
  /** The message that started the route, when it is not the current one (after the ambiguity question). */
  text?: string;
}

/**
 * Owns the conversation: recognises the need and hands it to the journey that answers it; handles the commands
 * available at every step (menu, annuler, recommencer, retour, conseiller) and a change of topic mid-journey;
 * asks which need was meant when the recogniser hesitates; asks for feedback after every answer.
 */
export class MainDialog extends ComponentDialog {
  private readonly journeyByIntent: Record<string, string>;
  private readonly intentByJourney: Record<string, string>;
  /** The main menu, built from the knowledge base's journeys. */
  readonly menu: Menu;

  constructor(private readonly deps: MainDialogDeps) {
    super(MAIN_DIALOG);
    this.menu = new Menu(deps.knowledge);
    const contacts = (context: TurnContext) =>
      contactsActivity(deps.knowledge, translator(context.activity.locale));
    const journeys = createJourneys({
      knowledge: deps.knowledge,
      normalize: deps.normalize,
      contactsActivity: contacts,
    });
    journeys.dialogs.forEach((dialog) => this.addDialog(dialog));
    this.journeyByIntent = journeys.byIntent;
    this.intentByJourney = Object.fromEntries(Object.entries(journeys.byIntent).map(([k, v]) => [v, k]));
    this.addDialog(new ChoiceStepDialog({ normalize: deps.normalize, contactsActivity: contacts }));
    this.addDialog(
      new WaterfallDialog(ROUTE, [
        (step) => this.routeStep(step),
        (step) => this.afterRouteStep(step),
        (step) => this.feedbackStep(step),
      ]),
    );
    this.initialDialogId = ROUTE;
  }

  private recognition(context: TurnContext): RecognitionLike {
    return getTurnRecognition(context) ?? this.deps.recognizer.recognize(context.activity.text ?? '');
  }

  private intentOf(context: TurnContext, t: TFunction): string {
    const text = context.activity.text ?? '';
    return this.menu.intentFromLabel(text, t, this.deps.normalize) ?? this.recognition(context).topIntent;
  }

  // ---- the route: recognise → (disambiguate) → journey → feedback

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as RouteOptions;
    const t = translator(step.context.activity.locale);
    const recognition = this.recognition(step.context);
    const profile = getTurnProfile(step.context);
    const entities = { ...(options.entities ?? recognition.entities) };
    if (!entities.statut && profile?.statut) entities.statut = profile.statut;
    const fromMenu = this.menu.intentFromLabel(step.context.activity.text ?? '', t, this.deps.normalize);
    values(step).text = options.text ?? step.context.activity.text ?? '';
    const settled = recognition.ambiguous && settleAmbiguity(recognition.ambiguous, entities);
    if (!options.intent && !fromMenu && recognition.ambiguous && !settled) {
      const { first, second } = recognition.ambiguous;
      values(step).disambiguating = true;
      values(step).entities = entities;
      await this.keep(step.context, 'ambiguous', recognition);
      const label = (intent: string) => t(`intents.${intent}`);
      const about = (intent: string) => t(`intentsAbout.${intent}`);
      return step.beginDialog(CHOICE_STEP, {
        question: t('main.ambiguous', { first: about(first), second: about(second) }),
        choices: [first, second].map((intent) => ({ value: intent, label: capitalise(label(intent)) })),
      } satisfies ChoiceStepOptions);
    }
    const intent = options.intent ?? fromMenu ?? settled ?? refineIntent(recognition.topIntent, entities);
    return this.dispatch(step, intent, entities, t);
  }

  private async afterRouteStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const t = translator(step.context.activity.locale);
    if (values(step).disambiguating) {
      const choice = step.result as ChoiceStepResult;
      if (choice.kind !== 'chosen') return step.endDialog();
      return step.replaceDialog(ROUTE, {
        intent: choice.value,
        entities: values(step).entities,
        text: values(step).text,
      } satisfies RouteOptions);
    }
    const result = step.result as JourneyResult | undefined;
    if (!result?.answered) return step.endDialog();
    values(step).answeredIntent = result.intent;
    return step.beginDialog(CHOICE_STEP, {
      question: t('feedback.question'),
      choices: [
        {
          value: 'yes',
          label: t('prompts.yes'),
          synonyms: t('prompts.yesSynonyms', { returnObjects: true }) as string[],
        },
        {
          value: 'no',
          label: t('prompts.no'),
          synonyms: t('prompts.noSynonyms', { returnObjects: true }) as string[],
        },
      ],
      lenient: true,
    } satisfies ChoiceStepOptions);
  }

  private async feedbackStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const t = translator(step.context.activity.locale);
    const answer = step.result as ChoiceStepResult;
    if (answer.kind === 'unmatched') {
      // Not a yes/no: the person moved on; treat the message as a new request.
      return step.replaceDialog(ROUTE, {} satisfies RouteOptions);
    }
    if (answer.kind !== 'chosen') return step.endDialog();
    const helpful = answer.value === 'yes';
    this.deps.feedback.record({
      intent: values(step).answeredIntent ?? 'unknown',
      helpful,
      conversation: step.context.activity.conversation?.id ?? '',
    });
    if (!helpful) {
      const text = values(step).text ?? '';
      await this.keep(step.context, 'not_helpful', this.deps.recognizer.recognize(text), {
        text,
        answeredIntent: values(step).answeredIntent,
      });
    }
    if (helpful) {
      await step.context.sendActivity(this.menu.activity(t, t('feedback.thanksYes')));
    } else {
      await step.context.sendActivities([
        { type: 'message', text: t('feedback.thanksNo') },
        contactsActivity(this.deps.knowledge, t),
      ]);
    }
    return step.endDialog();
  }

  private async dispatch(
    step: WaterfallStepContext,
    intent: string,
    entities: RecognizedEntities,
    t: TFunction,
  ): Promise<DialogTurnResult> {
    const context = step.context;
    if (intent !== 'None') await this.deps.misunderstood.set(context, 0);
    const journey = this.journeyByIntent[intent];
    if (journey) return step.beginDialog(journey, { entities });
    if (!handledHere(intent)) return step.beginDialog(FAQ_DIALOG, { intent });

    if (intent === 'None') {
      await this.keep(context, 'not_understood', this.recognition(context));
      await this.notUnderstood(context, t);
    } else
      await context.sendActivities(this.commandReply(intent, t, context, 'idle') ?? [this.menu.activity(t)]);
    return step.endDialog();
  }

  /** Puts the message in the misunderstood inbox, with the recogniser's best guesses. */
  private async keep(
    context: TurnContext,
    reason: MisunderstoodReason,
    recognition: RecognitionLike,
    extra: { text?: string; answeredIntent?: string } = {},
  ): Promise<void> {
    if (!this.deps.inbox) return;
    const guesses = Object.entries(recognition.intents)
      .filter(([intent]) => intent !== 'None')
      .slice(0, INBOX_GUESSES)
      .map(([intent, { score }]) => ({ intent, score }));
    await this.deps.inbox.record({
      text: extra.text ?? context.activity.text ?? '',
      reason,
      guesses,
      ...(extra.answeredIntent ? { answeredIntent: extra.answeredIntent } : {}),
      conversation: context.activity.conversation?.id ?? '',
      locale: context.activity.locale,
    });
  }

  /** Not understood: rephrase once, then offer the menu, then the contacts. */
  private async notUnderstood(context: TurnContext, t: TFunction): Promise<void> {
    const count = ((await this.deps.misunderstood.get(context, 0)) ?? 0) + 1;
    await this.deps.misunderstood.set(context, count >= 3 ? 0 : count);
    if (count === 1) await context.sendActivity(t('main.notUnderstood1'));
    else if (count === 2) await context.sendActivity(this.menu.activity(t, t('main.notUnderstood2')));
    else {
      await context.sendActivities([
        { type: 'message', text: t('main.notUnderstood3') },
        contactsActivity(this.deps.knowledge, t),
      ]);
    }
  }

  // ---- interruptions, checked before the active step sees the message

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    if (innerDc.context.activity.type === 'message') {
      const interrupted = await this.interrupt(innerDc);
      if (interrupted) return interrupted;
    }
    return super.onContinueDialog(innerDc);
  }

  /**
   * The commands, in one table: what each conversation intent answers outside a journey (`idle`) and during one
   * (`journey`: the journey then ends, except after `human`/`contact`, which resume it). Undefined: not a command
   * there (a greeting in the middle of a journey is not an interruption).
   */
  private commandReply(
    intent: string,
    t: TFunction,
    context: TurnContext,
    place: 'idle' | 'journey',
  ): Partial<Activity>[] | undefined {
    const idle = place === 'idle';
    const say = (key: string): Partial<Activity> => ({ type: 'message', text: t(key) });
    switch (intent) {
      case 'menu':
        return [this.menu.activity(t)];
      case 'back':
        return [idle ? this.menu.activity(t) : this.menu.activity(t, t('main.back'))];
      case 'cancel':
        return [this.menu.activity(t, t(idle ? 'main.nothingToCancel' : 'main.cancelled'))];
      case 'restart':
        return [say('main.restarted'), this.menu.activity(t)];
      case 'human':
      case 'contact':
        return [contactsActivity(this.deps.knowledge, t)];
      case 'greeting':
        return idle ? this.menu.welcome(t, getTurnProfile(context)?.prenom) : undefined;
      case 'thanks':
        return idle ? [say('main.thanks')] : undefined;
      case 'goodbye':
        return idle ? [say('main.goodbye')] : undefined;
      case 'capabilities':
        return idle ? [this.menu.activity(t, t('welcome.capabilities'))] : undefined;
      case 'other':
        return idle ? [say('main.otherPrompt')] : undefined;
      default:
        return undefined;
    }
  }

  private announcesSwitch(text: string, t: TFunction): boolean {
    const normalized = ` ${this.deps.normalize(text)} `;
    const markers = t('prompts.switchMarkers', { returnObjects: true }) as string[];
    return markers.some((marker) => normalized.includes(` ${this.deps.normalize(marker)} `));
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const context = innerDc.context;
    const t = translator(context.activity.locale);
    const text = context.activity.text ?? '';
    const recognition = this.recognition(context);
    let leaf = innerDc;
    while (leaf.child) leaf = leaf.child;
    const waiting = leaf.activeDialog;
    const isChoice = waiting?.id === CHOICE_STEP;
    // An answer to the question being asked is not an interruption, unless the person announces a change of
    // subject ("en fait c'est pour un arrêt maladie").
    const switching = this.announcesSwitch(text, t);
    if (
      isChoice &&
      !switching &&
      answersChoiceStep(waiting.state, text, recognition.entities, this.deps.normalize, t)
    ) {
      return undefined;
    }
    const intent = this.intentOf(context, t);
    const end = async (activities: Partial<Activity>[]): Promise<DialogTurnResult> => {
      await innerDc.cancelAllDialogs();
      await context.sendActivities(activities);
      return { status: DialogTurnStatus.complete };
    };
    if (intent === 'back' && isChoice && choiceStepAllowsBack(waiting.state)) return undefined;
    const reply = this.commandReply(intent, t, context, 'journey');
    if (reply && (intent === 'human' || intent === 'contact')) {
      await context.sendActivities(reply);
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    if (reply) return end(reply);
    const current = this.intentByJourney[innerDc.activeDialog?.id ?? ''];
    const isTopic = !handledHere(intent);
    const sure =
      recognition.score >= TOPIC_SWITCH_MIN_SCORE || this.menu.intentFromLabel(text, t, this.deps.normalize);
    if (isTopic && sure && intent !== current) {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(ROUTE, { intent, entities: recognition.entities } satisfies RouteOptions);
    }
    return undefined;
  }
}

/**
 * What the entities say about the need when the intent alone does not: a story of business difficulties with no
 * explicit request ("mon camion est en panne, je ne peux plus travailler") is a request for financial aid, and
 * distress with several business difficulties goes through the aide-financière tree, whose "plusieurs" branch
 * offers both the aids and HELP.
 */
export function refineIntent(intent: string, entities: RecognizedEntities): string {
  const difficulties = activeDifficulties(entities);
  if (intent === 'None' && (difficulties.length > 0 || entities.situation === 'retraite_proche'))
    return 'aide_financiere';
  if (intent === 'help' && difficulties.length >= 2) return 'aide_financiere';
  return intent;
}

/**
 * When the recogniser hesitates between HELP and a financial aid and the message names several difficulties,
 * there is nothing to ask: the aide-financière tree's "plusieurs" answer offers the aids and HELP together.
 */
export function settleAmbiguity(
  ambiguous: { first: string; second: string },
  entities: RecognizedEntities,
): string | undefined {
  const pair = new Set([ambiguous.first, ambiguous.second]);
  if (pair.has('help') && pair.has('aide_financiere') && activeDifficulties(entities).length >= 2) {
    return 'aide_financiere';
  }
  return undefined;
}

function values(step: WaterfallStepContext): RouteValues {
  return step.values as RouteValues;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
