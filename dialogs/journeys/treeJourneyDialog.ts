import type { Activity, TurnContext } from 'botbuilder';
import type {
  DialogContext,
  DialogInstance,
  DialogReason,
  DialogTurnResult,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { WaterfallDialog } from '../sdk';
import type { TFunction } from 'i18next';
import type { Knowledge } from '../../knowledge/loader';
import type { LeafNode, Option, OrientationTree, QuestionNode } from '../../knowledge/schema';
import { type Answers, isQuestion, resolve } from '../../knowledge/tree';
import { audienceCaveats, entriesActivity, fitFor } from '../answers';
import { translator } from '../i18n';
import type { RecognizedEntities } from '../ports';
import { hasPhrase, paddedText, saysAny, withoutPhrases } from '../prompts/markers';
import { CHOICE_STEP, type ChoiceStepDeps, type ChoiceStepResult, toldChoice } from '../prompts/choiceStep';
import { activeDifficulties, valueFromEntities } from '../slots';
import {
  adviserVoice,
  answerReadBeyondWords,
  getTurnRecognition,
  helpShownThisTurn,
  speaksToAdviser,
} from '../turnState';
import { type JourneyResult, type JourneyOptions, outcomeOfAnswer } from './journey';
import type { JourneyOutcome } from '../ports';

interface LoopState {
  answers: Answers;
  /** Slots the person answered, in order, so that "retour" can undo the last one. */
  history: string[];
  entities: RecognizedEntities;
  /** True once the slots already known from the first message have been acknowledged. */
  acknowledged: boolean;
  /** Slots filled from the first message's entities (not answered by the person): undone by a correction. */
  prefilled: string[];
  fromStory: boolean;
  /** The entities completed with what was told earlier in the conversation (`JourneyOptions.remembered`). */
  remembered: RecognizedEntities;
  /** The message that started the journey (`JourneyOptions.text`). */
  text: string;
  /** The person corrected what was filled from their messages. */
  corrected: boolean;
  /**
   * A status told in an answer typed to a question (« je suis micro-entrepreneur » at « Quelle est votre
   * situation ? »): only for the answer's warnings and the entries that do not fit it, never to fill a question.
   */
  statut?: RecognizedEntities['statut'];
  /**
   * What the person's messages in the journey said of a contributions debt, the last that said anything: one
   * (« des dettes », « mes cotisations »), none (« aucune dette »): a leaf's `forDebt` aids follow it.
   */
  debt?: DebtTold;
}

/** A contributions debt said (« des dettes urssaf ») or denied (« je n'ai aucune dette ») by the person. */
type DebtTold = 'said' | 'denied';

export interface TreeJourneyDeps extends ChoiceStepDeps {
  knowledge: Knowledge;
}

/**
 * A journey that walks one of the knowledge base's question trees: it skips the questions the first message
 * (or the portal context) already answered, asks the others with choices, and ends on the leaf's answer cards.
 * One instance per tree file that declares a `journey` (`createJourneys`): what is asked and answered is data.
 *
 * The journey is itself the loop (ask → answer → start again with the answers so far), a waterfall in the main
 * dialog's set, whose `choiceStep` asks its questions: no component of its own around the loop, which cost the SDK
 * one more dialog context, version check and stack level at every turn of a journey (≈ 15 µs of a first message's
 * ≈ 300, bench/notes.md, fourth pass on the turn). The dialog's set must hold a `ChoiceStepDialog` (MainDialog's).
 */
export class TreeJourneyDialog extends WaterfallDialog {
  constructor(
    id: string,
    protected readonly intent: string,
    private readonly treeId: string,
    protected readonly deps: TreeJourneyDeps,
  ) {
    super(id, [(step) => this.askStep(step), (step) => this.answerStep(step)]);
  }

  /**
   * A conversation saved while the journey was still a component around its loop (`{ dialogs: { dialogStack:
   * [loop, choiceStep] } }`, before an upgrade): the journey starts again where it was, the pending question asked
   * again, rather than left in a state the waterfall cannot read.
   */
  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const saved = (
      dc.activeDialog?.state as { dialogs?: { dialogStack?: { state?: { options?: unknown } }[] } }
    )?.dialogs;
    if (saved) return dc.replaceDialog(this.id, saved.dialogStack?.[0]?.state?.options ?? {});
    return super.continueDialog(dc);
  }

  /** Ending (or cancelling) a journey saved in the former layout: it has no waterfall state to report on. */
  override async endDialog(
    context: TurnContext,
    instance: DialogInstance,
    reason: DialogReason,
  ): Promise<void> {
    if ((instance.state as { values?: unknown } | undefined)?.values === undefined) return;
    return super.endDialog(context, instance, reason);
  }

  protected tree(): OrientationTree {
    return this.deps.knowledge.treeById(this.treeId);
  }

  private state(step: WaterfallStepContext): LoopState {
    const options = (step.options ?? {}) as Partial<LoopState> & JourneyOptions;
    return {
      answers: options.answers ?? {},
      history: options.history ?? [],
      entities: options.entities ?? {},
      acknowledged: options.acknowledged ?? false,
      prefilled: options.prefilled ?? [],
      fromStory: options.fromStory ?? false,
      remembered: options.remembered ?? {},
      text: options.text ?? '',
      corrected: options.corrected ?? false,
      ...(options.statut !== undefined ? { statut: options.statut } : {}),
      ...(options.debt !== undefined ? { debt: options.debt } : {}),
    };
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = this.state(step);
    const t = translator(step.context.activity.locale);
    const tree = this.tree();
    // Fill, from the entities, every question on the way that they answer.
    let resolution = resolve(tree, state.answers);
    const prefilled: string[] = [];
    while (resolution.kind === 'question') {
      const question = resolution.question;
      const value =
        valueFromEntities(
          question.slot,
          state.entities,
          question.options.map((o) => o.value),
        ) ?? toldChoice(question.options, state.text, this.deps.normalize, t);
      if (value === undefined || state.answers[question.slot as keyof Answers] !== undefined) break;
      // The message says one thing (« une aide pour mes cotisations »: in activity) and the person said another
      // earlier (a health professional under convention): asked, with the reminder.
      const earlier = this.earlierAnswer(question, state);
      if (earlier !== undefined && earlier.value !== value) break;
      (state.answers as Record<string, string>)[question.slot] = value;
      if (!state.prefilled.includes(question.slot)) state.prefilled.push(question.slot);
      prefilled.push(labelOf(question, value, speaksToAdviser(step.context)));
      resolution = resolve(tree, state.answers);
    }
    // The first message's word on a debt (« je suis retraitée, je n'ai aucune dette »).
    if (!state.acknowledged) state.debt = debtToldIn(state.text, this.deps.normalize, t) ?? state.debt;
    if (prefilled.length > 0 && !state.acknowledged) {
      // Read from a story, a slot may be wrong (tense, negation): say it and let the person correct it.
      // Answered at once (a leaf), the person may still correct it at the feedback question (« corriger »).
      const key = !state.fromStory
        ? 'journey.understood'
        : resolution.kind === 'question'
          ? 'journey.understoodConfirm'
          : 'journey.understoodLeaf';
      // An adviser (Teams) reads what was understood of the insured person's situation.
      await step.context.sendActivity(t(key, { list: prefilled.join(' › '), ...adviserVoice(step.context) }));
    }
    state.acknowledged = true;
    (step.values as { loop?: LoopState }).loop = state;

    if (resolution.kind === 'leaf') {
      // A status told earlier still warns that an aid is described for other statuses (a warning, not an answer).
      const statut = state.entities.statut ?? state.statut ?? state.remembered.statut;
      const outcome = await this.answerLeaf(
        step.context,
        resolution.leaf,
        t,
        { ...state.entities, statut },
        // « je suis conjointe collaboratrice »: the status is the person's own, not their spouse's word for the other.
        saysAny(
          state.text,
          t('prompts.ownSpouseStatusMarkers', { returnObjects: true }) as string[],
          this.deps.normalize,
        ),
        state.debt,
      );
      return step.endDialog({
        intent: this.intent,
        answered: true,
        outcome,
        ...this.memoryOf(state),
        ...(state.fromStory && state.prefilled.length > 0 && state.history.length === 0
          ? { readFromStory: true }
          : {}),
      } satisfies JourneyResult);
    }
    const question = resolution.question;
    if (!isQuestion(question)) throw new Error('unreachable');
    // What the person said earlier would answer it: reminded, not assumed (it may have been about someone else, or
    // no longer be true).
    const earlier = this.earlierAnswer(question, state);
    const answer = earlier && labelOf(question, earlier.value, speaksToAdviser(step.context));
    // An adviser (Teams) answers for the insured person: the question is asked about them (« Votre assuré est-il
    // affilié… ? »), or, without that wording in the tree, says so (« Pour votre assuré : … »).
    const adviser = speaksToAdviser(step.context);
    // A birth already told as past (« ayant accouché le 27 mars »): the question in the past, when the tree has it.
    const past = state.entities.naissanceFaite === true && question.pastQuestion !== undefined;
    const own = (past ? question.pastQuestion : undefined) ?? question.question;
    const asked = adviser
      ? ((past ? question.pastAdviserQuestion : undefined) ??
        question.adviserQuestion ??
        t('journey.forInsured', { question: own }))
      : own;
    return step.beginDialog(CHOICE_STEP, {
      question: answer ? `${t('journey.rememberedHint', { answer })}\n\n${asked}` : asked,
      // The adviser's buttons speak of the insured person (« Payer ses cotisations Urssaf »); the first-person
      // label, typed, still answers.
      choices: question.options.map((o) =>
        adviser && o.adviserLabel !== undefined
          ? { value: o.value, label: o.adviserLabel, alias: o.label, synonyms: o.synonyms }
          : { value: o.value, label: o.label, synonyms: o.synonyms },
      ),
      slot: question.slot,
      allowBack: true,
    });
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = (step.values as { loop: LoopState }).loop;
    const result = step.result as ChoiceStepResult;
    const resolution = resolve(this.tree(), state.answers);
    if (result.kind === 'gaveUp' || result.kind === 'unmatched') {
      // Giving up after answers it could not understand ends on the advisers' contacts.
      const outcome: JourneyOutcome = result.kind === 'gaveUp' ? 'phone_contact' : 'abandoned';
      return step.endDialog({
        intent: this.intent,
        answered: false,
        outcome,
        ...this.memoryOf(state),
      } satisfies JourneyResult);
    }
    let chosen = result.kind === 'chosen' ? result.value : undefined;
    if (result.kind === 'correction') {
      // An earlier answer corrected; else the option the message names here; else the question again.
      if (await this.correct(step.context, state)) return step.replaceDialog(this.id, state);
      if (result.value === undefined) {
        await step.context.sendActivity(translator(step.context.activity.locale)('prompts.retry'));
        return step.replaceDialog(this.id, state);
      }
      chosen = result.value;
    }
    if (result.kind === 'back') {
      const last = state.history.pop();
      if (last === undefined && state.prefilled.length > 0) {
        // A correction of what was read from the first message: forget it and ask.
        for (const slot of state.prefilled) delete (state.answers as Record<string, string>)[slot];
        state.prefilled = [];
        state.entities = {};
        state.corrected = true;
        await step.context.sendActivity(translator(step.context.activity.locale)('journey.corrected'));
      } else if (last === undefined) {
        await step.context.sendActivity(translator(step.context.activity.locale)('prompts.firstQuestion'));
      } else {
        delete (state.answers as Record<string, string>)[last];
      }
      return step.replaceDialog(this.id, state);
    }
    if (resolution.kind === 'question' && chosen !== undefined) {
      // An answer typed with a word on a debt (« je suis retraitée, non je n'ai pas de dettes »).
      const t = translator(step.context.activity.locale);
      state.debt = debtToldIn(step.context.activity.text ?? '', this.deps.normalize, t) ?? state.debt;
      (state.answers as Record<string, string>)[resolution.question.slot] = chosen;
      state.history.push(resolution.question.slot);
      const told = getTurnRecognition(step.context)?.entities.statut;
      if (told !== undefined) state.statut = told;
      // An answer read beyond its words (« 11 mois je crois », « depuis 2021 »): what was understood is said, and,
      // with a question still to come, how to correct it.
      if (answerReadBeyondWords(step.context)) {
        const t = translator(step.context.activity.locale);
        const key =
          resolve(this.tree(), state.answers).kind === 'question'
            ? 'journey.understoodConfirm'
            : 'journey.understood';
        const list = labelOf(resolution.question, chosen, speaksToAdviser(step.context));
        await step.context.sendActivity(t(key, { list, ...adviserVoice(step.context) }));
      }
    }
    return step.replaceDialog(this.id, state);
  }

  /**
   * A correction typed at a question (« non pardon, je ne suis plus en activité depuis mars »): the earliest answer
   * so far that the message's entities give otherwise is replaced, and what was answered after it is asked again.
   * False when it replaces nothing.
   */
  private async correct(context: TurnContext, state: LoopState): Promise<boolean> {
    const t = translator(context.activity.locale);
    const entities = getTurnRecognition(context)?.entities ?? {};
    const answers = state.answers as Record<string, string>;
    const answered = [...state.prefilled, ...state.history.filter((slot) => !state.prefilled.includes(slot))];
    for (const slot of answered) {
      const question = this.tree().nodes.find(
        (node): node is QuestionNode =>
          isQuestion(node) && node.slot === slot && node.options.some((o) => o.value === answers[slot]),
      );
      if (!question) continue;
      const value = valueFromEntities(
        slot,
        entities,
        question.options.map((o) => o.value),
      );
      if (value === undefined || value === answers[slot]) continue;
      // Everything answered after it depended on it.
      const later = answered.slice(answered.indexOf(slot) + 1);
      for (const other of later) delete answers[other];
      answers[slot] = value;
      state.history = state.history.filter((s) => !later.includes(s));
      state.prefilled = state.prefilled.filter((s) => !later.includes(s));
      if (!state.history.includes(slot) && !state.prefilled.includes(slot)) state.history.push(slot);
      state.corrected = true;
      const label = labelOf(question, value, speaksToAdviser(context));
      await context.sendActivity(t('journey.correctionApplied', { label }));
      return true;
    }
    return false;
  }

  /**
   * The label of an answer already given to this journey (its dialog `instance`) that a message's entities only tell
   * again (« oui je suis en activité » at « Quelle difficulté… ? », after « J'ai compris : Je suis en activité »),
   * for another question than the one waiting (`waitingSlot`); undefined when they tell none of them, or otherwise.
   */
  restatedAnswer(
    instance: DialogInstance,
    entities: RecognizedEntities,
    waitingSlot: string | undefined,
  ): string | undefined {
    const loop = (instance.state as { values?: { loop?: LoopState } } | undefined)?.values?.loop;
    for (const [slot, value] of Object.entries(loop?.answers ?? {})) {
      if (slot === waitingSlot || typeof value !== 'string') continue;
      const question = this.tree().nodes.find(
        (node): node is QuestionNode =>
          isQuestion(node) && node.slot === slot && node.options.some((o) => o.value === value),
      );
      if (!question) continue;
      const told = valueFromEntities(
        slot,
        entities,
        question.options.map((o) => o.value),
      );
      if (told === value) return question.options.find((o) => o.value === value)?.label;
    }
    return undefined;
  }

  /** The option that what the person told earlier in the conversation (`state.remembered`) would choose. */
  private earlierAnswer(question: QuestionNode, state: LoopState): Option | undefined {
    const value = valueFromEntities(
      question.slot,
      state.remembered,
      question.options.map((o) => o.value),
    );
    return value === undefined ? undefined : question.options.find((o) => o.value === value);
  }

  /**
   * What the conversation should remember of this journey (`memory.ts`): the answers the person chose (not those
   * filled from a message, which may be read wrong), and a correction.
   */
  private memoryOf(state: LoopState): Pick<JourneyResult, 'answers' | 'corrected'> {
    const answers = state.answers as Record<string, string>;
    const chosen = Object.fromEntries(state.history.map((slot) => [slot, answers[slot]]));
    return { answers: chosen, ...(state.corrected ? { corrected: true } : {}) };
  }

  /**
   * The leaf's answer: its note, one card per aid, and HELP when difficulties add up — because the leaf says so
   * (several difficulties chosen) or because the person's first message named several of them, whatever the
   * journey (an arrêt maladie on top of Urssaf debts).
   */
  protected async answerLeaf(
    context: TurnContext,
    leaf: LeafNode,
    t: TFunction,
    entities: RecognizedEntities,
    ownSpouseStatus = false,
    debt?: DebtTold,
  ): Promise<JourneyOutcome> {
    const knowledge = this.deps.knowledge;
    // HELP's card once a turn: the story's own offer may have come just before this answer.
    const helpBefore = helpShownThisTurn(context);
    // The aids for a contributions debt: never to a person who says they have none, and, where a debt is not likely,
    // only to one who speaks of it — never a contradiction of what the person said.
    const forDebt = leaf.forDebt ?? [];
    const withDebt = debt === 'said' || (debt === undefined && leaf.debtLikely === true);
    const debtLeftOut = !withDebt && forDebt.length > 0;
    // An aid that does not fit the person's status (« revenus estimés » for a micro-entrepreneur) is left out.
    const aids = fitFor(
      leaf.aids
        .filter((id) => !(debtLeftOut && forDebt.includes(id)))
        .filter((id) => !(helpBefore && id === this.tree().helpEntry))
        .map((id) => knowledge.get(id))
        .filter((e) => e !== undefined),
      entities.statut,
    );
    // An aid whose audience is not the person's status is said first, before any « Dans votre cas ».
    const activities: Partial<Activity>[] = audienceCaveats(knowledge, t, aids, entities.statut, {
      situation: entities.situation,
      ownSpouseStatus,
    });
    const caveated = activities.length > 0;
    const noteConcerns =
      !leaf.noteFor || entities.statut === undefined || leaf.noteFor.some((a) => a === entities.statut);
    // Denied, the debt is not spoken of at all (« Pour une dette de cotisations… » after « aucune dette »).
    const note = debt === 'denied' && leaf.noteWithoutDebt !== undefined ? leaf.noteWithoutDebt : leaf.note;
    if (note && noteConcerns) activities.push({ type: 'message', text: note });
    const highlights = leaf.highlights ?? [];
    for (const highlight of highlights) {
      const figure = [
        ...(knowledge.get(highlight.entry)?.durations ?? []),
        ...(knowledge.get(highlight.entry)?.amounts ?? []),
      ].find((f) => f.label === highlight.figure);
      if (!figure) continue;
      // Several figures at once (the minimum and the full length of a leave) are each named, so that they do not
      // read as two contradictory answers.
      // After a warning that the aid is described for other statuses, the figure is theirs, not « votre cas ».
      // An adviser (Teams) reads the insured person's case, not « votre cas ».
      const whose = caveated ? 'inTheirCase' : speaksToAdviser(context) ? 'inInsuredCase' : 'inYourCase';
      const line =
        highlights.length > 1
          ? t(`journey.${whose}Labelled`, { label: lowerFirst(figure.label), text: figure.text })
          : t(`journey.${whose}`, { text: figure.text });
      activities.push({ type: 'message', text: line });
    }
    if (aids.length > 0) {
      // After a warning that an aid is not described for (or not open to) the person's status, it is not « l'aide
      // qui correspond à votre situation ».
      const voice = adviserVoice(context);
      const intro =
        leaf.intro ??
        (caveated
          ? t('journey.caveatedIntro')
          : aids.length === 1
            ? t('journey.aidIntro', voice)
            : t('journey.aidsIntro', voice));
      activities.push(entriesActivity(knowledge, t, aids, intro, leaf.excludes));
    }
    const difficultiesAddUp = leaf.help || activeDifficulties(entities).length >= 2;
    let helpShown = leaf.aids.includes(this.tree().helpEntry) || helpBefore;
    if (difficultiesAddUp && !helpShown) {
      const help = knowledge.get(this.tree().helpEntry);
      if (help)
        activities.push(
          entriesActivity(knowledge, t, [help], t('journey.helpProposal', adviserVoice(context))),
        );
      helpShown = help !== undefined;
    }
    await context.sendActivities(activities);
    return outcomeOfAnswer(aids, helpShown);
  }
}

/**
 * What a message says of a contributions debt: one (« des dettes », « mes cotisations urssaf »), none (« aucune
 * dette », « je suis à jour de mes cotisations »: `prompts.noDebtMarkers`), or nothing (undefined). A debt named
 * beside a denial (« pas de dettes mais des cotisations en retard ») is said.
 */
function debtToldIn(text: string, normalize: (s: string) => string, t: TFunction): DebtTold | undefined {
  const padded = paddedText(text, normalize);
  const rest = withoutPhrases(
    padded,
    t('prompts.noDebtMarkers', { returnObjects: true }) as string[],
    normalize,
  );
  if (hasPhrase(rest, t('prompts.debtMarkers', { returnObjects: true }) as string[], normalize))
    return 'said';
  return rest !== padded ? 'denied' : undefined;
}

/** The option's label as the one typing reads it: an adviser (Teams) its `adviserLabel`, if any. */
function labelOf(question: QuestionNode, value: string, adviser: boolean): string {
  const option = question.options.find((o) => o.value === value);
  if (!option) return value;
  return (adviser ? option.adviserLabel : undefined) ?? option.label;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('fr') + text.slice(1);
}
