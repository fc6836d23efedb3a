import type { Activity, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogContext, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, Dialog, DialogTurnStatus, WaterfallDialog } from './sdk';
import type { TFunction } from 'i18next';
import { type DistressSignal, isConversationIntent, type PersonFacts } from '../contract';
import type { Knowledge } from '../knowledge/loader';
import type { Entry } from '../knowledge/schema';
import {
  contactsActivity,
  entriesActivity,
  fitFor,
  helpOfferActivities,
  outOfScopeActivities,
  phoneLinesActivity,
  selfHarmActivities,
  othersAtRiskActivities,
  afterCrisisActivities,
  applicableEntries,
  hasDemarche,
  CRISIS_CONTACT_IDS,
  howToApplyActivity,
  medicalEmergencyActivities,
  othersSuicideActivities,
} from './answers';
import { translator } from './i18n';
import { createJourneys, FAQ_DIALOG } from './journeys';
import { type FactAnswer, factAnswer, factLine } from './factQuestion';
import { type AnswerDialogOptions, answerEntries, MAX_ENTRIES } from './journeys/answerDialog';
import { type JourneyOptions, type JourneyResult, outcomeOfAnswer } from './journeys/journey';
import { TreeJourneyDialog } from './journeys/treeJourneyDialog';
import { Menu } from './menu';
import {
  type FeedbackSink,
  type IntentRecognizer,
  type MisunderstoodReason,
  type MisunderstoodSink,
  NO_OUTCOMES,
  type OutcomeSink,
  type RecognitionLike,
  type RecognizedEntities,
} from './ports';
import {
  answeredByEntities,
  answeredByPhrase,
  answersChoiceStep,
  correctsEarlierAnswer,
  asksInsteadOfAnswering,
  matcherVocabulary,
  onlyDoubt,
  CHOICE_STEP,
  ChoiceStepDialog,
  type ChoiceStepOptions,
  type ChoiceStepResult,
  choiceStepAllowsBack,
  choiceStepSlot,
  setBesideChoices,
  takeBesideChoices,
  understandAnswer,
  withoutHedges,
} from './prompts/choiceStep';
import {
  hasPhrase,
  isPhrase,
  markerPhrases,
  paddedText,
  startingPhrase,
  withoutPhrases,
} from './prompts/markers';
import { hasAffirmedPhrase } from './prompts/choiceMatcher';
import { recall, rememberAnswers, rememberTold } from './memory';
import { getTurnProfile } from './profile';
import { activeDifficulties, asksAffiliation, slotSubject } from './slots';
import {
  adviserVoice,
  getTurnRecognition,
  noteAnswerReadBeyondWords,
  noteGapShown,
  noteHelpShown,
  setTurnRecognition,
  speaksToAdviser,
} from './turnState';

export const MAIN_DIALOG = 'MainDialog';
const ROUTE = 'main.route';

/** The two readings of « arrêt » alone in a journey: stop it, or a sick leave. */
const STOP_READING = 'stop';
const SICK_LEAVE_READING = 'sick_leave';

/** A topic message in the middle of a journey switches to it only when the recogniser is at least this sure. */
const TOPIC_SWITCH_MIN_SCORE = 0.5;

/** Up to this many words, a question naming one aid (« c'est quoi l'ACED ? ») gets that aid's card. */
const NAMED_ENTRY_MAX_WORDS = 15;

/** Up to this many words, a message of frustration (« vous servez à rien ») is answered as such. */
const FRUSTRATION_MAX_WORDS = 12;
/** Up to this many words, a message asking for sources (« source ? », « ce chiffre vient d'où ? ») is that request. */
const SOURCES_MAX_WORDS = 12;
/** The intent of the psychologist's support (Mon soutien psy), offered beside an answer to suffering told. */
const PSYCH_SUPPORT = 'mon_soutien_psy';
/** The intent of the affection de longue durée, offered beside an answer to a grave or chronic illness told. */
const LONG_ILLNESS = 'ald';
/**
 * Needs worth offering after the answer when the message tells them without naming them (`main.offerOf.<intent>`
 * words the offer): its words are the locale's list `markers`; not when the message is already about that need.
 *   `distressOnly`: only with a sign of difficulty (or HELP asked): suffering in words of the mind (« dépression »,
 *                   « cachets pour dormir »), not a calm question (« je suis stressée par ma déclaration ? »);
 *   `topicOnly`:    only beside the answer to a subject (a decision disputed: « refusé sans aucune explication »).
 * A grave or chronic illness told (« un cancer », « j'avais chimio le lundi ») offers the ALD whatever the answer; the
 * person's own injury or long illness (« je suis blessée », « ça m'immobilise »), the sick leave's allowances.
 */
const UNNAMED_OFFERS: readonly {
  intent: string;
  markers: string;
  distressOnly?: boolean;
  topicOnly?: boolean;
}[] = [
  { intent: PSYCH_SUPPORT, markers: 'prompts.psychMarkers', distressOnly: true },
  { intent: 'reclamation', markers: 'prompts.complaintMarkers', topicOnly: true },
  { intent: LONG_ILLNESS, markers: 'prompts.longIllnessMarkers' },
  // The person's own injury or long illness keeping them from work (« je n'ai eu qu'une jambe cassée… ça
  // m'immobilise », « je suis blessée », « en arrêt longue maladie »): the sick leave's allowances.
  { intent: 'indemnites_journalieres', markers: 'prompts.ownInjuryMarkers' },
  { intent: 'indemnites_journalieres', markers: 'prompts.longSickLeaveMarkers' },
  // The daily allowances coming to an end (« versées pendant 3 ans… payées jusqu'au 31 mai »): the invalidity.
  { intent: 'invalidite', markers: 'prompts.endOfSickPayMarkers' },
];

/** After a crisis line, the requests answered as usual (besides the subjects): not « ok », « au revoir », « oubliez ». */
const AFTER_CRISIS_ANSWERED: ReadonlySet<string> = new Set(['help', 'human', 'contact', 'menu', 'restart']);
/**
 * After a crisis line, a clause of the message set apart from its courtesy (« merci. et pour la pension ? ») names
 * its need when the recogniser reads it first, a subject, at least this likely (short, it is read less surely alone).
 */
const AFTER_CRISIS_CLAUSE_MIN_SCORE = 0.4;
/** A presentation (« je suis artisan depuis 3 ans ») is short; a longer message tells more than who the person is. */
const PRESENTATION_MAX_WORDS = 12;
/** From this score of a need, a message that opens with « je suis … » is about that need, not a presentation. */
const PRESENTATION_MAX_TOPIC_SCORE = 0.5;

/**
 * Readings that `refineIntent` replaces rather than defers: never offered as another need after the answer. So are the
 * payment delays read from « payer » in a question of how to pay (`payingMeans`: « comment je paye mes cotisations »).
 */
const READINGS_REPLACED: ReadonlySet<string> = new Set(['compte_urssaf', 'cotisations_delais']);
/** The allowances whose payment awaited is the compte ameli's (`WORD_READINGS`). */
const PAYMENT_AWAITED_READINGS: ReadonlySet<string> = new Set([
  'adoption',
  'indemnites_journalieres',
  'maternite',
  'paternite',
]);
/**
 * The readings a dispute told replaces by the réclamation (`WORD_READINGS`): no reading, and the subjects a caisse
 * decides on. Not HELP (a difficulty is answered first), nor the conversation's own intents.
 */
const DISPUTABLE_READINGS: ReadonlySet<string> = new Set([
  'None',
  'aide_financiere',
  'at_mp',
  'compte_ameli',
  'compte_urssaf',
  'contact',
  'cotisations_delais',
  'indemnites_journalieres',
  'invalidite',
  'maternite',
  'paternite',
  'premiers_mois_urssaf',
  'statut_conjoint',
]);

/**
 * The signs of the person's own money trouble (`moneyTroubleInSituation`): not a collective procedure nor a drop of
 * activity, which a story tells of others too (« sept restaurants sont déjà en liquidation judiciaire »).
 */
const MONEY_TROUBLE: ReadonlySet<DistressSignal> = new Set(['argent', 'impaye', 'survie']);

/**
 * The readings a message naming the European health insurance card or care abroad is taken from
 * (`EUROPEAN_CARD`): none of the bot's subjects, the carte Vitale's card, the health support.
 */
const EUROPEAN_CARD_READINGS: ReadonlySet<string> = new Set(['None', 'carte_vitale', 'accompagnement_sante']);

/** The readings a supposed death of the person replaces (`prompts.ownDeathMarkers`). */
const OWN_DEATH_READINGS: ReadonlySet<string> = new Set([
  'None',
  'help',
  'aide_financiere',
  'statut_conjoint',
]);

/** A reading replaced by the message's own words: a reading of `from` becomes `to` when the message has `markers`. */
interface WordReading {
  from: ReadonlySet<string>;
  /** The key of the marker phrases (`prompts.…`). */
  markers: string;
  to: string;
}

/**
 * The European health insurance card or care abroad (« je pars en vacances en espagne, comment j'ai la carte
 * européenne », « carte vitale européenne », « soins à l'étranger », `prompts.europeanCardMarkers`): the CEAM is
 * ordered and care abroad refunded from the compte ameli (its card says so), not « pas mon domaine », the carte
 * Vitale's card or the health support. A travel question without these words (a passport, a plane ticket) stays
 * the recogniser's; living or working abroad is the scope detector's gap, decided before.
 */
const EUROPEAN_CARD: WordReading = {
  from: EUROPEAN_CARD_READINGS,
  markers: 'prompts.europeanCardMarkers',
  to: 'compte_ameli',
};

/** The readings replaced by the message's own words (`refineByWords`), in turn. */
const WORD_READINGS: readonly WordReading[] = [
  /**
   * Allowances not received yet (« ça fait 1 mois que j'ai pas reçu mes IJ, c'est normal ? », « j'ai accouché il y a
   * 3 mois et toujours rien reçu pour mon congé maternité », `prompts.paymentAwaitedMarkers`): the compte ameli gives
   * the estimated date of a request's processing (its card says so), which the journeys' conditions do not.
   */
  { from: PAYMENT_AWAITED_READINGS, markers: 'prompts.paymentAwaitedMarkers', to: 'compte_ameli' },
  EUROPEAN_CARD,
  /**
   * An error of a caisse told, or a decision disputed (« l'urssaf s'est trompée dans le calcul de mes cotisations »,
   * « un appel de cotisations qui ne correspond pas à la réalité », « je veux contester », `prompts.disputeMarkers`):
   * the réclamation, the médiateur and the remedies, whatever subject the dispute is about (offered after it, but for the
   * payment delays: `READINGS_REPLACED`) — not the payment delays, as if the person could not pay, nor the aid journey.
   */
  { from: DISPUTABLE_READINGS, markers: 'prompts.disputeMarkers', to: 'reclamation' },
  /**
   * The person's own death supposed (« comment la mettre à l'abri si je venais à disparaître ? », « si je meurs,
   * qu'est-ce qu'elle touchera ? », `prompts.ownDeathMarkers`): what the death ensures to those left (the capital
   * décès), not HELP or the aids read from « soucis financiers ».
   */
  { from: OWN_DEATH_READINGS, markers: 'prompts.ownDeathMarkers', to: 'deces' },
];

/** The online accounts the bot has an answer about (« De quel compte s'agit-il ? »). */
const ACCOUNT_INTENTS = ['compte_ameli', 'compte_urssaf'] as const;
/** The leaves of a birth or an adoption, whose allowances are their own (not the sick leave's: `tellsSickPay`). */
const BIRTH_LEAVES: ReadonlySet<string> = new Set(['adoption', 'maternite', 'paternite']);

/** At most this many named aids' cards (« c'est quoi l'ACED et l'AFE ? »). */
const NAMED_ENTRIES_MAX = 3;

/** Intents under which a named aid is asked about (the aids' and HELP's own words): they never hide its card. */
const NAMED_ENTRY_OPEN_INTENTS: ReadonlySet<string> = new Set([
  'aide_financiere',
  'help',
  'cotisations_delais',
]);

/** A message names a field outside the bot's domain and the recogniser is less sure than this of a topic. */
const OUT_OF_SCOPE_MAX_TOPIC_SCORE = 0.5;
/**
 * The same for a field about other people (out-of-scope.yaml `aboutOthers`: a salaried employee's sick leave or
 * maternity is theirs, not the person's): the topic read in their story must be much surer to be the person's own.
 */
const OTHERS_FIELD_MAX_TOPIC_SCORE = 0.75;

/**
 * With signs of strong difficulty, a topic is answered after the HELP offer only when the recogniser is at least
 * this sure of it (otherwise it is offered as a button); with moderate signs, the topic the recogniser chose (above
 * its threshold) is answered after the offer.
 */
const DISTRESS_TOPIC_MIN_SCORE = 0.45;
/**
 * With moderate signs, a topic read below this is offered after HELP rather than answered (« je suis infirmière
 * libérale et je suis épuisée » read as maternity at 0.35 was led to « Je suis cheffe d'entreprise »).
 */
const MODERATE_DISTRESS_TOPIC_MIN_SCORE = 0.4;
/** A question about the journey's own subject: the best of this many entries found by its words… */
const OWN_SUBJECT_SEARCH = 3;
/** …that belong to the journey's intent, at most this many shown. */
const OWN_SUBJECT_ENTRIES = 2;

/** HELP is the top intent: the next intent, a topic, is answered after the HELP offer from this probability. */
/** HELP refused: the topic after it is answered instead when at least this likely. */
const REFUSED_HELP_MIN_SCORE = 0.02;
const BESIDE_HELP_MIN_SCORE = 0.2;
/** …or from this one when the message names the topic in its own words (`prompts.topicMarkers`). */
const NAMED_BESIDE_HELP_MIN_SCORE = 0.05;

/** A story read as a request for aid below this probability… */
const WEAK_AID_SCORE = 0.45;
/** …whose next intent is a topic at least this likely gets that topic's answer after the HELP offer. */
const BESIDE_AID_MIN_SCORE = 0.2;

/** From this many words a message is a story: never answered with « reformulez » alone. */
export const STORY_MIN_WORDS = 12;
/** A follow-up asking the last request again for another status is short (« et pour un libéral ? »). */
const FOLLOW_UP_MAX_WORDS = 8;
/** A follow-up asking how to apply for what the last answer showed is short (« comment je fais la demande ? »). */
const HOW_TO_MAX_WORDS = 10;
/** A button naming an entry whose démarche is asked for: its title up to this length, else its short name. */
const HOW_TO_LABEL_MAX = 40;

/** `None` at least this sure: the message is about none of the bot's subjects (an honest « pas mon domaine »). */
const SURE_NONE_SCORE = 0.3;

/**
 * With a field outside the domain named, `None` at least this sure makes the field the answer, whatever situation
 * or difficulty the message also tells (`isOutOfScope`).
 */
const SURE_NONE_FIELD_SCORE = 0.4;

/**
 * A story read as `None` is answered with its best topic when that topic is at least this likely and at least
 * `NEAR_NONE_TOPIC_RATIO` times as likely as `None` (otherwise « pas mon domaine » or its guesses as buttons).
 */
const NEAR_NONE_TOPIC_MIN_SCORE = 0.25;
const NEAR_NONE_TOPIC_RATIO = 0.75;

/** A guess offered for a short message not understood must have at least this probability. */
const GUESS_MIN_SCORE = 0.08;

/** A message read as `None` that names a subject in its own words is answered on it from this probability. */
const NAMED_TOPIC_MIN_SCORE = 0.15;
/** …or from this one when the message asks a question (« en invalidité cat. 2… comment cela se passerait ? »). */
const NAMED_TOPIC_QUESTION_MIN_SCORE = 0.02;

/**
 * How likely the sick-leave allowance must be for a sick leave a doctor prescribes (« le médecin veut m'arrêter »)
 * to make it the answer, before HELP, the aid journey, the care after a long leave or the invalidity pension.
 */
const PRESCRIBED_LEAVE_IJ_MIN_SCORE = 0.05;

/**
 * The difficulties an injury told is read as (the health threatening the activity, an accident as a sudden event):
 * the sick leave still comes first.
 */
const INJURY_DIFFICULTIES: ReadonlySet<string> = new Set(['sante_activite', 'evenement_ponctuel']);

/** The needs a prescribed sick leave comes before: its allowance is answered first, these are offered next. */
const AFTER_PRESCRIBED_LEAVE: ReadonlySet<string> = new Set([
  'help',
  'aide_financiere',
  'desinsertion_professionnelle',
  'invalidite',
  'None',
]);

/** The entries answering a relative's contributions debt: the payment delays, then the aids' overview. */
const RELATIVE_DEBT_ENTRIES = ['delais-paiement', 'aide-financiere'] as const;

/** Besides the conversation intents, what MainDialog handles itself rather than a journey or a FAQ answer. */
const HANDLED_HERE = new Set<string>(['contact', 'other', 'None']);
const handledHere = (intent: string): boolean => isConversationIntent(intent) || HANDLED_HERE.has(intent);

export interface MainDialogDeps {
  recognizer: IntentRecognizer;
  normalize: (text: string) => string;
  knowledge: Knowledge;
  feedback: FeedbackSink;
  /** Where the intent acted on, fallbacks, ambiguity questions and journey outcomes are reported (default: nowhere). */
  outcomes?: OutcomeSink;
  /** How many messages in a row were not understood (conversation state). */
  misunderstood: StatePropertyAccessor<number>;
  /** What the person told about themselves (conversation state, `memory.ts`); absent: nothing is remembered. */
  facts?: StatePropertyAccessor<PersonFacts | undefined>;
  /** The misunderstood inbox (`npm run nlu:review`); absent: nothing is kept. */
  inbox?: MisunderstoodSink;
  /**
   * A crisis line was given at the previous turn, for the person (`self`) or for someone else at risk (`other`)
   * (conversation state); absent: not followed up.
   */
  crisis?: StatePropertyAccessor<'self' | 'other' | undefined>;
  /**
   * The knowledge entries of the last answer that showed some (conversation state, kept by the hosting layer as
   * `channelData.relaisEntries` is sent); absent: « source ? » has no answer's sources to show.
   */
  shownEntries?: StatePropertyAccessor<string[] | undefined>;
  /**
   * The last request typed (conversation state): « et pour un libéral ? », « même question pour une PamC » ask it
   * again for another status; absent: such a follow-up is read alone.
   */
  lastRequest?: StatePropertyAccessor<string | undefined>;
}

/** How many of the recogniser's best intents go with an inbox item. */
const INBOX_GUESSES = 3;

/** What the route waterfall remembers between its steps. */
interface RouteValues {
  disambiguating?: boolean;
  entities?: RecognizedEntities;
  answeredIntent?: string;
  /** Other needs of the first message, offered once the main one is answered. */
  also?: string[];
  /**
   * Those of `also` the person did not name, offered because of what they told (the aid journey for a debt told
   * beside another subject): worded as an offer, not as « vous avez aussi parlé de ».
   */
  offered?: string[];
  /** The two needs the ambiguity question offered: the one not chosen is offered after the other's answer. */
  alternatives?: string[];
  /** True while « vous avez aussi parlé de… » is being asked. */
  offering?: boolean;
  /** The needs « vous avez aussi parlé de… » offers: those not chosen are offered again after the chosen one. */
  alsoOffered?: string[];
  /** The journey offered after the fact a question asked of its subject (`factQuestion.ts`). */
  factJourney?: string;
  /** The message that started this route (for the inbox when the answer did not help). */
  text?: string;
  /** True while « Pour laquelle de ces demandes voulez-vous la démarche ? » is being asked. */
  choosingHowTo?: boolean;
  /** The journey whose answer was read from a story: « corriger » at the feedback question starts it again, asking. */
  correctable?: string;
}

interface RouteOptions {
  /** An intent already decided (after "vous voulez parler de A ou de B ?"). */
  intent?: string;
  entities?: RecognizedEntities;
  /** The message that started the route, when it is not the current one (after the ambiguity question). */
  text?: string;
  /** Other needs of that message, offered once the decided one is answered (the need not chosen). */
  also?: string[];
  /** The entry whose démarche was chosen after « Pour laquelle de ces demandes… ? » (with `intent`, the answer's). */
  howTo?: string;
  /** Those of `also` offered for what the message told, not named (`RouteValues.offered`). */
  offered?: string[];
  /** The journey of `intent` starts again after « corriger »: nothing filled, nothing remembered. */
  corrected?: boolean;
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
  private readonly outcomes: OutcomeSink;

  constructor(private readonly deps: MainDialogDeps) {
    super(MAIN_DIALOG);
    this.menu = new Menu(deps.knowledge);
    this.outcomes = deps.outcomes ?? NO_OUTCOMES;
    const contacts = (context: TurnContext) =>
      contactsActivity(deps.knowledge, translator(context.activity.locale), speaksToAdviser(context));
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

  /**
   * A shopkeeper's idioms with strong words (« cette vitrine elle tue », « c'est mort aujourd'hui à la boutique »,
   * « les soldes m'ont tuée » : `prompts.tradeIdioms`), told without any listed sign of difficulty, are small talk,
   * not the need: the message is read without their clauses (« … au fait je peux avoir un arrêt maladie ? » is a
   * sick-leave question); with nothing else, it tells no difficulty. A listed sign (« les charges me tuent », « c'est
   * mort depuis des mois, je vais devoir fermer ») keeps the message as it is.
   */
  private withoutIdioms(recognition: RecognitionLike, context: TurnContext, t: TFunction): RecognitionLike {
    if (
      recognition.selfHarm ||
      recognition.othersAtRisk ||
      recognition.distress.signals.some((signal) => signal !== 'recit')
    )
      return recognition;
    // Most messages have none: looked for in the whole message before its clauses are.
    if (!this.says(recognition.text, t, 'prompts.tradeIdioms')) return recognition;
    const clauses = recognition.text.match(/[^,.;:!?\n]+[,.;:!?\n]*/g) ?? [];
    const idioms = clauses.filter((clause) => this.says(clause, t, 'prompts.tradeIdioms'));
    if (idioms.length === 0) return recognition;
    // Without the fillers of the talk either (« c'est mort aujourd'hui à la boutique, personne, bon, … »).
    const kept = clauses.filter((clause) => !idioms.includes(clause) && wordCount(clause) >= 2);
    const rest = kept.join('').trim();
    if (wordCount(rest) < 2)
      return { ...recognition, distress: { level: 'none', signals: [], need: 'help' } };
    return this.deps.recognizer.recognize(rest, { adviser: speaksToAdviser(context) });
  }

  /**
   * « je vais tout arrêter », « j'arrête tout »: the business stopped (the distress signal `procedure`), not a sick
   * leave, unless the message names one (`prompts.sickLeaveMarkers`: « je vais me mettre en arrêt »). The
   * recogniser's sick-leave reading of « arrêter » is then left out of the turn's recognition: no sick-leave journey
   * beside HELP.
   */
  private businessStopNoSickLeave(
    context: TurnContext,
    recognition: RecognitionLike,
    t: TFunction,
  ): RecognitionLike {
    const sickLeave = 'indemnites_journalieres';
    if (
      !recognition.distress.signals.includes('procedure') ||
      recognition.intents[sickLeave] === undefined ||
      this.says(recognition.text, t, 'prompts.sickLeaveMarkers')
    )
      return recognition;
    return this.withoutReading(context, recognition, sickLeave);
  }

  /**
   * A story the recogniser reads as a request for HELP while nothing in it tells a difficulty (no sign of the distress
   * detector, not even its learned reading of a story) and nothing asks for help or an aid (`prompts.helpAskedMarkers`,
   * `prompts.aidNamedMarkers`): « j'ai dit oui à trop de projets… j'essaie maintenant de mieux choisir », a hand's
   * operation told in detail. HELP's reading is no need of its own there: its probability goes to `None`, and the
   * message is answered as a story about none of the bot's subjects (its guesses, HELP among them), not with HELP.
   */
  private helpWithoutDifficulty(
    context: TurnContext,
    recognition: RecognitionLike,
    t: TFunction,
  ): RecognitionLike {
    // The top intent first: reading `intents` ranks every intent (nlu `rankIntents`), for HELP's stories only.
    if (
      recognition.topIntent !== 'help' ||
      !recognition.intents.help ||
      recognition.distress.level !== 'none' ||
      recognition.selfHarm ||
      recognition.othersAtRisk ||
      wordCount(recognition.text) < STORY_MIN_WORDS ||
      this.says(recognition.text, t, 'prompts.helpAskedMarkers') ||
      this.says(recognition.text, t, 'prompts.aidNamedMarkers')
    )
      return recognition;
    return this.withoutReading(context, recognition, 'help', 'None');
  }

  /**
   * The turn's recognition without the reading `removed` (nor its hesitation, nor its other need), kept for the rest
   * of the turn. With `into`, its probability goes to that intent and the intents are ranked again. The top intent
   * changes only when it was the one removed: the best left takes its place.
   */
  private withoutReading(
    context: TurnContext,
    recognition: RecognitionLike,
    removed: string,
    into?: string,
  ): RecognitionLike {
    const kept = Object.entries(recognition.intents).filter(
      ([intent]) => intent !== removed && intent !== into,
    );
    const ranked = into
      ? [
          [
            into,
            {
              score: (recognition.intents[into]?.score ?? 0) + (recognition.intents[removed]?.score ?? 0),
            },
          ] as const,
          ...kept,
        ].sort((a, b) => b[1].score - a[1].score)
      : kept;
    const intents = Object.fromEntries(ranked);
    const [top, best] = ranked[0] ?? ['None', { score: 0 }];
    const { ambiguous, also, ...rest } = recognition;
    const read: RecognitionLike = {
      ...rest,
      intents,
      ...(recognition.topIntent === removed
        ? { topIntent: top as RecognitionLike['topIntent'], score: best.score }
        : {}),
      ...(ambiguous && ambiguous.first !== removed && ambiguous.second !== removed ? { ambiguous } : {}),
      ...(also ? { also: also.filter((intent) => intent !== removed) } : {}),
    };
    setTurnRecognition(context, read);
    return read;
  }

  // ---- the route: recognise → (disambiguate) → journey → feedback

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as RouteOptions;
    const t = translator(step.context.activity.locale);
    const recognition = this.businessStopNoSickLeave(
      step.context,
      options.intent
        ? this.recognition(step.context)
        : this.helpWithoutDifficulty(
            step.context,
            this.withoutIdioms(this.recognition(step.context), step.context, t),
            t,
          ),
      t,
    );
    const profile = getTurnProfile(step.context);
    const entities = { ...(options.entities ?? recognition.entities) };
    if (!entities.statut && profile?.statut) entities.statut = profile.statut;
    const message = step.context.activity.text ?? '';
    const fromMenu =
      this.menu.intentFromLabel(message, t, this.deps.normalize) ??
      this.menu.intentFromPosition(message, t, this.deps.normalize, matcherVocabulary(t));
    // A request in the person's words (not an answer to a question: « Oui, je travaille encore » says nothing of
    // the situation once taken alone; a journey's answers are remembered when it ends).
    if (!fromMenu) await this.rememberTold(step.context);
    values(step).text = options.text ?? step.context.activity.text ?? '';
    // The entry chosen after « Pour laquelle de ces demandes voulez-vous la démarche ? »: how to ask for it.
    const chosenHowTo = options.howTo ? this.deps.knowledge.get(options.howTo) : undefined;
    if (chosenHowTo) return this.answerHowTo(step, chosenHowTo, options.intent ?? 'None', t);
    // A message typed by the person (not a button, not a choice already made).
    const typed = !options.intent && !fromMenu;
    // A crisis line answered at the previous turn (read once: the turn's crisis answers below end the turn).
    const crisis = await this.deps.crisis?.get(step.context);
    // « et pour un libéral ? », « même question pour une PamC » after an answer: the last request, for that status.
    if (typed) {
      const again = await this.followUpFor(step.context, recognition, t);
      if (again) return this.answerFollowUp(step, again);
      // « comment je fais la demande ? », « c'est quel formulaire ? », « et le lien ? » after an answer: how to ask for
      // what it showed (after a crisis line, for the last request's need: `needAfterCrisis`).
      const howTo = crisis ? undefined : await this.howToFollowUp(step, recognition, t);
      if (howTo) return howTo;
      // « c combien max ? », « c pour qui ? », « et si c des jumeaux » after an answer: placed nowhere alone, the
      // same subject with the last request's words (the last request stays the one asked).
      const same = crisis ? undefined : await this.sameSubjectFollowUp(step.context, recognition, t);
      if (same) return this.answerFollowUp(step, same);
      if (!isConversationIntent(recognition.topIntent))
        await this.deps.lastRequest?.set(step.context, step.context.activity.text ?? '');
    }
    // Someone else thinking of killing themselves (« mon assuré m'a dit qu'il pensait à mettre fin à ses jours »,
    // « mon fils menace de se suicider »): the line that answers those close to them, and the 15; not a journey's
    // first question. Both read (« mon fils menace de se suicider » has the word « suicide »): the words for those
    // close to someone at risk, which give the same lines.
    if (typed && recognition.othersAtRisk) {
      await this.deps.misunderstood.set(step.context, 0);
      await this.deps.crisis?.set(step.context, 'other');
      await step.context.sendActivities(othersAtRiskActivities(this.deps.knowledge, t));
      this.outcomes.journeyEnded({ intent: 'help', outcome: 'crisis_line' });
      // The person asks something for the one at risk (« mon père a fait une tentative de suicide, il est artisan, il
      // va avoir des indemnités ? »): answered after the lines, when the bot places it surely. Only a question: « ma
      // femme a avalé des médicaments » is no question about the spouse's status.
      const need = recognition.text.includes('?') ? this.needAfterCrisis(recognition) : undefined;
      if (need !== undefined && need !== 'help' && this.isTopic(need))
        return this.dispatch(step, need, entities, t);
      return step.endDialog();
    }
    if (typed && recognition.selfHarm) {
      await this.deps.misunderstood.set(step.context, 0);
      await this.deps.crisis?.set(step.context, 'self');
      await step.context.sendActivities(selfHarmActivities(this.deps.knowledge, t));
      this.outcomes.journeyEnded({ intent: 'help', outcome: 'crisis_line' });
      return step.endDialog();
    }
    // The message after a crisis line (« ok », « non je veux pas appeler », « ça va mieux, oubliez »): unless it asks
    // something the bot places surely, the lines again, gently — not « pas compris » nor « pas mon domaine ».
    if (crisis) {
      await this.deps.crisis?.delete(step.context);
      // A subject, HELP, an adviser, « menu » or « recommencer » asked surely is answered, even after « ok merci. »
      // (« ok merci. et pour l'argent, vous pouvez m'aider ? » was read as thanks alone: a dead end).
      const sure = typed ? this.needAfterCrisis(recognition, t) : undefined;
      // « et je fais comment pour la demande ? »: the need of the request told with the words of distress, with what
      // it told (« 12000 euros de dettes urssaf »).
      const asked =
        typed && sure === undefined
          ? await this.lastNeedAsked(step.context, step.context.activity.text ?? '', t)
          : undefined;
      const need = sure ?? asked?.need;
      const told = asked?.entities ?? entities;
      if (typed && need !== undefined && this.isTopic(need)) {
        // The person is in distress: the lines stay in view, with HELP, before the answer to the need.
        if (crisis === 'self') return this.answerAfterCrisis(step, need, told, t);
        if (need !== recognition.topIntent) return this.dispatch(step, need, told, t);
      }
      // An adviser asked for right after (« conseiller »): the 3114 answers at any hour, the advisers on weekdays —
      // both, not the advisers' lines alone.
      const human = need === 'human' || need === 'contact';
      if (typed && (need === undefined || human)) {
        await this.deps.misunderstood.set(step.context, 0);
        await step.context.sendActivities([
          ...(crisis === 'other'
            ? othersAtRiskActivities(this.deps.knowledge, t)
            : afterCrisisActivities(this.deps.knowledge, t)),
          ...(human ? [] : [this.menu.activity(t)]),
        ]);
        this.outcomes.journeyEnded({ intent: 'help', outcome: 'crisis_line' });
        return step.endDialog();
      }
    }
    const said = values(step).text ?? '';
    // « source ? », « ce chiffre vient d'où ? », « tu peux me donner le texte source exact ? » (an adviser checking
    // an answer): the sources of the answer just given, quoted, or that there is none — not « pas compris », « pas mon
    // domaine » or a card guessed from « chiffre ».
    if (typed && this.asksSources(said, recognition, t)) {
      await this.deps.misunderstood.set(step.context, 0);
      await step.context.sendActivity(await this.sourcesActivity(step.context, said, t));
      return step.endDialog();
    }
    // « non », « non merci », « non c'est tout » with nothing under way (after « Puis-je faire autre chose pour
    // vous ? »): the person needs nothing more, which is neither « rien en cours » nor a message not understood.
    if (typed && this.saysOnly(said, t, 'prompts.nothingMoreAnswers')) {
      await this.deps.misunderstood.set(step.context, 0);
      await step.context.sendActivity({ type: 'message', text: t('main.nothingMore') });
      return step.endDialog();
    }
    // A person who only says who they are (« je suis artisan depuis 3 ans », « bonjour, je suis infirmière libérale »,
    // « je suis retraitée, j'étais coiffeuse »): noted (the memory keeps it) and the menu, not « ce n'est pas mon
    // domaine » or a card the recogniser guessed from one word.
    if (typed && this.onlyPresents(said, recognition, t)) {
      await this.deps.misunderstood.set(step.context, 0);
      // An adviser (Teams), whose messages are not remembered (one insured person after another): told so, honestly,
      // rather than « c'est noté ».
      await step.context.sendActivity(this.menu.activity(t, t('main.presented', adviserVoice(step.context))));
      return step.endDialog();
    }
    // Frustration or not understanding the bot (« vous servez à rien », « je comprends rien », « c'est trop
    // compliqué »), without signs of difficulty (those get HELP): an apology and a person to talk to, never « ce
    // n'est pas mon domaine ».
    if (
      typed &&
      this.frustrated(said, recognition, t) &&
      // Not a question about a subject said beside it (« je ne comprends pas, je suis enceinte, j'ai droit à
      // quoi ? », « ACED ça veut dire quoi ? »): that subject is answered.
      !(this.isTopic(recognition.topIntent) && recognition.score >= TOPIC_SWITCH_MIN_SCORE) &&
      this.deps.knowledge.namedAll(said).length === 0
    ) {
      await this.keep(step.context, 'not_understood', recognition);
      await this.deps.misunderstood.set(step.context, 0);
      await step.context.sendActivities([
        phoneLinesActivity(this.deps.knowledge, t('main.frustrated')),
        this.menu.activity(t),
      ]);
      this.outcomes.journeyEnded({ intent: 'human', outcome: 'phone_contact' });
      return step.endDialog();
    }
    // A medical emergency told in passing (« je saigne, je suis enceinte de 5 mois »): the 15 first, then the answer.
    if (typed && recognition.medicalEmergency) {
      await step.context.sendActivities(medicalEmergencyActivities(this.deps.knowledge, t));
      // Nothing asked (« mon mari vient de faire un malaise dans la boutique, il respire mal »): the 15 is the answer,
      // not a card guessed from « mon mari » (the spouse's status).
      if (!recognition.text.includes('?') && !recognition.selfHarm && !recognition.othersAtRisk) {
        this.outcomes.journeyEnded({ intent: 'help', outcome: 'phone_contact' });
        return step.endDialog();
      }
    }
    // Someone else's suicide told (« un confrère s'est suicidé »): the line that also answers those close to it and
    // the bereaved comes first, then the usual answer (HELP when the story tells a difficulty).
    if (typed && recognition.othersSuicide) {
      await step.context.sendActivities(othersSuicideActivities(this.deps.knowledge, t));
    }
    if (typed && recognition.otherLanguage) {
      // Written in English: the bot answers only in French; it says so in both languages, with the advisers' lines,
      // rather than reading English words as one of its subjects.
      await this.keep(step.context, 'not_understood', recognition);
      // Words of need in it (« no money for eat, help please », « nao tenho dinheiro para comida »): HELP too, with
      // the same lines.
      const needs = recognition.otherLanguageDistress === true;
      if (needs) noteHelpShown(step.context);
      await step.context.sendActivities([
        { type: 'message', text: t('main.frenchOnly') },
        ...(needs
          ? helpOfferActivities(this.deps.knowledge, t, { intro: t('main.frenchOnlyHelp'), aidButton: true })
          : [phoneLinesActivity(this.deps.knowledge, t('main.frenchOnlyLines'))]),
        this.menu.activity(t, t('main.frenchOnlyMenu')),
      ]);
      this.outcomes.journeyEnded({ intent: 'None', outcome: 'out_of_scope' });
      return step.endDialog();
    }
    // « je veux pas d'aide, je veux juste savoir si… »: the person refuses HELP; the question is answered (the lines and
    // HELP stay a click away in the menu), not the HELP card again.
    const refusesHelp = typed && this.says(recognition.text, t, 'prompts.helpRefusals');
    const distressed = typed && recognition.distress.level !== 'none' && !refusesHelp;
    const words = wordCount(recognition.text);
    // A short question about one aid by its name (« c'est quoi l'ACED ? », « l'AFE c'est combien ? », « AMA »): that
    // aid's card, not the journey that would ask the person's situation first. HELP refused by its name (« pas
    // besoin de help ») is not asked for.
    const namedAids =
      typed && !distressed
        ? this.namedEntries(recognition, words, t).filter(
            (entry) => !(refusesHelp && entry.intent === 'help'),
          )
        : [];
    if (namedAids.length > 0) {
      const namedIntent = namedAids[0].intent ?? recognition.topIntent;
      this.outcomes.intent({ intent: namedIntent });
      await this.deps.misunderstood.set(step.context, 0);
      return step.beginDialog(FAQ_DIALOG, {
        intent: namedIntent,
        entryIds: namedAids.slice(0, NAMED_ENTRIES_MAX).map((entry) => entry.id),
        statut: (await this.personOf(step.context, entities, namedIntent)).statut,
        ...(entities.situation ? { situation: entities.situation } : {}),
      } satisfies AnswerDialogOptions);
    }
    // A problem with an online account that does not say whose (« mon compte a été supprimé, je ne peux plus rien
    // faire », « je n'arrive plus à accéder à mon compte »): the recogniser can only read the rest of the words (the
    // aid journey's « Quelle est votre situation ? », HELP). Which account is asked — the compte ameli, the Urssaf's
    // online account, or an adviser — and that account's answer follows (`afterRouteStep`). Told with difficulty, HELP
    // comes first as usual.
    if (typed && !distressed && this.unnamedAccountProblem(said, recognition, t)) {
      values(step).disambiguating = true;
      values(step).entities = entities;
      await this.deps.misunderstood.set(step.context, 0);
      return step.beginDialog(CHOICE_STEP, {
        question: t('main.whichAccount'),
        choices: [
          ...ACCOUNT_INTENTS.map((account) => ({
            value: account,
            label: capitalise(t(`intents.${account}`)),
          })),
          { value: 'human', label: t('main.adviser') },
        ],
        // Another account named (« celui des impôts »): a new request, answered as such.
        lenient: true,
      } satisfies ChoiceStepOptions);
    }
    // HELP is the recogniser's top intent, so HELP is offered whatever else: a topic it also reads fairly surely is
    // answered after the offer rather than hidden by it (or asked about). When it hesitates between HELP and a
    // topic, nothing is asked either: HELP is offered and the topic answered.
    // HELP refused (« pas besoin de help, jveux un délai urssaf »): its word is no request for it; the topic asked is.
    const refusedHelp =
      refusesHelp && recognition.topIntent === 'help'
        ? this.topicAfter(recognition, 'help', REFUSED_HELP_MIN_SCORE)
        : undefined;
    const topicBesideHelp = typed ? (refusedHelp ?? this.topicBesideHelp(recognition, t)) : undefined;
    const besideHelp =
      (typed && recognition.ambiguous ? settleWithHelpOffered(recognition.ambiguous) : undefined) ??
      topicBesideHelp;
    // Two sentences, two needs: the first is answered and the other offered after it, nothing to ask.
    const twoNeeds =
      recognition.ambiguous &&
      /[.!?;]\s/.test(recognition.text) &&
      recognition.also?.includes(recognition.ambiguous.second)
        ? recognition.ambiguous.first
        : undefined;
    // A sick leave the doctor prescribes (« le médecin veut m'arrêter, je vais toucher quoi ? »): its allowance,
    // before the care after a long leave, HELP or the aids for a sick person (offered after it).
    const leaveFirst = typed && this.sickLeaveFirst(said, recognition, entities, t);
    const settled =
      recognition.ambiguous &&
      (settleAmbiguity(recognition.ambiguous, entities) ??
        (leaveFirst &&
        [recognition.ambiguous.first, recognition.ambiguous.second].includes('indemnites_journalieres')
          ? 'indemnites_journalieres'
          : undefined) ??
        besideHelp ??
        twoNeeds);
    // With signs of difficulty nothing is asked first: HELP is offered and the needs follow. Only two subjects are
    // asked about: a hesitation with a command or small talk (« une question sur ma situation »: back or greeting?)
    // goes to the first.
    // Nor about a subject the sources say nothing precise about (« dois-je payer mes cotisations pendant l'arrêt ? »):
    // neither reading would answer it.
    if (
      typed &&
      recognition.ambiguous &&
      !settled &&
      !distressed &&
      !recognition.outOfScope?.gap &&
      !isConversationIntent(recognition.ambiguous.first) &&
      !isConversationIntent(recognition.ambiguous.second)
    ) {
      const { first, second } = recognition.ambiguous;
      this.outcomes.ambiguity({ first, second });
      values(step).disambiguating = true;
      values(step).entities = entities;
      // The need not chosen is offered after the other's answer only when the message told both (`also`), not when
      // the recogniser merely hesitated between two readings of one need.
      values(step).alternatives = [first, second].filter((need) => recognition.also?.includes(need));
      await this.keep(step.context, 'ambiguous', recognition);
      const label = (intent: string) => t(`intents.${intent}`);
      const about = (intent: string) => t(`intentsAbout.${intent}`);
      return step.beginDialog(CHOICE_STEP, {
        question: t('main.ambiguous', { first: about(first), second: about(second) }),
        choices: [
          ...[first, second].map((intent) => ({ value: intent, label: capitalise(label(intent)) })),
          // A story may be about neither: a person can always be reached.
          ...(words >= STORY_MIN_WORDS ? [{ value: 'human', label: t('main.adviser') }] : []),
        ],
      } satisfies ChoiceStepOptions);
    }
    const refined = this.refineByWords(
      refineIntent(recognition.topIntent, entities),
      entities,
      said,
      t,
      recognition,
    );
    const chosen = settled ?? topicBesideHelp ?? refined;
    const intent =
      options.intent ??
      fromMenu ??
      (leaveFirst && AFTER_PRESCRIBED_LEAVE.has(chosen) ? 'indemnites_journalieres' : chosen);
    values(step).entities = entities;
    // A relative's difficulty told with a question of their rights (« mon père a des dettes, il peut avoir une aide ? »)
    // gets the answer for them (`dispatch`), not HELP offered to the person as if the difficulty were theirs.
    const forRelative = entities.pourProche === true && this.isTopic(intent) && intent !== 'help';
    if (typed) {
      // The subject the recogniser read first, when the entities said the need is another one (a pregnant
      // conjointe collaboratrice asking about her status, a pregnant woman on sick leave): offered next.
      // So is the one read before a prescribed sick leave's allowance (the care after a long leave). Not the online
      // account read from the Urssaf's words of a debt (`refineIntent`): no need of its own. Nor, here or among the
      // other needs, the carte Vitale or the health support read from the European card's words (« carte vitale
      // européenne », « soins à l'étranger »: `EUROPEAN_CARD`).
      const misread = (other: string) =>
        other !== intent && this.byWords(EUROPEAN_CARD, other, said, t) === intent;
      const readFirst =
        (intent === refined || (leaveFirst && intent !== chosen)) &&
        intent !== recognition.topIntent &&
        this.isTopic(recognition.topIntent) &&
        !READINGS_REPLACED.has(recognition.topIntent) &&
        !misread(recognition.topIntent)
          ? [recognition.topIntent]
          : [];
      // Difficulties of the business told beside another subject (« je suis enceinte et j'ai du mal à payer mes
      // cotisations »): the aid journey offered next, whatever the recogniser's score for it.
      const aidToo =
        this.journeyByIntent[intent] &&
        intent !== 'aide_financiere' &&
        activeDifficulties(entities).length > 0
          ? ['aide_financiere']
          : [];
      // With HELP the answer, its advisers' card already has the aid journey's button.
      // The allowances of a sick leave told beside another answer (HELP, the aids, the invalidity): offered next.
      const sickPayToo =
        intent !== 'indemnites_journalieres' &&
        !BIRTH_LEAVES.has(intent) &&
        this.tellsSickPay(said, recognition, entities, t)
          ? ['indemnites_journalieres']
          : [];
      // The psychologist's support, the complaint and mediation, the ALD: offered next when told, not named.
      const unnamed = this.unnamedOffers(intent, said, recognition, t);
      values(step).also = [
        ...readFirst,
        ...(recognition.also ?? []),
        ...sickPayToo,
        ...aidToo,
        ...unnamed,
      ].filter(
        (other, i, all) =>
          other !== intent &&
          all.indexOf(other) === i &&
          !misread(other) &&
          !(distressed && other === 'aide_financiere' && intent === 'help') &&
          // With a sign of difficulty HELP comes with the answer: not offered again after it.
          !(distressed && other === 'help'),
      );
      // The aid journey offered for a difficulty told (« l'urssaf me relance », « je n'arrive plus à payer mes
      // cotisations »), not named: the message asks for no aid in words (`prompts.aidNamedMarkers`). So are the
      // psychologist's support and the complaint, never named either (a complaint named is read as its intent).
      values(step).offered = [
        ...(this.says(said, t, 'prompts.aidNamedMarkers') ? [] : ['aide_financiere']),
        ...unnamed,
      ];
    } else if (options.also) {
      values(step).also = options.also.filter((other) => other !== intent);
      if (options.offered) values(step).offered = options.offered;
    }
    // How sure the recogniser must be that a typed message of three words or more, read as `None`, is about none
    // of its subjects: `None` at least this sure, or no intent above its threshold (the score is then 1 − the best
    // intent's). Infinite when the message is not such a reading, and for a story that names the bot's own world
    // (the Urssaf, the caisse, « mon dossier »): that is a story the recogniser cannot place, which gets its guesses
    // (« Merci d'avoir pris le temps… »), never « ce n'est pas mon domaine » (a field outside it is the scope
    // detector's to name).
    const noneBar =
      typed &&
      recognition.topIntent === 'None' &&
      words >= 3 &&
      !(words >= STORY_MIN_WORDS && this.namesDomain(recognition.text, t))
        ? SURE_NONE_SCORE
        : Infinity;
    const noneSure = recognition.score >= noneBar;
    const surelyNone = noneSure && intent === 'None';
    // A topic the recogniser chose itself (above its threshold), answered after « pas mon domaine » for a field named
    // beside it (« je vais créer mon entreprise : quel congé maternité ? »).
    const placed = typed && this.isTopic(intent) && intent !== 'help' && recognition.topIntent === intent;
    // Told with difficulty, a story the class `None` is sure of stays sure of it even when its difficulties would
    // send it to the aid journey (refineIntent): the aids still follow.
    // Not a strong difficulty told in a few words, with nothing asked (« je vais fermer »): that is HELP's, not « pas
    // mon domaine » (a longer story the class `None` is sure of may well be about another field).
    const surelyNoneStory =
      noneSure &&
      (intent === 'None' || intent === 'aide_financiere') &&
      noneScore(recognition) >= noneBar &&
      (recognition.distress.level !== 'high' || words >= STORY_MIN_WORDS || this.asksQuestion(said, t));
    // A story the class `None` is sure of that names one of the bot's subjects in its own words and asks a question,
    // with no field outside the domain (« en invalidité cat 2… combien je dois toucher ? … j'arrive pas à payer mes
    // factures »): that subject, after HELP, never « pas mon domaine ». A story that only tells (« on s'est retrouvé
    // enceinte en même temps… ») keeps its honest answer.
    const ownTopic =
      distressed &&
      surelyNoneStory &&
      !isOutOfScope(recognition) &&
      recognition.topIntent === 'None' &&
      this.asksQuestion(said, t)
        ? this.namedTopic(recognition, t)
        : undefined;
    if (ownTopic) return this.withHelpOffer(step, ownTopic, entities, t, true);
    // Money trouble told with a situation the aid journey has answers for (« je suis retraitée, ancienne commerçante,
    // j'ai du mal à payer mes factures »: the Assurance retraite's aids; invalid, widowed, activity over…): HELP and
    // that journey, never « pas mon domaine » first, neither for no field (the class `None` sure of a story) nor
    // for the field the situation's own word names (« retraité » is no question on the pension, and the aid
    // journey answers that field: out-of-scope.yaml `answeredBy`). A question on the field itself (« combien de
    // trimestres il me manque ? ») keeps its honest answer.
    if (
      distressed &&
      !forRelative &&
      (isOutOfScope(recognition) || surelyNoneStory) &&
      this.moneyTroubleInSituation(recognition, said, t)
    )
      return this.withHelpOffer(step, 'aide_financiere', entities, t);
    if (distressed && (isOutOfScope(recognition) || surelyNoneStory)) {
      // A question outside the bot's field told with difficulty: the honest answer, and HELP; money trouble also
      // opens the aid journey (the aids do not depend on the field asked about). A field is named, or the class
      // `None` itself is sure the message is about none of the bot's subjects (« ce sujet »): a story of difficulty
      // that no intent reaches is HELP's, not « pas mon domaine ».
      const field = recognition.outOfScope ?? { domain: 'other', contacts: [] };
      const gap = field.gap === true;
      const aids = recognition.distress.need === 'aide_financiere' || intent === 'aide_financiere';
      await this.deps.misunderstood.set(step.context, 0);
      noteHelpShown(step.context);
      // No field named (« fermer ma boîte »): no « en plus de la réponse à votre question » (there is none).
      const named = recognition.outOfScope !== undefined;
      // The person's own living costs told with difficulty (« g pu 1 rond pr nourir mé gosse », « la galère pour payer
      // le loyer », « je dors dans mon camion »), or a few words of distress that ask nothing (« j'ose pas
      // demander »): no field named, nothing to refuse; HELP comes first, never « ce n'est pas mon domaine » before
      // it. A story about them still hears, after HELP, that the bot cannot answer on the costs themselves.
      // No field named at all (« si je ne travaille pas, il n'y a pas de rentrée d'argent »): HELP first too, and the
      // honest « ce n'est pas mon domaine » after it, for a story or a question — never a refusal before the help.
      // A field named in a story that asks nothing about it (« je n'arrive plus à rembourser le prêt de la
      // boutique et je ne dors plus »): the difficulty is the point, so HELP comes first and the honest answer on
      // that field after it. A question on the field (« comment renégocier mon prêt ? ») is answered first.
      const livingCosts = this.tellsLivingCosts(recognition, t);
      const asks = this.asksQuestion(said, t);
      const fieldFirst = named && asks;
      const refusalAfter =
        (named && !asks) || (!named && (words >= STORY_MIN_WORDS || (!livingCosts && asks)));
      if (gap) noteGapShown(step.context);
      await step.context.sendActivities([
        ...(fieldFirst ? outOfScopeActivities(this.deps.knowledge, t, field) : []),
        ...helpOfferActivities(this.deps.knowledge, t, {
          intro: this.helpIntro(
            step.context,
            step.context.activity.text ?? '',
            t,
            fieldFirst ? 'distress.introWithTopic' : aids ? 'distress.introWithAids' : 'distress.intro',
          ),
          aidButton: !aids,
        }),
        ...(refusalAfter ? outOfScopeActivities(this.deps.knowledge, t, field) : []),
      ]);
      // The aid journey records its own outcome when it ends; none of its aids is for someone outside the scheme.
      const outside = recognition.outOfScope?.outsideScheme === true;
      if (aids && !outside) {
        // A question the recogniser placed beside the field (« est-ce que je vais être payé pendant mon arrêt ? et
        // comment payer mes cotisations ? j'ai plus rien qui rentre »): offered after the aids, not dropped.
        if (placed && intent !== 'aide_financiere')
          values(step).also = [
            intent,
            ...(values(step).also ?? []).filter((other) => other !== intent),
          ].slice(0, 2);
        return this.dispatch(step, 'aide_financiere', entities, t);
      }
      // A subject the sources say nothing precise about is followed by a topic it names as near (« saisie sur mon
      // compte par l'urssaf, je fais comment pour manger ? »: the payment delays), as without difficulty.
      const near =
        !gap || field.generalRules === true || field.near?.some((topic) => topic === intent) === true;
      if (placed && near && !outside) {
        if (field.generalRules) await step.context.sendActivity(t('main.generalRules'));
        return this.dispatch(step, intent, entities, t);
      }
      // That near topic ranked first even just under the threshold (the subject already places the message beside it).
      const best = Object.keys(recognition.intents).find((other) => this.isTopic(other));
      if (gap && !outside && best !== undefined && field.near?.some((topic) => topic === best))
        return this.dispatch(step, best, entities, t);
      this.outcomes.journeyEnded({ intent: 'None', outcome: 'help_referral' });
      return step.endDialog();
    }
    // The person's own spouse has died (« mon mari artisan est décédé, j'ai droit au capital décès ? », « je suis
    // veuve… »): a loss that may leave them alone with the business and its debts. The death's answers come with HELP
    // and the advisers' lines, as they do when the distress words read it (« mon mari est décédé »), as the aid
    // journey's surviving-spouse leaf does, and as the bereavement leave does.
    const bereavedSpouse =
      typed &&
      !refusesHelp &&
      intent === 'deces' &&
      entities.difficultes?.includes('deces_conjoint') === true;
    if (((distressed || bereavedSpouse) && !forRelative) || (besideHelp && intent === besideHelp))
      return this.withHelpOffer(step, intent, entities, t, intent === besideHelp);
    // A situation told in a field's words that a journey answers (out-of-scope.yaml `answeredBy`: « je pars à la
    // retraite dans 6 mois, je suis menuisier » is the aid journey's coming retirement, and its ADR): that journey,
    // after « pas mon domaine » only when the message also asks something of the field (« combien je toucherai ? »).
    const situationAnswered =
      typed &&
      entities.situation !== undefined &&
      entities.situation !== 'actif' &&
      intent !== recognition.topIntent &&
      recognition.outOfScope?.gap !== true &&
      (recognition.outOfScope?.answeredBy ?? []).some((need) => need === intent);
    // A question about one of the journey's own aids (« je prends ma retraite bientôt, combien je vais toucher avec
    // l'ADR ? ») asks nothing of the field: the journey answers it, without « pas mon domaine ».
    const asksField = this.asksQuestion(said, t) && this.deps.knowledge.namedAll(said).length === 0;
    if (typed && isOutOfScope(recognition) && !(situationAnswered && !asksField)) {
      const field = recognition.outOfScope!;
      const { gap, near } = field;
      await this.deps.misunderstood.set(step.context, 0);
      // The field named is not the bot's, but the recogniser also placed a topic, or the message names one of the
      // bot's subjects in its own words (« la grossesse nous a coûté … et 4 000 € d'avance de TVA »): both are
      // answered.
      // Not for a subject the sources say nothing precise about: no topic's answer fits it, unless the gap names the
      // topic as near (out-of-scope.yaml `near`).
      // Nor for what happens to an employee (« mon employée est enceinte »): the topic read is theirs.
      const topic =
        field.outsideScheme || field.theirSituation
          ? undefined
          : gap
            ? placed && (field.generalRules || near?.includes(intent))
              ? intent
              : undefined
            : // A question about the age of retirement (« à quel âge je peux partir à la retraite ? ») asks nothing of the
              // aid the situation would lead to (« combien je vais toucher ? » may: the ADR's amount).
              placed || (situationAnswered && !this.says(said, t, 'prompts.retirementAgeMarkers'))
              ? intent
              : intent === 'None'
                ? this.namedTopic(recognition, t)
                : undefined;
      if (topic) {
        if (gap) noteGapShown(step.context);
        await step.context.sendActivities([
          ...outOfScopeActivities(this.deps.knowledge, t, field),
          // The person's case is not covered, the general rule is (a micro-entrepreneur living abroad): said so.
          ...(field.generalRules ? [{ type: 'message', text: t('main.generalRules') }] : []),
        ]);
        return this.dispatch(step, topic, entities, t);
      }
      await step.context.sendActivities([
        ...outOfScopeActivities(this.deps.knowledge, t, field),
        this.menu.activity(t, t('main.outOfScopeMenu', adviserVoice(step.context))),
      ]);
      this.outcomes.journeyEnded({ intent: 'None', outcome: 'out_of_scope' });
      return step.endDialog();
    }
    // A story asking for financial aid tells a difficulty even without its words: HELP comes with the aids.
    if (typed && intent === 'aide_financiere' && words >= STORY_MIN_WORDS && !forRelative) {
      const topic = recognition.topIntent === intent ? this.topicBesideWeakAid(recognition) : undefined;
      return this.withHelpOffer(step, topic ?? intent, entities, t, topic !== undefined);
    }
    // A story read as `None` whose best topic is nearly as likely: that topic is answered (its journey or its card,
    // a concrete answer) and the next guess offered after it, rather than « pas mon domaine » or guesses alone.
    const near =
      typed && intent === 'None' && words >= STORY_MIN_WORDS ? this.nearNoneTopics(recognition) : [];
    // A message read as `None` that names one of the bot's subjects in its own words (« je suis en invalidité cat. 2,
    // en tant qu'AE comment cela se passerait ? ») is about that subject when the recogniser ranks it too.
    const named =
      typed && intent === 'None' && words >= 3
        ? this.namedTopic(
            recognition,
            t,
            this.asksQuestion(said, t) ? NAMED_TOPIC_QUESTION_MIN_SCORE : NAMED_TOPIC_MIN_SCORE,
          )
        : undefined;
    const nearTopics = named ? [named, ...near.filter((other) => other !== named)] : near;
    if (nearTopics.length > 0) {
      values(step).also = nearTopics.slice(1, 2);
      return this.dispatch(step, nearTopics[0], entities, t);
    }
    if (surelyNone) {
      // The recogniser is sure the message is about none of its subjects: say so honestly, then offer guesses.
      // It placed nothing: the message goes to the misunderstood inbox (once, guesses or not).
      await this.keep(step.context, 'not_understood', recognition);
      await this.deps.misunderstood.set(step.context, 0);
      await step.context.sendActivities(
        outOfScopeActivities(this.deps.knowledge, t, { domain: 'other', contacts: [] }),
      );
      this.outcomes.journeyEnded({ intent: 'None', outcome: 'out_of_scope' });
      const guessed = await this.offerGuesses(step, recognition, t, t('main.outOfScopeGuesses'), true);
      if (guessed) return guessed;
      await step.context.sendActivity(
        this.menu.activity(t, t('main.outOfScopeMenu', adviserVoice(step.context))),
      );
      return step.endDialog();
    }
    if (typed && intent === 'None') {
      const guessed = await this.offerGuesses(step, recognition, t);
      if (guessed) return guessed;
    }
    // A short question about one fact of a journey's subject that the knowledge states (« il faut combien de mois
    // d'affiliation pour le congé mat ? », « qui décide de la catégorie d'invalidité ? »): that fact and its cards,
    // the journey offered after — not the journey's questions first. Not for a relative (`dispatch` answers for them).
    const fact =
      typed && !distressed && !forRelative && words <= NAMED_ENTRY_MAX_WORDS
        ? this.journeyFact(intent, said, entities, t)
        : undefined;
    if (fact) return this.answerFact(step, intent, fact, entities, t);
    return this.dispatch(step, intent, entities, t);
  }

  /** The fact a message asks of the subject of `intent`'s journey, when its tree names the entries stating it. */
  private journeyFact(
    intent: string,
    said: string,
    entities: RecognizedEntities,
    t: TFunction,
  ): FactAnswer | undefined {
    const tree = this.deps.knowledge.journeyTrees().find((journey) => journey.journey.intent === intent);
    return tree && factAnswer(this.deps.knowledge, tree, said, entities, t, this.deps.normalize);
  }

  /** The fact asked, then the cards of the entries that state it; the journey is offered after (`afterRouteStep`). */
  private async answerFact(
    step: WaterfallStepContext,
    intent: string,
    fact: FactAnswer,
    entities: RecognizedEntities,
    t: TFunction,
  ): Promise<DialogTurnResult> {
    this.outcomes.intent({ intent });
    await this.deps.misunderstood.set(step.context, 0);
    values(step).factJourney = intent;
    await step.context.sendActivity({ type: 'message', text: factLine(fact, t) });
    const person = await this.personOf(step.context, entities, intent);
    return step.beginDialog(FAQ_DIALOG, {
      intent,
      entryIds: fact.entries.slice(0, NAMED_ENTRIES_MAX).map((entry) => entry.id),
      statut: person.statut,
      ...(entities.situation ? { situation: entities.situation } : {}),
      activityOver: person.activityOver,
    } satisfies AnswerDialogOptions);
  }

  /**
   * A short request for sources, without listed signs of difficulty nor a false friend (« ma seule source de
   * revenus », « le prélèvement à la source »). The learned reading alone (`recit`: « d'où viennent les plafonds 17 000
   * et 32 000 € ? ») does not make it a story of difficulty.
   */
  private asksSources(text: string, recognition: RecognitionLike, t: TFunction): boolean {
    return (
      wordCount(text) <= SOURCES_MAX_WORDS &&
      recognition.distress.signals.every((signal) => signal === 'recit') &&
      this.says(text, t, 'prompts.sourceRequests') &&
      !this.says(text, t, 'prompts.sourceFalseFriends')
    );
  }

  /**
   * The sources (document, section, verbatim quote) of the entries the request names (« quelles sont les sources
   * pour l'ACED ? »), else of the last answer that showed entries; with none, that there is none. Plain text, in
   * every channel (Teams adds its own Sources card only to answers).
   */
  private async sourcesActivity(
    context: TurnContext,
    text: string,
    t: TFunction,
  ): Promise<Partial<Activity>> {
    const named = this.deps.knowledge.namedAll(text).map((entry) => entry.id);
    const ids = named.length > 0 ? named : ((await this.deps.shownEntries?.get(context)) ?? []);
    const entries = ids
      .map((id) => this.deps.knowledge.get(id))
      .filter((entry): entry is Entry => entry !== undefined);
    if (entries.length === 0) return { type: 'message', text: t('main.sourcesNone') };
    const blocks = entries.flatMap((entry) => [
      t('main.sourcesOf', { title: entry.title }),
      ...entry.sources.map((source) =>
        t('main.sourceLine', { file: source.file, section: source.section, quote: source.quote }),
      ),
    ]);
    return { type: 'message', text: [t('main.sourcesIntro'), ...blocks].join('\n\n') };
  }

  /**
   * After a crisis line, what the message asks that the bot can place: the recogniser's sure reading (a subject,
   * HELP, an adviser, « menu », « recommencer »), else a clause of it that names a subject surely (« ok merci. et
   * pour l'argent, vous pouvez m'aider ? »), else what its signs of difficulty call for (« merci. j'ai plus un
   * rond »), else a clause that names a subject less surely (« merci. et pour la pension ? »). Nothing (« ok »,
   * « non je veux pas appeler », « ça va mieux, oubliez »): undefined.
   */
  private needAfterCrisis(recognition: RecognitionLike, t?: TFunction): string | undefined {
    const sure = (reading: RecognitionLike) => reading.score >= TOPIC_SWITCH_MIN_SCORE;
    if (
      sure(recognition) &&
      (this.isTopic(recognition.topIntent) || AFTER_CRISIS_ANSWERED.has(recognition.topIntent))
    )
      return recognition.topIntent;
    const clauses = recognition.text.split(/[,.;:!?\n]+/).filter((clause) => wordCount(clause) >= 2);
    // One clause left once a courtesy is set apart (« merci. et pour la pension ? ») is read alone too.
    const readings =
      clauses.length > 1 || (clauses.length === 1 && wordCount(clauses[0]) < wordCount(recognition.text))
        ? clauses
            .map((clause) => this.deps.recognizer.recognize(clause))
            .filter((reading) => this.isTopic(reading.topIntent) && !reading.outOfScope)
        : [];
    const sureClause = readings.find(sure);
    if (sureClause) return sureClause.topIntent;
    if (recognition.distress.level !== 'none') return recognition.distress.need;
    // « merci. et pour l'urssaf je fais quoi ? » after words of self-harm told with a debt: money is the need.
    if (t && this.says(recognition.text, t, 'prompts.moneyMarkers')) return 'aide_financiere';
    return readings.find((reading) => reading.score >= AFTER_CRISIS_CLAUSE_MIN_SCORE)?.topIntent;
  }

  /**
   * A need told just after the person's own words of self-harm: the crisis lines again, HELP, then that need's
   * answer (HELP alone when HELP is the need) — not « Je reste là » and the menu, which left the need unanswered.
   */
  private async answerAfterCrisis(
    step: WaterfallStepContext,
    need: string,
    entities: RecognizedEntities,
    t: TFunction,
  ): Promise<DialogTurnResult> {
    await this.deps.misunderstood.set(step.context, 0);
    noteHelpShown(step.context);
    const key =
      need === 'help'
        ? 'distress.intro'
        : need === 'aide_financiere'
          ? 'distress.introWithAids'
          : 'distress.introWithTopic';
    await step.context.sendActivities([
      phoneLinesActivity(this.deps.knowledge, t('distress.afterCrisisNeed'), { ids: CRISIS_CONTACT_IDS }),
      ...helpOfferActivities(this.deps.knowledge, t, {
        intro: this.helpIntro(step.context, step.context.activity.text ?? '', t, key),
        aidButton: need !== 'aide_financiere',
      }),
    ]);
    return this.afterHelpOffer(step, need, entities, t);
  }

  /** After HELP's offer: HELP was the need itself (its referral is the answer), or the need's answer follows. */
  private afterHelpOffer(
    step: WaterfallStepContext,
    need: string,
    entities: RecognizedEntities,
    t: TFunction,
  ): Promise<DialogTurnResult> {
    if (need === 'help') {
      this.outcomes.intent({ intent: 'help' });
      return step.next({ intent: 'help', answered: true, outcome: 'help_referral' } satisfies JourneyResult);
    }
    return this.dispatch(step, need, entities, t);
  }

  /**
   * Difficulty in the message: HELP is offered with one empathetic sentence, the advisers' lines and a button to
   * the aide-financière journey. When the message also asks something precise, that answer follows.
   */
  private async withHelpOffer(
    step: WaterfallStepContext,
    intent: string,
    entities: RecognizedEntities,
    t: TFunction,
    /** The recogniser hesitated between HELP and this intent: the message asks about it. */
    askedBesideHelp = false,
  ): Promise<DialogTurnResult> {
    await this.deps.misunderstood.set(step.context, 0);
    const recognition = this.recognition(step.context);
    // A topic the recogniser is not sure of does not hide the difficulty: it is offered after HELP instead.
    const weakTopic =
      this.isTopic(intent) &&
      intent !== 'help' &&
      intent !== 'aide_financiere' &&
      recognition.topIntent === intent &&
      !askedBesideHelp &&
      // A sick leave the doctor prescribes is the question, however the story is worded.
      !(
        intent === 'indemnites_journalieres' &&
        this.leavePrescribed(recognition.text, recognition, recognition.entities, t)
      ) &&
      !this.asksQuestion(recognition.text, t) &&
      recognition.score <
        (recognition.distress.level === 'high'
          ? DISTRESS_TOPIC_MIN_SCORE
          : MODERATE_DISTRESS_TOPIC_MIN_SCORE);
    // Offered after HELP when the signs are strong; with moderate signs so weak a guess is not offered at all (the
    // nurse « épuisée » never spoke of a birth).
    if (weakTopic && recognition.distress.level === 'high')
      values(step).also = [intent, ...(values(step).also ?? [])].slice(0, 2);
    else if (weakTopic) values(step).also = (values(step).also ?? []).filter((other) => other !== intent);
    const main = weakTopic || !this.isTopic(intent) || intent === 'help' ? recognition.distress.need : intent;
    const onlyHelp = main === 'help';
    // A field outside the domain named beside the difficulty (« mon banquier me harcèle et les dettes… »): when
    // HELP or the aids are the answer, they answer the difficulty, not that field, and the honest answer for it
    // follows the offer. Not for a field about other people (the staff of a business in difficulty are part of
    // its story), nor for one the aids answer themselves, nor beside a precise subject (« pas de mutuelle… ai-je
    // droit à la complémentaire santé solidaire ? »: that subject is the question).
    const field = recognition.outOfScope;
    const fieldAside =
      field &&
      (main === 'help' || main === 'aide_financiere') &&
      !field.aboutOthers &&
      !field.answeredBy?.some((answering) => answering === main)
        ? field
        : undefined;
    noteHelpShown(step.context);
    await step.context.sendActivities([
      ...helpOfferActivities(this.deps.knowledge, t, {
        intro: this.helpIntro(
          step.context,
          recognition.text,
          t,
          onlyHelp
            ? 'distress.intro'
            : main === 'aide_financiere'
              ? // A calm request for an aid told at length (« j'ai mal au dos, une aide pour adapter mon fournil ? »):
                // no condolences for words of difficulty it does not have.
                recognition.distress.level === 'none'
                ? 'distress.introAidsCalm'
                : 'distress.introWithAids'
              : 'distress.introWithTopic',
        ),
        aidButton: main !== 'aide_financiere',
      }),
      ...(fieldAside ? outOfScopeActivities(this.deps.knowledge, t, fieldAside) : []),
    ]);
    return this.afterHelpOffer(step, main, entities, t);
  }

  /**
   * A message not placed: its best guesses as buttons, with « Parler à un conseiller ». A story (long message) is
   * always answered so; a short one only when some guess is plausible (otherwise « reformulez », then the menu).
   */
  private async offerGuesses(
    step: WaterfallStepContext,
    recognition: RecognitionLike,
    t: TFunction,
    question?: string,
    /** The message is already in the misunderstood inbox. */
    kept = false,
  ): Promise<DialogTurnResult | undefined> {
    const story = wordCount(recognition.text) >= STORY_MIN_WORDS;
    const ranked = Object.entries(recognition.intents).filter(
      ([intent]) => !handledHere(intent) && this.isTopic(intent),
    );
    // The needs the message tells without naming them (« en arrêt longue maladie », a cancer) come first.
    const told = this.unnamedOffers('None', recognition.text, recognition, t);
    const guesses = [
      ...told,
      ...ranked
        .filter(([, { score }], rank) => score >= GUESS_MIN_SCORE || (story && rank < 2))
        .map(([intent]) => intent),
    ]
      .filter((intent, i, all) => all.indexOf(intent) === i)
      .slice(0, 3);
    if (guesses.length === 0) return undefined;
    this.outcomes.fallback({ step: 1 });
    // A fallback all the same: the message goes to the misunderstood inbox.
    if (!kept) await this.keep(step.context, 'not_understood', recognition);
    values(step).disambiguating = true;
    values(step).entities = recognition.entities;
    return step.beginDialog(CHOICE_STEP, {
      question: question ?? (story ? t('main.guessesStory') : t('main.guesses')),
      choices: [
        ...guesses.map((intent) => ({ value: intent, label: capitalise(t(`intents.${intent}`)) })),
        { value: 'human', label: t('main.adviser') },
      ],
      lenient: true,
    } satisfies ChoiceStepOptions);
  }

  /**
   * With `None` the top intent (sure of itself or not), the topics (best first, at most two) at least
   * `NEAR_NONE_TOPIC_MIN_SCORE` likely and at least `NEAR_NONE_TOPIC_RATIO` of `None`'s probability.
   */
  private nearNoneTopics(recognition: RecognitionLike): string[] {
    const none = recognition.intents.None?.score ?? recognition.score;
    return Object.entries(recognition.intents)
      .filter(
        ([intent, { score }]) =>
          this.isTopic(intent) &&
          intent !== 'help' &&
          score >= NEAR_NONE_TOPIC_MIN_SCORE &&
          score >= NEAR_NONE_TOPIC_RATIO * none,
      )
      .slice(0, 2)
      .map(([intent]) => intent);
  }

  /**
   * The best topic guess (at least `NAMED_TOPIC_MIN_SCORE`) whose own words the message has
   * (`prompts.topicMarkers`: « invalidité », « congé maternité », « arrêt maladie »…).
   */
  private namedTopic(
    recognition: RecognitionLike,
    t: TFunction,
    minScore = NAMED_TOPIC_MIN_SCORE,
    affirmed = false,
  ): string | undefined {
    const byTopic = t('prompts.topicMarkers', { returnObjects: true }) as Record<string, string[]>;
    const normalized = paddedText(recognition.text, this.deps.normalize);
    for (const [intent, { score }] of Object.entries(recognition.intents)) {
      if (score < minScore) break; // best first
      if (!this.isTopic(intent) || intent === 'help') continue;
      const list = byTopic[intent];
      if (!list) continue;
      // `affirmed`: not a subject denied (« je suis pas conjointe collaboratrice »).
      const named = affirmed
        ? hasAffirmedPhrase(normalized, list, this.deps.normalize)
        : this.hasMarker(normalized, list);
      if (named) return intent;
    }
    return undefined;
  }

  /**
   * A story read as a request for aid without much certainty (below `WEAK_AID_SCORE`), whose next intent is a topic
   * at least `BESIDE_AID_MIN_SCORE` likely: that topic (answered after the HELP offer and its aid button).
   */
  private topicBesideWeakAid(recognition: RecognitionLike): string | undefined {
    if (recognition.score >= WEAK_AID_SCORE) return undefined;
    // A contributions debt told (« le médecin veut m'arrêter mais je n'arrive déjà plus à payer mes cotisations »):
    // the aid journey answers it, however unsure the recogniser is of the request.
    if (activeDifficulties(recognition.entities).includes('cotisations')) return undefined;
    return this.topicAfter(recognition, 'aide_financiere', BESIDE_AID_MIN_SCORE);
  }

  /**
   * With HELP the top intent, the best other intent when it is a topic at least `BESIDE_HELP_MIN_SCORE` likely, or
   * else a topic the message names in its own words (« ce congé maternité… a signé la fin de mon entreprise ») and the
   * recogniser ranks at least `NAMED_BESIDE_HELP_MIN_SCORE`.
   */
  private topicBesideHelp(recognition: RecognitionLike, t: TFunction): string | undefined {
    if (recognition.topIntent !== 'help') return undefined;
    return (
      this.topicAfter(recognition, 'help', BESIDE_HELP_MIN_SCORE) ??
      this.namedTopic(recognition, t, NAMED_BESIDE_HELP_MIN_SCORE, true)
    );
  }

  /** The best intent after `top` (HELP never counts as one), when it is a topic at least `minScore` likely. */
  private topicAfter(recognition: RecognitionLike, top: string, minScore: number): string | undefined {
    const next = Object.entries(recognition.intents).find(([intent]) => intent !== top);
    return next && this.isTopic(next[0]) && next[0] !== 'help' && next[1].score >= minScore
      ? next[0]
      : undefined;
  }

  private isTopic(intent: string): boolean {
    return intent !== 'None' && !handledHere(intent);
  }

  private async afterRouteStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const t = translator(step.context.activity.locale);
    if (values(step).choosingHowTo) {
      const choice = step.result as ChoiceStepResult;
      // Something else was typed: a new request.
      if (choice.kind === 'unmatched') return step.replaceDialog(ROUTE, {} satisfies RouteOptions);
      if (choice.kind !== 'chosen') return step.endDialog();
      return step.replaceDialog(ROUTE, {
        howTo: choice.value,
        intent: values(step).answeredIntent,
        text: values(step).text,
      } satisfies RouteOptions);
    }
    if (values(step).disambiguating) {
      const choice = step.result as ChoiceStepResult;
      // Something else was typed: a new request.
      if (choice.kind === 'unmatched') return step.replaceDialog(ROUTE, {} satisfies RouteOptions);
      if (choice.kind !== 'chosen') return step.endDialog();
      return step.replaceDialog(ROUTE, {
        intent: choice.value,
        entities: values(step).entities,
        text: values(step).text,
        also: (values(step).alternatives ?? []).filter(
          (other) => other !== choice.value && this.isTopic(other),
        ),
      } satisfies RouteOptions);
    }
    const result = step.result as JourneyResult | undefined;
    if (result) {
      const outcome = result.outcome ?? (result.answered ? 'answered' : 'abandoned');
      this.outcomes.journeyEnded({ intent: result.intent, outcome });
    }
    if (result) await this.rememberJourney(step.context, result);
    if (!result?.answered) return step.endDialog();
    values(step).answeredIntent = result.intent;
    if (result.readFromStory) values(step).correctable = result.intent;
    // The sick leave's journey asks about the ALD itself: it is not offered again after it.
    const rest = (values(step).also ?? []).filter(
      (intent) =>
        intent !== result.intent && !(intent === LONG_ILLNESS && result.intent === 'indemnites_journalieres'),
    );
    // What the person named first (« Vous avez aussi parlé de… »), then what is offered for what they told (« Des
    // aides financières existent peut-être pour vous »), never said to be named.
    const offered = rest.filter((intent) => values(step).offered?.includes(intent));
    const told = rest.filter((intent) => !offered.includes(intent));
    const also = [...told, ...offered];
    // After the fact a question asked of a journey's subject: the journey, for the person's own case, then any other
    // need told.
    if (values(step).factJourney === result.intent) {
      values(step).offering = true;
      values(step).alsoOffered = [result.intent, ...also];
      const voice = adviserVoice(step.context);
      return step.beginDialog(CHOICE_STEP, {
        question: t('main.factJourneyOffer', voice),
        choices: [
          {
            value: result.intent,
            label: t('main.factJourneyYes', voice),
            synonymsOf: 'prompts.yesSynonyms',
          },
          ...also.map((intent) => ({ value: intent, label: capitalise(t(`intents.${intent}`)) })),
          {
            value: 'no',
            label: t('main.alsoNo'),
            synonymsOf: 'prompts.noSynonyms',
          },
        ],
        lenient: true,
      } satisfies ChoiceStepOptions);
    }
    if (also.length > 0) {
      values(step).offering = true;
      values(step).alsoOffered = also;
      const topics = told.map((intent) => t(`intentsAbout.${intent}`)).join(t('main.and'));
      const onlyAid = offered.every((intent) => intent === 'aide_financiere');
      const offers = offered.map((intent) => t(`main.offerOf.${intent}`)).join(t('main.and'));
      return step.beginDialog(CHOICE_STEP, {
        question:
          offered.length === 0
            ? t('main.alsoOffer', { topics })
            : told.length > 0
              ? t(onlyAid ? 'main.alsoOfferAndAid' : 'main.alsoOfferAndMore', { topics })
              : onlyAid
                ? t('main.aidOffer')
                : offered.length === 1 && offered[0] === PSYCH_SUPPORT
                  ? t('main.psyOffer', adviserVoice(step.context))
                  : t('main.offersTogether', { offers: capitalise(offers) }),
        choices: [
          ...also.map((intent, i) => ({
            value: intent,
            label: capitalise(t(`intents.${intent}`)),
            // « oui » takes the (first) need offered.
            ...(i === 0 ? { synonymsOf: 'prompts.yesSynonyms' } : {}),
          })),
          {
            value: 'no',
            label: t('main.alsoNo'),
            synonymsOf: 'prompts.noSynonyms',
          },
        ],
        lenient: true,
      } satisfies ChoiceStepOptions);
    }
    return step.beginDialog(CHOICE_STEP, {
      question: t('feedback.question'),
      choices: [
        {
          value: 'yes',
          label: t('prompts.yes'),
          synonymsOf: 'prompts.yesSynonyms',
        },
        {
          value: 'no',
          label: t('prompts.no'),
          synonymsOf: 'prompts.noSynonyms',
        },
      ],
      lenient: true,
      // « corriger » after an answer read from a story (« J'ai compris : … Si ce n'est pas votre situation… »).
      allowBack: values(step).correctable !== undefined,
    } satisfies ChoiceStepOptions);
  }

  private async feedbackStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const t = translator(step.context.activity.locale);
    const answer = step.result as ChoiceStepResult;
    const correctable = values(step).correctable;
    if (answer.kind === 'back' && correctable !== undefined) {
      // What the story was read to say is forgotten; the journey asks its questions.
      await step.context.sendActivity(t('journey.correctedAll'));
      return step.replaceDialog(ROUTE, {
        intent: correctable,
        entities: {},
        corrected: true,
      } satisfies RouteOptions);
    }
    if (values(step).offering) {
      if (answer.kind === 'chosen' && answer.value !== 'no') {
        // The story told at first still answers the other need's questions (« coiffeuse depuis 5 ans »); the needs
        // not chosen are offered again after its answer.
        const remaining = (values(step).alsoOffered ?? []).filter((other) => other !== answer.value);
        return step.replaceDialog(ROUTE, {
          intent: answer.value,
          entities: values(step).entities,
          text: values(step).text,
          ...(remaining.length > 0 ? { also: remaining, offered: values(step).offered ?? [] } : {}),
        } satisfies RouteOptions);
      }
      if (answer.kind === 'unmatched') return step.replaceDialog(ROUTE, {} satisfies RouteOptions);
      await step.context.sendActivity(this.menu.activity(t, t('feedback.thanksYes')));
      return step.endDialog();
    }
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
        contactsActivity(this.deps.knowledge, t, speaksToAdviser(step.context)),
      ]);
    }
    return step.endDialog();
  }

  private async dispatch(
    step: WaterfallStepContext,
    requested: string,
    entities: RecognizedEntities,
    t: TFunction,
  ): Promise<DialogTurnResult> {
    const context = step.context;
    // « arrêt » alone with nothing under way to stop is a sick leave (« Il n'y a rien en cours » helped no one).
    const intent =
      requested === 'cancel' && this.saysOnly(context.activity.text ?? '', t, 'prompts.sickLeaveAlone')
        ? 'indemnites_journalieres'
        : requested;
    // A question asked for a relative (« ma fille est enceinte, moi je suis commerçante, elle a droit à quoi ? »): the
    // sources' answer on the subject, said to be for them, with the advisers; no journey asking the person's own
    // situation, nor their status deciding which entries fit.
    if (entities.pourProche && this.isTopic(intent) && intent !== 'help') {
      // Her pregnancy read as the person's paternity: her rights are the maternity's.
      const subject = intent === 'paternite' && entities.grossesseAutrui ? 'maternite' : intent;
      // Nor the person's own paternity offered after it.
      const pregnancy = entities.grossesseAutrui ? ['maternite', 'paternite'] : [];
      const { also } = values(step);
      if (also) values(step).also = also.filter((other) => ![subject, intent, ...pregnancy].includes(other));
      this.outcomes.intent({ intent: subject });
      await this.deps.misunderstood.set(context, 0);
      await context.sendActivity(phoneLinesActivity(this.deps.knowledge, t('main.forRelative')));
      // A relative's contributions debt (« mon père est retraité et il a encore une dette à l'Urssaf, que peut-il
      // faire ? »): the payment delays first (any debtor may ask the Urssaf, its 3698), then the aids' overview.
      const debt = subject === 'aide_financiere' && activeDifficulties(entities).includes('cotisations');
      return step.beginDialog(FAQ_DIALOG, {
        intent: subject,
        ...(debt ? { entryIds: [...RELATIVE_DEBT_ENTRIES] } : {}),
      } satisfies AnswerDialogOptions);
    }
    this.outcomes.intent({ intent });
    if (intent !== 'None') await this.deps.misunderstood.set(context, 0);
    const journey = this.journeyByIntent[intent];
    if (journey) {
      const said = context.activity.text ?? '';
      const typed = !this.menu.intentFromLabel(said, t, this.deps.normalize);
      const corrected = (step.options as RouteOptions | undefined)?.corrected === true;
      const fromStory = !corrected && typed && wordCount(said) >= STORY_MIN_WORDS;
      const known = corrected
        ? { recalled: false, entities }
        : recall(entities, await this.deps.facts?.get(context), intent);
      return step.beginDialog(journey, {
        entities,
        fromStory,
        ...(corrected ? { corrected: true } : {}),
        // The message typed to start it (not a menu button).
        ...(typed ? { text: said } : {}),
        ...(known.recalled ? { remembered: known.entities } : {}),
      } satisfies JourneyOptions);
    }
    if (!handledHere(intent)) {
      const person = await this.personOf(context, entities, intent);
      return step.beginDialog(FAQ_DIALOG, {
        intent,
        statut: person.statut,
        ...(entities.situation ? { situation: entities.situation } : {}),
        activityOver: person.activityOver,
        affiliation: {
          affiliationMois: entities.affiliationMois,
          affiliationMoisMoinsDe: entities.affiliationMoisMoinsDe,
          activiteTerminee: entities.activiteTerminee,
        },
      } satisfies AnswerDialogOptions);
    }

    if (intent === 'None') {
      await this.keep(context, 'not_understood', this.recognition(context));
      await this.notUnderstood(context, t);
    } else {
      if (intent === 'restart') await this.forget(context);
      await context.sendActivities(this.commandReply(intent, t, context, 'idle') ?? [this.menu.activity(t)]);
    }
    if (intent === 'human' || intent === 'contact') {
      this.outcomes.journeyEnded({ intent, outcome: 'phone_contact' });
    }
    return step.endDialog();
  }

  /**
   * What a direct answer needs of the person, told in this message or earlier in the conversation (`memory.ts`, read
   * once): their status, and whether their activity is over (« retraitée depuis 6 mois », « j'ai fermé ma boîte,
   * liquidation ») and not said to go on since.
   */
  private async personOf(
    context: TurnContext,
    entities: RecognizedEntities,
    intent: string,
  ): Promise<{ statut?: string; activityOver: boolean }> {
    const known = recall(entities, await this.deps.facts?.get(context), intent).entities;
    return {
      statut: entities.statut ?? known.statut,
      activityOver:
        known.situation !== 'actif' &&
        (known.activiteTerminee === true ||
          known.situation === 'retraite' ||
          known.situation === 'activite_terminee'),
    };
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
    this.outcomes.fallback({ step: count === 1 ? 1 : count === 2 ? 2 : 3 });
    // Never a bare « reformulez »: the first time already shows what the bot knows, HELP among it.
    if (count === 1) await context.sendActivity(this.menu.activity(t, t('main.notUnderstood1')));
    else if (count === 2) await context.sendActivity(this.menu.activity(t, t('main.notUnderstood2')));
    else {
      await context.sendActivities([
        { type: 'message', text: t('main.notUnderstood3') },
        contactsActivity(this.deps.knowledge, t, speaksToAdviser(context)),
      ]);
    }
  }

  // ---- what the person told about themselves (`memory.ts`)

  /** Remembers what the turn's request tells about the person (status, situation, affiliation). */
  private async rememberTold(context: TurnContext): Promise<void> {
    const facts = this.deps.facts;
    if (!facts || context.activity.type !== 'message') return;
    const told = this.recognition(context).entities;
    const before = await facts.get(context);
    const after = rememberTold(before, told);
    // Most messages tell nothing of the person: the marker lists are read only when they do.
    if (after === before) return;
    // A message that speaks of someone else (« mon mari est artisan », « un assuré… ») may tell their status, not
    // the person's: nothing of it is kept.
    const text = context.activity.text ?? '';
    const normalized = paddedText(text, this.deps.normalize);
    const t = translator(context.activity.locale);
    const markers = (key: string) => t(key, { returnObjects: true }) as string[];
    if (
      this.hasMarker(normalized, markers('prompts.otherPersonMarkers')) ||
      this.hasMarker(normalized, markers('prompts.thirdPartyMarkers'))
    )
      return;
    await facts.set(context, after);
  }

  /** Remembers a journey's situation answer, after forgetting everything when the person corrected what was read. */
  private async rememberJourney(context: TurnContext, result: JourneyResult): Promise<void> {
    const facts = this.deps.facts;
    if (!facts || (!result.answers && !result.corrected)) return;
    const before = result.corrected ? undefined : await facts.get(context);
    await facts.set(context, rememberAnswers(before, result.answers ?? {}));
  }

  /** « recommencer »: the conversation starts over, and forgets what the person told. */
  private async forget(context: TurnContext): Promise<void> {
    await this.deps.facts?.delete(context);
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
        return [contactsActivity(this.deps.knowledge, t, speaksToAdviser(context))];
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

  /**
   * The knowledge entry a short message asks about by its name: the name alone (three words at most, not a call
   * for help) or with a question about what it is, its amount or how to ask for it (`prompts.definitionMarkers`).
   */
  private namedEntries(recognition: RecognitionLike, words: number, t: TFunction): Entry[] {
    const { text, topIntent, score, entities } = recognition;
    if (words > NAMED_ENTRY_MAX_WORDS) return [];
    // « help » alone is a call for help: HELP's own answer, with the advisers' lines.
    const bare = words <= 3 && topIntent !== 'help';
    if (!bare && !this.says(text, t, 'prompts.definitionMarkers')) return [];
    // A situation that decides who may have the aid (retired, PamC, invalid, widowed, activity over): the journey,
    // which knows who is excluded (« je suis kiné conventionné, j'ai droit à l'ACED ? »).
    if ((entities.situation !== undefined && entities.situation !== 'actif') || entities.activiteTerminee)
      return [];
    // A conjointe collaboratrice who tells her status to ask about her sick leave (« elle est conjointe
    // collaboratrice, en arrêt maladie, a-t-elle droit aux indemnités ? ») asks nothing of the status's cards.
    const sickConjoint =
      entities.statut === 'conjoint_collaborateur' && this.says(text, t, 'prompts.sickLeaveMarkers');
    const named = this.deps.knowledge
      .namedAll(text)
      .filter((entry) => !(sickConjoint && entry.intent === 'statut_conjoint'));
    // Another subject the recogniser is sure of comes first (« enceinte, le congé maternité et l'AFE ? », « ma
    // demande d'ACED a été refusée, comment faire un recours ? »), unless a named entry is about it or related to
    // it (« délai de carence pour un assuré en ALD ? »: the carence card says what an ALD changes).
    const aboutTopic = (entry: Entry) =>
      entry.intent === topIntent ||
      entry.related.some((link) => this.deps.knowledge.get(link.id)?.intent === topIntent);
    const elsewhere =
      this.isTopic(topIntent) &&
      !NAMED_ENTRY_OPEN_INTENTS.has(topIntent) &&
      score >= TOPIC_SWITCH_MIN_SCORE &&
      !named.some(aboutTopic);
    return elsewhere ? [] : named;
  }

  /**
   * The sentence that introduces HELP: the one of `key`, or, for an adviser's question about an insured person
   * (« un assuré artisan… », « l'adhérent est en liquidation »: `prompts.thirdPartyMarkers`), HELP offered for that
   * person, without condolences to the adviser.
   */
  private helpIntro(context: TurnContext, text: string, t: TFunction, key: string): string {
    return t(
      speaksToAdviser(context) || this.says(text, t, 'prompts.thirdPartyMarkers')
        ? 'distress.introThirdParty'
        : key,
    );
  }

  /**
   * The message only says who the person is: it opens with a presentation (`prompts.presentationStarts`, after a
   * greeting), names a status or a situation, asks nothing, tells no difficulty, is short, and the recogniser is sure
   * of no need in it.
   */
  private onlyPresents(text: string, recognition: RecognitionLike, t: TFunction): boolean {
    const { entities } = recognition;
    if (entities.statut === undefined && entities.situation === undefined && !entities.activiteTerminee)
      return false;
    if (wordCount(text) > PRESENTATION_MAX_WORDS || this.asksQuestion(text, t)) return false;
    if (recognition.distress.level !== 'none' || (entities.difficultes ?? []).length > 0) return false;
    if (this.isTopic(recognition.topIntent) && recognition.score >= PRESENTATION_MAX_TOPIC_SCORE)
      return false;
    // Every part of it presents (« bonjour, je m'appelle Karim, je suis plombier », « je suis retraitée, j'étais
    // coiffeuse »): a part that says something else (« je suis artisan, 58 ans, usé », « je suis taxi, ma licence
    // m'a été retirée ») or a negation (« je suis pas payée depuis 8 mois ») is more than a presentation.
    const greetings = this.markersOf(t('prompts.presentationGreetings', { returnObjects: true }) as string[]);
    const starts = this.markersOf(t('prompts.presentationStarts', { returnObjects: true }) as string[]);
    const parts = text
      .split(/[,.;:!]| et | mais /)
      .map((part) => ` ${this.deps.normalize(part)} `)
      .filter((part) => part.trim() !== '');
    if (parts.some((part) => / (?:pas|plus|jamais|rien|aucun|aucune) /.test(part))) return false;
    return parts.every((part) => {
      let rest = part;
      for (const greeting of greetings) if (rest.startsWith(greeting)) rest = rest.slice(greeting.length - 1);
      return rest.trim() === '' || starts.some((start) => rest.startsWith(start));
    });
  }

  /** A question mark or a question word: the message asks something, it does not only tell a story. */
  private asksQuestion(text: string, t: TFunction): boolean {
    return text.includes('?') || this.says(text, t, 'prompts.questionMarkers');
  }

  /**
   * `refineIntent`'s reading corrected by the message's own words, in turn: a coming retirement without a sick leave,
   * a question on the sickness cover, an attestation to download, allowances not received yet, a pregnant woman's
   * sick leave for another cause, a partner asking about the pregnant woman's leave, a conjointe collaboratrice on
   * sick leave.
   */
  private refineByWords(
    intent: string,
    entities: RecognizedEntities,
    text: string,
    t: TFunction,
    recognition: RecognitionLike,
  ): string {
    let read = this.rightsCertificate(
      this.sicknessCover(this.retiringNotSick(intent, entities, text, t), text, t),
      text,
      t,
    );
    for (const { from, markers, to } of WORD_READINGS)
      if (from.has(read) && this.says(text, t, markers)) read = to;
    const refined = this.payingMeans(read, entities, text, t, recognition);
    return this.askedForHer(
      this.pregnantOnSickLeave(refined, entities, text, t, recognition),
      entities,
      text,
      t,
    );
  }

  /**
   * « comment je paye mes cotisations », « où je règle mes cotis urssaf » (`prompts.payingMeansQuestions` with
   * `prompts.contributionsNamed`): how or where to pay, with no difficulty told (no sign, no `cotisations` difficulty:
   * « comment je vais payer mes cotisations » has one) nor a delay or a smaller amount asked
   * (`prompts.paymentDelayMarkers`: « en plusieurs fois », « délai », « moins »): the online account, where
   * contributions are paid (its card: « pour déclarer, payer »), not the payment delays read from « payer ».
   */
  private payingMeans(
    intent: string,
    entities: RecognizedEntities,
    text: string,
    t: TFunction,
    recognition: RecognitionLike,
  ): string {
    if (intent !== 'cotisations_delais' && intent !== 'None') return intent;
    if (recognition.distress.level !== 'none' || activeDifficulties(entities).length > 0) return intent;
    return this.says(text, t, 'prompts.payingMeansQuestions') &&
      this.says(text, t, 'prompts.contributionsNamed') &&
      !this.says(text, t, 'prompts.paymentDelayMarkers')
      ? 'compte_urssaf'
      : intent;
  }

  /**
   * « si je tombe malade, est-ce que je suis couvert ? » (`prompts.sicknessCoverQuestions`), without a word of an
   * accident or an occupational disease (`prompts.workAccidentMarkers`): a question on the sickness cover, whose
   * answer is the sick-leave journey (its first question, 12 months of affiliation) — not the work accident's card
   * (« couvert » is its word) nor « pas mon domaine ».
   */
  private sicknessCover(intent: string, text: string, t: TFunction): string {
    if (intent !== 'None' && intent !== 'at_mp') return intent;
    return this.says(text, t, 'prompts.sicknessCoverQuestions') &&
      !this.says(text, t, 'prompts.workAccidentMarkers')
      ? 'indemnites_journalieres'
      : intent;
  }

  /**
   * A problem with an online account told without saying whose (`prompts.accountProblemMarkers`: « mon compte a été
   * supprimé », « je n'arrive plus à me connecter à mon compte »): no owner named (`prompts.accountOwnersNamed`: the
   * ameli, the Urssaf, the impôts, a bank…), no field outside the domain read, and no account the recogniser placed.
   */
  private unnamedAccountProblem(text: string, recognition: RecognitionLike, t: TFunction): boolean {
    return (
      !ACCOUNT_INTENTS.some((account) => account === recognition.topIntent) &&
      recognition.outOfScope === undefined &&
      this.says(text, t, 'prompts.accountProblemMarkers') &&
      !this.says(text, t, 'prompts.accountOwnersNamed')
    );
  }

  /** The needs of `UNNAMED_OFFERS` the message tells without naming them, beside `intent`'s answer. */
  private unnamedOffers(intent: string, text: string, recognition: RecognitionLike, t: TFunction): string[] {
    return UNNAMED_OFFERS.filter(
      (offer) =>
        intent !== offer.intent &&
        recognition.topIntent !== offer.intent &&
        !(offer.distressOnly && recognition.distress.level === 'none' && intent !== 'help') &&
        !(offer.topicOnly && !this.isTopic(intent)) &&
        this.says(text, t, offer.markers),
    )
      .map((offer) => offer.intent)
      .filter((offer, i, all) => all.indexOf(offer) === i);
  }

  /**
   * An allowance told with an illness (`prompts.sickPayMarkers` with the distress signal `maladie`, the difficulty
   * `sante_activite` or `prompts.sickLeaveMarkers`: « lors de ma dernière semaine d'hospitalisation, je n'ai perçu que
   * 61 euros », « j'ai un cancer … je touche 25 euros par jour d'indemnités »): the sick leave's allowances are one of
   * the person's needs. Not a pregnancy's allowances (the maternity's own), nor a relative's.
   */
  private tellsSickPay(
    text: string,
    recognition: RecognitionLike,
    entities: RecognizedEntities,
    t: TFunction,
  ): boolean {
    if (entities.enceinte || entities.grossesseCommune || entities.grossesseAutrui || entities.pourProche)
      return false;
    if (BIRTH_LEAVES.has(recognition.topIntent)) return false;
    const ill =
      recognition.distress.signals.includes('maladie') ||
      entities.difficultes?.includes('sante_activite') === true ||
      this.says(text, t, 'prompts.sickLeaveMarkers');
    return ill && this.says(text, t, 'prompts.sickPayMarkers');
  }

  /** `rule`'s reading when `intent` is one it replaces and the message has its words; else `intent`. */
  private byWords(rule: WordReading, intent: string, text: string, t: TFunction): string {
    return rule.from.has(intent) && this.says(text, t, rule.markers) ? rule.to : intent;
  }

  /**
   * « il me faut une attestation de droits pour ma banque » (`prompts.rightsCertificateMarkers`): the attestation de
   * droits is downloaded from the compte ameli (its card says so), not a question outside the bot's field nor the
   * Urssaf's online account — unless the message names the Urssaf. So is the attestation of daily allowances
   * (« comment je télécharge mon attestation d'indemnités journalières »), not the sick-leave journey.
   */
  private rightsCertificate(intent: string, text: string, t: TFunction): string {
    if (intent !== 'None' && intent !== 'compte_urssaf' && intent !== 'indemnites_journalieres')
      return intent;
    if (!this.says(text, t, 'prompts.rightsCertificateMarkers')) return intent;
    return intent === 'compte_urssaf' && this.says(text, t, 'prompts.urssafNamed') ? intent : 'compte_ameli';
  }

  /**
   * The message tells the person's own money trouble (`MONEY_TROUBLE`) and a situation the aid journey has its own
   * answers for (retired or retiring, invalid, widowed, a health professional under convention, an activity over),
   * with no field outside the domain but one that journey answers, and asks nothing of that field
   * (`prompts.pensionQuestionMarkers`: the pension's amount, its age, the quarters).
   */
  private moneyTroubleInSituation(recognition: RecognitionLike, said: string, t: TFunction): boolean {
    const { entities, distress, outOfScope: field } = recognition;
    if (!distress.signals.some((signal) => MONEY_TROUBLE.has(signal))) return false;
    const situation =
      (entities.situation !== undefined && entities.situation !== 'actif') ||
      entities.activiteTerminee === true;
    if (!situation) return false;
    if (field === undefined) return true;
    return (
      field.gap !== true &&
      field.outsideScheme !== true &&
      field.answeredBy?.includes('aide_financiere') === true &&
      !this.says(said, t, 'prompts.pensionQuestionMarkers')
    );
  }

  private pregnantOnSickLeave(
    intent: string,
    entities: RecognizedEntities,
    text: string,
    t: TFunction,
    recognition: RecognitionLike,
  ): string {
    // A pregnant woman on sick leave for another cause (« enceinte mais en arrêt maladie pour une fracture du
    // poignet »): the sick-leave journey, her maternity offered next; a leave because of the pregnancy is the gap
    // that says so (`arret_grossesse`).
    // A relative's sick leave (« mon mari est en arrêt maladie ») is not hers.
    if (intent !== 'maternite' || !entities.enceinte || entities.arretProche || recognition.outOfScope?.gap)
      return intent;
    // Not a leave denied (« je ne me suis pas du tout arrêtée », « je travaille sans arrêt »).
    return hasAffirmedPhrase(
      paddedText(text, this.deps.normalize),
      t('prompts.sickLeaveNamed', { returnObjects: true }) as string[],
      this.deps.normalize,
    )
      ? 'indemnites_journalieres'
      : intent;
  }

  /**
   * A sick leave the doctor prescribes or is about to (`prompts.sickLeavePrescribed`: « le médecin veut m'arrêter »,
   * « il va me mettre en arrêt »), the sick-leave allowance ranked, no subject the sources say nothing about, and no
   * difficulty of the business but health (« … et je ne peux plus payer mes cotisations » is the aid journey's).
   */
  private leavePrescribed(
    text: string,
    recognition: RecognitionLike,
    entities: RecognizedEntities,
    t: TFunction,
  ): boolean {
    // The ranked intents last: reading them ranks every intent (`nlu/index.ts`), the costliest test here.
    return (
      !recognition.outOfScope?.gap &&
      activeDifficulties(entities).every((difficulty) => difficulty === 'sante_activite') &&
      this.says(text, t, 'prompts.sickLeavePrescribed') &&
      (recognition.intents.indemnites_journalieres?.score ?? 0) >= PRESCRIBED_LEAVE_IJ_MIN_SCORE
    );
  }

  /**
   * The sick leave's allowance answered first, before HELP, the aid journey, the care after a long leave or the
   * invalidity (offered after it): a prescribed sick leave (`leavePrescribed`), or the person's own injury keeping
   * them from work (`prompts.ownInjuryMarkers`: « je suis blessée », « une jambe cassée… ça m'immobilise ») told with
   * no aid asked for by name and no difficulty but health or the accident.
   */
  private sickLeaveFirst(
    text: string,
    recognition: RecognitionLike,
    entities: RecognizedEntities,
    t: TFunction,
  ): boolean {
    if (this.leavePrescribed(text, recognition, entities, t)) return true;
    return (
      !recognition.outOfScope?.gap &&
      this.says(text, t, 'prompts.ownInjuryMarkers') &&
      activeDifficulties(entities).every((difficulty) => INJURY_DIFFICULTIES.has(difficulty)) &&
      !this.says(text, t, 'prompts.aidNamedMarkers')
    );
  }

  /**
   * « comment je fais la demande ? », « où ? », « c'est quel formulaire ? », « et le lien ? » (short, naming no aid)
   * after an answer: how to ask for the entries it showed that say so (their steps, their links) — the one, or the
   * question of which (HELP last). Undefined when it is no such follow-up, when the last answer showed none, or when
   * the message is surely about a subject that answer was not.
   */
  private async howToFollowUp(
    step: WaterfallStepContext,
    recognition: RecognitionLike,
    t: TFunction,
  ): Promise<DialogTurnResult | undefined> {
    const { text, topIntent, score } = recognition;
    if (!this.asksHowToApply(text, t)) return undefined;
    const shown = ((await this.deps.shownEntries?.get(step.context)) ?? [])
      .map((id) => this.deps.knowledge.get(id))
      .filter((entry): entry is Entry => entry !== undefined);
    if (
      this.isTopic(topIntent) &&
      score >= TOPIC_SWITCH_MIN_SCORE &&
      !NAMED_ENTRY_OPEN_INTENTS.has(topIntent) &&
      !shown.some((entry) => entry.intent === topIntent)
    )
      return undefined;
    const helpEntry = this.deps.knowledge.tree.helpEntry;
    const entries = applicableEntries(shown).sort(
      (a, b) => Number(a.id === helpEntry) - Number(b.id === helpEntry),
    );
    if (entries.length === 0) return undefined;
    await this.deps.misunderstood.set(step.context, 0);
    // The answer's own entry gives no démarche (« Délais de paiement » says only that a delay may be asked): said
    // honestly, with its contacts, then HELP's démarche when HELP was offered with it — not HELP's alone, as if it
    // were that answer's.
    const withoutSteps = shown.find((entry) => entry.id !== helpEntry && !hasDemarche(entry));
    if (withoutSteps && entries.every((entry) => entry.id === helpEntry)) {
      const intent = withoutSteps.intent ?? 'None';
      this.outcomes.intent({ intent });
      await step.context.sendActivities([
        { type: 'message', text: t('main.howToUnknown', { title: withoutSteps.title }) },
        howToApplyActivity(this.deps.knowledge, t, withoutSteps),
        ...entries.map((entry) => howToApplyActivity(this.deps.knowledge, t, entry)),
      ]);
      return step.next({ intent, answered: true, outcome: 'phone_contact' } satisfies JourneyResult);
    }
    // The answer's need, for the outcomes and the feedback: an entry's own intent, else the last request's.
    const last = await this.deps.lastRequest?.get(step.context);
    const before = last ? this.deps.recognizer.recognize(last).topIntent : 'None';
    values(step).answeredIntent = this.isTopic(before) ? before : 'None';
    if (entries.length === 1)
      return this.answerHowTo(step, entries[0], values(step).answeredIntent ?? 'None', t);
    values(step).choosingHowTo = true;
    return step.beginDialog(CHOICE_STEP, {
      question: t('main.howToWhich'),
      choices: entries.map((entry) => ({
        value: entry.id,
        label: entry.title.length <= HOW_TO_LABEL_MAX ? entry.title : (entry.names[0] ?? entry.title),
        synonyms: entry.names,
      })),
      lenient: true,
    } satisfies ChoiceStepOptions);
  }

  /** A short follow-up asking how to apply (`prompts.applyFollowUps`), naming no aid (« comment demander l'ACED ? »). */
  private asksHowToApply(text: string, t: TFunction): boolean {
    // The knowledge base's names last: the costliest test here.
    return (
      wordCount(text) <= HOW_TO_MAX_WORDS &&
      (this.saysOnly(text, t, 'prompts.applyFollowUpsAlone') ||
        this.says(text, t, 'prompts.applyFollowUps')) &&
      this.deps.knowledge.namedAll(text).length === 0
    );
  }

  /**
   * After a crisis line, « et je fais comment pour la demande ? » asks about the request told with the words of
   * distress, with its entities: a difficulty it told (« …j'ai 12000 euros de dettes urssaf ») is the aid journey's,
   * else what its signs of difficulty call for, else its subject when the recogniser is sure of it.
   */
  private async lastNeedAsked(
    context: TurnContext,
    text: string,
    t: TFunction,
  ): Promise<{ need: string; entities: RecognizedEntities } | undefined> {
    if (!this.asksHowToApply(text, t)) return undefined;
    const last = await this.deps.lastRequest?.get(context);
    if (!last) return undefined;
    const before = this.deps.recognizer.recognize(last);
    const need =
      activeDifficulties(before.entities).length > 0
        ? 'aide_financiere'
        : before.distress.level !== 'none'
          ? before.distress.need
          : this.isTopic(before.topIntent) && before.score >= TOPIC_SWITCH_MIN_SCORE
            ? before.topIntent
            : undefined;
    return need === undefined ? undefined : { need, entities: before.entities };
  }

  /** How to ask for `entry` (its steps, contacts and links), then the feedback question. */
  private async answerHowTo(
    step: WaterfallStepContext,
    entry: Entry,
    lastIntent: string,
    t: TFunction,
  ): Promise<DialogTurnResult> {
    const intent = entry.intent ?? lastIntent;
    this.outcomes.intent({ intent });
    await step.context.sendActivity(howToApplyActivity(this.deps.knowledge, t, entry));
    return step.next({
      intent,
      answered: true,
      outcome: outcomeOfAnswer([entry], entry.id === this.deps.knowledge.tree.helpEntry),
    } satisfies JourneyResult);
  }

  /**
   * A short follow-up naming another status or situation (« et pour un libéral ? », « même question pour une PamC »,
   * « et pour un boulanger ? »): the last request typed, recognised again, with that status instead of its own.
   */
  private async followUpFor(
    context: TurnContext,
    recognition: RecognitionLike,
    t: TFunction,
  ): Promise<{ route: RouteOptions; entryIds?: string[] } | undefined> {
    const forMe = this.saysOnly(recognition.text, t, 'prompts.forMeFollowUps');
    if (!forMe && wordCount(recognition.text) > FOLLOW_UP_MAX_WORDS) return undefined;
    const start = forMe ? undefined : this.startOf(recognition.text, t, 'prompts.followUpStarts');
    if (!forMe && start === undefined) return undefined;
    // The status named after the start, read as said of oneself (« et pour un kiné ? » → « je suis kiné »: an article
    // before a trade would make it someone else's).
    // A relative named with their status (« et pour mon mari qui est kiné ? »): that status, the question being theirs.
    const told = start
      ? this.deps.recognizer.recognize(`je suis ${this.statusAfter(recognition.text, start, t)}`).entities
      : {};
    const entities = { ...recognition.entities, ...told };
    if (!forMe && entities.statut === undefined && entities.situation === undefined) return undefined;
    const last = await this.deps.lastRequest?.get(context);
    if (!last) return undefined;
    const before = this.deps.recognizer.recognize(last, { adviser: speaksToAdviser(context) });
    if (!this.isTopic(before.topIntent) && before.topIntent !== 'help') return undefined;
    // For the person's own case: the last request's journey, which asks what it needs.
    if (forMe)
      return {
        route: {
          intent: refineIntent(before.topIntent, before.entities),
          entities: before.entities,
          text: last,
        },
      };
    const merged: RecognizedEntities = { ...before.entities };
    delete merged.statut;
    delete merged.situation;
    if (entities.statut) merged.statut = entities.statut;
    if (entities.situation) merged.situation = entities.situation;
    const route = { intent: refineIntent(before.topIntent, merged), entities: merged, text: last };
    const named = this.namedEntries({ ...before, entities: merged }, wordCount(last), t);
    return named.length > 0 ? { route, entryIds: named.map((entry) => entry.id) } : { route };
  }

  /** A follow-up's answer: the cards the last request named (« ACED plafond ? »), for its status; else its journey. */
  private answerFollowUp(
    step: WaterfallStepContext,
    again: { route: RouteOptions; entryIds?: string[] },
  ): Promise<DialogTurnResult> {
    if (!again.entryIds) return step.replaceDialog(ROUTE, again.route);
    this.outcomes.intent({ intent: again.route.intent ?? 'None' });
    return step.beginDialog(FAQ_DIALOG, {
      intent: again.route.intent ?? 'None',
      entryIds: again.entryIds,
      ...(again.route.entities?.statut ? { statut: again.route.entities.statut } : {}),
      ...(again.route.entities?.situation ? { situation: again.route.entities.situation } : {}),
    } satisfies AnswerDialogOptions);
  }

  /**
   * A short question placed nowhere alone, no sign of difficulty nor a field named (« c combien max ? » after the
   * ACED, « je peux y changer mon rib ? » after the compte ameli; a question mark or a question's word,
   * `prompts.followUpQuestionWords`): read with the last request's words, it is the
   * last request's subject again — its named cards, or its journey with what the question adds (« et si je suis en
   * micro ? »). Not when the two together are read as another subject.
   */
  private async sameSubjectFollowUp(
    context: TurnContext,
    recognition: RecognitionLike,
    t: TFunction,
  ): Promise<{ route: RouteOptions; entryIds?: string[] } | undefined> {
    const text = recognition.text;
    if (
      recognition.topIntent !== 'None' ||
      recognition.outOfScope !== undefined ||
      recognition.distress.level !== 'none' ||
      recognition.selfHarm ||
      recognition.othersAtRisk ||
      recognition.medicalEmergency ||
      wordCount(text) > FOLLOW_UP_MAX_WORDS ||
      // A question (« c pour qui ? », « combien max »), not a statement (« non c'est tout », « mon assuré est
      // commerçant »), which the steps after this one read.
      !(text.includes('?') || this.says(text, t, 'prompts.followUpQuestionWords')) ||
      // A question that names its own subject (« c quoi la ceam ») is about it.
      this.deps.knowledge.namedAll(text).length > 0
    )
      return undefined;
    const last = await this.deps.lastRequest?.get(context);
    if (!last) return undefined;
    const options = { adviser: speaksToAdviser(context) };
    const before = this.deps.recognizer.recognize(last, options);
    if (!this.isTopic(before.topIntent) && before.topIntent !== 'help') return undefined;
    const joined = `${last} ${text}`;
    const both = this.deps.recognizer.recognize(joined, options);
    if (both.topIntent !== before.topIntent) return undefined;
    const route = {
      intent: refineIntent(both.topIntent, both.entities),
      entities: both.entities,
      text: joined,
    };
    const named = this.namedEntries(both, wordCount(joined), t);
    return named.length > 0 ? { route, entryIds: named.map((entry) => entry.id) } : { route };
  }

  /** What a follow-up names after its `start` (« et pour »), without an article or a relative before the status. */
  private statusAfter(text: string, start: string, t: TFunction): string {
    const rest = this.deps.normalize(text).slice(start.trim().length).trim();
    const relative = this.startOf(rest, t, 'prompts.followUpRelatives');
    return (relative ? rest.slice(relative.trim().length) : rest).replace(
      /^ ?(?:un|une|le|la|les|l|des) /,
      '',
    );
  }

  /**
   * A partner asking about the pregnant woman's own leave (« ma femme est enceinte, elle est artisane, quel congé pour
   * elle ? »): her maternity, whose journey asks the situation, not the father's paternity. A conjointe collaboratrice
   * on sick leave: her allowances.
   */
  private askedForHer(intent: string, entities: RecognizedEntities, text: string, t: TFunction): string {
    // A conjointe collaboratrice on sick leave asking about her allowances (« elle est en arrêt maladie, a-t-elle
    // droit aux indemnités journalières ? »): the sick-leave journey, her status's cards offered next.
    if (
      intent === 'statut_conjoint' &&
      entities.statut === 'conjoint_collaborateur' &&
      !entities.arretProche &&
      this.says(text, t, 'prompts.sickLeaveMarkers')
    )
      return 'indemnites_journalieres';
    if (intent !== 'paternite' || !entities.grossesseAutrui) return intent;
    return this.says(text, t, 'prompts.forHerMarkers') ? 'maternite' : intent;
  }

  /**
   * « arrêter » at the age of retirement (« je vais bientôt arrêter, j'ai 61 ans »): the recogniser reads a sick leave
   * from the word, but the entities read a coming retirement and the message names no sick leave
   * (`prompts.sickLeaveMarkers`): the aid journey, whose answer for a coming retirement is the ADR.
   */
  private retiringNotSick(intent: string, entities: RecognizedEntities, text: string, t: TFunction): string {
    if (intent !== 'indemnites_journalieres' || entities.situation !== 'retraite_proche') return intent;
    return this.says(text, t, 'prompts.sickLeaveMarkers') ? intent : 'aide_financiere';
  }

  /** The message names an organisation or a file of the bot's own world (`prompts.domainMarkers`). */
  private namesDomain(text: string, t: TFunction): boolean {
    // The shop's till is not the caisse of the Assurance Maladie (« erreurs de caisse », « nos caisses sont vides »).
    const padded = withoutPhrases(
      paddedText(text, this.deps.normalize),
      t('prompts.cashDrawerMarkers', { returnObjects: true }) as string[],
      this.deps.normalize,
    );
    return this.hasMarker(padded, t('prompts.domainMarkers', { returnObjects: true }) as string[]);
  }

  /**
   * The message tells difficulty with the person's own living costs: food, rent, housing, heating (the signs of
   * `survie`, or the words of `prompts.livingCostMarkers`).
   */
  private tellsLivingCosts(recognition: RecognitionLike, t: TFunction): boolean {
    return (
      recognition.distress.signals.includes('survie') ||
      this.says(recognition.text, t, 'prompts.livingCostMarkers')
    );
  }

  private announcesSwitch(text: string, t: TFunction): boolean {
    return this.says(text, t, 'prompts.switchMarkers');
  }

  /**
   * Frustration or not understanding the bot (« vous servez à rien », « je comprends rien »), in a short message
   * without signs of difficulty (those get HELP).
   */
  private frustrated(text: string, recognition: RecognitionLike, t: TFunction): boolean {
    return (
      recognition.distress.level === 'none' &&
      wordCount(text) <= FRUSTRATION_MAX_WORDS &&
      this.says(text, t, 'prompts.frustrationMarkers')
    );
  }

  /** The whole message is one of the phrases of the list `key` of the locale's resources. */
  private saysOnly(text: string, t: TFunction, key: string): boolean {
    return isPhrase(text, t(key, { returnObjects: true }) as string[], this.deps.normalize);
  }

  /** The phrase of the list `key` of the locale's resources the message begins with (normalised, between spaces). */
  private startOf(text: string, t: TFunction, key: string): string | undefined {
    return startingPhrase(text, t(key, { returnObjects: true }) as string[], this.deps.normalize);
  }

  /** The message has one of the marker phrases of the list `key` of the locale's resources. */
  private says(text: string, t: TFunction, key: string): boolean {
    return this.hasMarker(paddedText(text, this.deps.normalize), t(key, { returnObjects: true }) as string[]);
  }

  /** `normalized` (a normalised text between spaces) has one of the marker phrases `list` (`prompts/markers.ts`). */
  private hasMarker(normalized: string, list: readonly string[]): boolean {
    return hasPhrase(normalized, list, this.deps.normalize);
  }

  /** The marker phrases of `list`, normalised and between spaces, once per locale (`prompts/markers.ts`). */
  private markersOf(list: readonly string[]): readonly string[] {
    return markerPhrases(list, this.deps.normalize);
  }

  /**
   * The label of an answer already given to the journey under way (`current`) that the message's entities only tell
   * again, at another of its questions (`TreeJourneyDialog.restatedAnswer`).
   */
  private restatedAnswer(
    innerDc: DialogContext,
    current: string | undefined,
    waitingState: unknown,
    entities: RecognizedEntities,
  ): string | undefined {
    const id = current === undefined ? undefined : this.journeyByIntent[current];
    const instance = innerDc.stack.find((entry) => entry.id === id);
    const journey = id === undefined ? undefined : this.findDialog(id);
    if (!instance || !(journey instanceof TreeJourneyDialog)) return undefined;
    return journey.restatedAnswer(instance, entities, choiceStepSlot(waitingState));
  }

  /**
   * The intent of the journey under way: the topmost journey on the main dialog's stack (its question, a
   * `choiceStep`, waits above it).
   */
  private currentJourney(innerDc: DialogContext): string | undefined {
    for (let i = innerDc.stack.length - 1; i >= 0; i--) {
      const intent = this.intentByJourney[innerDc.stack[i].id];
      if (intent) return intent;
    }
    return undefined;
  }

  /**
   * The reading of an answer beyond its words, when its words alone answer nothing (no option, no entity): without its words of
   * uncertainty (« 11 mois je crois », « ça doit faire 3 ans »), and at an affiliation question as the activity's
   * duration (« depuis 2021 », which alone could be anything's). When it then answers the waiting question, the
   * turn's recognition carries what it told (the journey says what it understood); a plain « je ne sais pas » tells
   * nothing and stays a doubt.
   */
  private answerInContext(
    context: TurnContext,
    state: unknown,
    text: string,
    recognition: RecognitionLike,
    t: TFunction,
  ): RecognitionLike {
    const slot = choiceStepSlot(state);
    // An answer its words give (« non, depuis 2021 » is « Non ») is not read otherwise.
    if (slot === undefined || answersChoiceStep(state, text, recognition.entities, this.deps.normalize, t))
      return recognition;
    const plain = withoutHedges(text, this.deps.normalize, t);
    const readings: { text: string; all: boolean }[] =
      plain === undefined ? [] : [{ text: plain, all: true }];
    // Read as the activity's, only its durations are taken (not a status the added words would tell).
    if (asksAffiliation(slot))
      readings.push({ text: t('prompts.affiliationContext', { answer: plain ?? text }), all: false });
    const options = { adviser: speaksToAdviser(context) };
    for (const reading of readings) {
      const told = this.deps.recognizer.recognize(reading.text, options).entities;
      const taken: RecognizedEntities = reading.all
        ? told
        : { affiliationMois: told.affiliationMois, affiliationMoisMoinsDe: told.affiliationMoisMoinsDe };
      if (!answeredByEntities(state, taken)) continue;
      const read = { ...recognition, entities: { ...recognition.entities, ...withoutUndefined(taken) } };
      setTurnRecognition(context, read);
      noteAnswerReadBeyondWords(context);
      return read;
    }
    return recognition;
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const context = innerDc.context;
    const t = translator(context.activity.locale);
    const text = context.activity.text ?? '';
    let recognition = this.recognition(context);
    let leaf = innerDc;
    while (leaf.child) leaf = leaf.child;
    const waiting = leaf.activeDialog;
    const isChoice = waiting?.id === CHOICE_STEP;
    const current = this.currentJourney(innerDc);
    // Words of self-harm come first, even when the message also answers the question asked (« je suis artisan mais
    // j'ai envie de me tuer »), and so does someone else at risk: the crisis line, never the next question.
    if (recognition.selfHarm || recognition.othersAtRisk) {
      if (current) this.outcomes.journeyEnded({ intent: current, outcome: 'abandoned' });
      await innerDc.cancelAllDialogs();
      await this.deps.crisis?.set(context, recognition.othersAtRisk ? 'other' : 'self');
      await context.sendActivities(
        recognition.othersAtRisk
          ? othersAtRiskActivities(this.deps.knowledge, t)
          : selfHarmActivities(this.deps.knowledge, t),
      );
      this.outcomes.journeyEnded({ intent: 'help', outcome: 'crisis_line' });
      return { status: DialogTurnStatus.complete };
    }
    // « 11 mois je crois », « je ne suis plus très sûr, 11 mois je crois », « depuis 2021 il me semble » at the
    // affiliation question: what the answer tells without its doubt, in the question's context, answers it.
    if (isChoice) recognition = this.answerInContext(context, waiting.state, text, recognition, t);
    // « et pour moi ? », « et dans mon cas ? » after an answer (at its feedback question): the last request, for the
    // person's own case — its journey, not « Au revoir » (read as a goodbye).
    if (this.saysOnly(text, t, 'prompts.forMeFollowUps')) {
      const again = await this.followUpFor(context, recognition, t);
      if (again) {
        if (current) this.outcomes.journeyEnded({ intent: current, outcome: 'abandoned' });
        await innerDc.cancelAllDialogs();
        return innerDc.beginDialog(ROUTE, again.route);
      }
    }
    // « et pour un libéral ? », « et pour mon mari qui est kiné ? » (at a feedback or a journey's question): the route
    // reads it again from the start, as the last request for that status (its named cards, or its journey).
    if (
      this.startOf(text, t, 'prompts.followUpStarts') !== undefined &&
      (await this.followUpFor(context, recognition, t))
    ) {
      if (current) this.outcomes.journeyEnded({ intent: current, outcome: 'abandoned' });
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(ROUTE, {} satisfies RouteOptions);
    }
    // A medical emergency at a journey's question (« j'ai des contractions et je panique »): the 15 first; then the
    // answer it also gives, or the question again — not « Je n'ai pas bien compris ».
    if (recognition.medicalEmergency && isChoice) {
      await context.sendActivities(medicalEmergencyActivities(this.deps.knowledge, t));
      if (!answersChoiceStep(waiting.state, text, recognition.entities, this.deps.normalize, t)) {
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      }
    }
    // The answer to « Arrêter ce parcours, ou un arrêt de travail ? » asked at the previous turn (« arrêt » alone),
    // before the message is read as the journey's answer (« 1 » is the first of those two options).
    const beside = isChoice ? takeBesideChoices(waiting.state) : undefined;
    const reading =
      beside && understandAnswer({ question: '', choices: beside }, text, undefined, this.deps.normalize, t);
    if (reading === STOP_READING || reading === SICK_LEAVE_READING) {
      if (current) this.outcomes.journeyEnded({ intent: current, outcome: 'abandoned' });
      await innerDc.cancelAllDialogs();
      if (reading === SICK_LEAVE_READING) {
        return innerDc.beginDialog(ROUTE, { intent: 'indemnites_journalieres' } satisfies RouteOptions);
      }
      this.outcomes.intent({ intent: 'cancel' });
      await context.sendActivity(this.menu.activity(t, t('main.cancelled')));
      return { status: DialogTurnStatus.complete };
    }
    // « arrêt » alone in a journey may mean « stop » or a sick leave (except in the sick-leave journey, where it can
    // only mean stop): both readings are offered rather than one guessed. « annuler », « stop », « arrête » cancel.
    if (
      isChoice &&
      current !== undefined &&
      current !== 'indemnites_journalieres' &&
      recognition.topIntent === 'cancel' &&
      this.saysOnly(text, t, 'prompts.sickLeaveAlone')
    ) {
      const choices = [
        { value: STOP_READING, label: t('journey.stopReading') },
        { value: SICK_LEAVE_READING, label: t('journey.sickLeaveReading') },
      ];
      setBesideChoices(waiting.state, choices);
      await context.sendActivity(
        ChoiceStepDialog.questionActivity({ question: t('journey.stopOrSickLeave'), choices }),
      );
      return Dialog.EndOfTurn;
    }
    // An answer to the question being asked is not an interruption, unless the person announces a change of
    // subject ("en fait c'est pour un arrêt maladie").
    // « en fait » announces a change of subject, unless what follows answers the question by an option's own words
    // (« ah non, en fait ce sont mes cotisations ») and no other need's journey is recognised.
    const switching =
      this.announcesSwitch(text, t) &&
      !(isChoice && answeredByEntities(waiting.state, recognition.entities)) &&
      !(
        isChoice &&
        !(recognition.topIntent !== current && this.journeyByIntent[recognition.topIntent]) &&
        answeredByPhrase(waiting.state, text, this.deps.normalize, t)
      );
    // Another need's menu label (« Demander une aide financière », a button of the HELP card in the invalidity
    // journey) is that need, unless it is the option's own text.
    const fromMenu = this.menu.intentFromLabel(text, t, this.deps.normalize);
    const otherNeedLabel = fromMenu !== undefined && fromMenu !== current;
    const surelyElsewhere =
      recognition.score >= TOPIC_SWITCH_MIN_SCORE &&
      recognition.topIntent !== 'None' &&
      recognition.topIntent !== current;
    // Strong difficulty told in the middle of a journey is answered (HELP, the advisers' lines) without losing the
    // answers already given: the message still answers the question when it does (« mon chiffre d'affaires s'est
    // effondré » at « Quelle difficulté rencontrez-vous ? »), otherwise the question is asked again.
    const difficultyTold = recognition.distress.level === 'high' && wordCount(text) >= 4;
    const offerHelp = () => {
      noteHelpShown(context);
      return context.sendActivities(
        helpOfferActivities(this.deps.knowledge, t, {
          intro: this.helpIntro(context, text, t, 'distress.intro'),
          aidButton: current !== 'aide_financiere',
        }),
      );
    };
    // Frustration at a journey's question (« vous servez à rien », « non mais tu sers à rien »): the apology and the
    // advisers' lines, then the question again — not « Je n'ai pas bien compris », nor its « non » taken as an
    // answer. A question (« je comprends rien, c'est quoi la catégorie ? ») is answered as a question below.
    // « jsais plus » at a question is its « not sure », not the HELP the recogniser reads in « je ne sais plus ».
    if (isChoice && onlyDoubt(text, this.deps.normalize, t)) return undefined;
    const questioning = isChoice && asksInsteadOfAnswering(text, this.deps.normalize, t);
    if (isChoice && !fromMenu && !questioning && this.frustrated(text, recognition, t)) {
      this.outcomes.intent({ intent: 'human' });
      await context.sendActivity(phoneLinesActivity(this.deps.knowledge, t('main.frustrated')));
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    if (
      isChoice &&
      !switching &&
      answersChoiceStep(
        waiting.state,
        text,
        recognition.entities,
        this.deps.normalize,
        t,
        surelyElsewhere,
        otherNeedLabel,
      )
    ) {
      if (difficultyTold) await offerHelp();
      return undefined;
    }
    // A correction of an earlier answer (« non attendez, je me suis trompé, j'ai fermé mon entreprise en janvier »)
    // is the journey's to read, not a new subject nor a story to answer with HELP.
    // Not a question (« non attendez, c'est quoi une ALD ? ») nor a change of subject the recogniser is sure of
    // (« ah non pardon, je voulais parler de mon arrêt maladie »).
    // « en fait je suis déjà à la retraite » announces a change, of an answer: the message tells something of the
    // person (its entities), not another subject.
    const toldSomething = Object.keys(recognition.entities).length > 0;
    if (
      isChoice &&
      (!switching || toldSomething) &&
      !questioning &&
      !surelyElsewhere &&
      correctsEarlierAnswer(waiting.state, text, this.deps.normalize, t)
    ) {
      return undefined;
    }
    if (difficultyTold && !switching && !(surelyElsewhere && handledHere(recognition.topIntent))) {
      await offerHelp();
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    // An answer already given, told again (« oui je suis en activité » at « Quelle difficulté… ? », after « J'ai
    // compris : Je suis en activité »): noted, and the question again — not « Je n'ai pas bien compris ».
    const restated =
      isChoice && !questioning && !switching && !surelyElsewhere && !fromMenu
        ? this.restatedAnswer(innerDc, current, waiting.state, recognition.entities)
        : undefined;
    if (restated !== undefined) {
      await context.sendActivity({ type: 'message', text: t('journey.alreadyNoted', { label: restated }) });
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    const intent = fromMenu ?? recognition.topIntent;
    const leaveJourney = () => {
      if (current) this.outcomes.journeyEnded({ intent: current, outcome: 'abandoned' });
    };
    const end = async (activities: Partial<Activity>[]): Promise<DialogTurnResult> => {
      this.outcomes.intent({ intent });
      leaveJourney();
      await innerDc.cancelAllDialogs();
      if (intent === 'restart') await this.forget(context);
      await context.sendActivities(activities);
      return { status: DialogTurnStatus.complete };
    };
    if (intent === 'back' && isChoice && choiceStepAllowsBack(waiting.state)) return undefined;
    const reply = this.commandReply(intent, t, context, 'journey');
    if (reply && (intent === 'human' || intent === 'contact')) {
      this.outcomes.intent({ intent });
      await context.sendActivities(reply);
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    if (reply) return end(reply);
    const isTopic = !handledHere(intent);
    const sure = recognition.score >= TOPIC_SWITCH_MIN_SCORE || fromMenu !== undefined;
    // A question aside (« c'est quoi une ALD ? », « c'est quoi l'ACED ? », « je peux travailler pendant mon arrêt ? »):
    // its answer — the aid it names, the subject the sources say nothing precise about, or another subject's
    // entries —, then the journey's question again, rather than leaving the journey or « pas compris ».
    const asking = questioning && !fromMenu && !switching;
    const aside = async (answer: Partial<Activity>[]): Promise<DialogTurnResult> => {
      this.outcomes.intent({ intent });
      await context.sendActivities([...answer, { type: 'message', text: t('journey.asideBack') }]);
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    };
    const entriesAside = (entries: Entry[]) =>
      aside([
        entriesActivity(this.deps.knowledge, t, entries.slice(0, MAX_ENTRIES), t('journey.asideIntro')),
      ]);
    // « source ? » at a question: the sources of the last answer (or that there is none), then the question again.
    if (isChoice && !fromMenu && this.asksSources(text, recognition, t))
      return aside([await this.sourcesActivity(context, text, t)]);
    const named = asking ? this.deps.knowledge.namedAll(text) : [];
    const gap = asking && recognition.outOfScope?.gap ? recognition.outOfScope : undefined;
    if (gap) return aside(outOfScopeActivities(this.deps.knowledge, t, { ...gap, gap: true }));
    if (named.length > 0) return entriesAside(named);
    // About the journey's own subject (« à qui j'envoie mon arrêt ? » in the sick-leave journey, « qui décide de la
    // catégorie ? » in the invalidity one): its entries that the question's words find best, then the question.
    const ownSubject = asking && current !== undefined && (intent === current || intent === 'None' || !sure);
    if ((isTopic && sure && intent !== current && asking) || ownSubject) {
      const entries = ownSubject
        ? this.deps.knowledge
            .search(text, OWN_SUBJECT_SEARCH)
            .filter((entry) => entry.intent === current)
            .slice(0, OWN_SUBJECT_ENTRIES)
        : this.journeyByIntent[intent]
          ? []
          : // As in a direct answer, none that does not fit the person (« revenus estimés » once the activity is over).
            await this.personOf(context, recognition.entities, intent).then((person) =>
              fitFor(
                answerEntries(this.deps.knowledge, intent, text, recognition.normalized),
                person.statut,
                person.activityOver,
              ),
            );
      if (entries.length > 0) return entriesAside(entries);
    }
    // A statement on the waiting question's own subject that does not answer it (« j'étais en ALD l'année
    // dernière » at « Votre arrêt est-il dû à une ALD ? »: a past ALD says nothing of this leave) is no change of
    // subject: the question again, the journey kept.
    if (isChoice && !asking && intent === slotSubject(choiceStepSlot(waiting.state))) {
      await context.sendActivity({ type: 'message', text: t('prompts.retry') });
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    if (isTopic && sure && intent !== current) {
      leaveJourney();
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
  // A contributions debt told with the Urssaf's words (« je reçois une relance urssaf », « un adhérent a des dettes
  // Urssaf, que faire ? »): the debt is the need, not the online account — the aid journey (payment delays, HELP
  // when the activity is over).
  if (intent === 'compte_urssaf' && difficulties.includes('cotisations')) return 'aide_financiere';
  // A pregnant conjointe collaboratrice (« enceinte de jumeaux ») needs her leave first; her status comes next.
  if (intent === 'statut_conjoint' && entities.enceinte) return 'maternite';
  // « nous attendons un enfant » is a birth unless an adoption is told: the maternity journey asks who is who.
  if (intent === 'adoption' && !entities.adoption && (entities.grossesseCommune || entities.enceinte))
    return 'maternite';
  if (intent === 'None' && !entities.adoption && entities.grossesseCommune) return 'maternite';
  // The spouse's death (« ma femme est décédée en accouchant de notre fils ») is no child's: the death's answers
  // first (the birth's, read first, are offered next).
  if (
    (intent === 'deuil_parental' || intent === 'paternite') &&
    entities.difficultes?.includes('deces_conjoint')
  )
    return 'deces';
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
  // Two readings that the person's facts make one need (« j'ai cessé en 2023, et je reçois une relance urssaf »: the
  // online account and the aids are both the payment delays of a debt): nothing to ask.
  const refined = refineIntent(ambiguous.first, entities);
  if (refined === refineIntent(ambiguous.second, entities)) return refined;
  return undefined;
}

/**
 * When the recogniser hesitates between HELP and another need, there is nothing to ask: HELP is offered, and the
 * other need is the one to answer.
 */
export function settleWithHelpOffered(ambiguous: { first: string; second: string }): string | undefined {
  if (ambiguous.first === 'help') return ambiguous.second;
  if (ambiguous.second === 'help') return ambiguous.first;
  return undefined;
}

/** A question about a field the bot does not cover, and no topic the recogniser is sure of. */
export function isOutOfScope(recognition: RecognitionLike): boolean {
  if (!recognition.outOfScope) return false;
  // A subject the sources say nothing precise about (a miscarriage): no topic's answer fits it, however sure.
  if (recognition.outOfScope.gap) return true;
  // A field named whatever else the message asks (a private insurance contract): said, then the topic answered.
  if (recognition.outOfScope.alwaysNamed || recognition.outOfScope.outsideScheme) return true;
  const { entities } = recognition;
  const situation = entities.situation !== undefined && entities.situation !== 'actif';
  // A situation the aid journey answers with a difficulty of the business (« à la retraite depuis janvier … l'urssaf
  // me réclame encore 5000 euros de cotisations »): the field's word (« retraite ») names the situation, and the
  // contributions debt is the Urssaf's — in scope, however sure `None` is.
  if (
    situation &&
    activeDifficulties(entities).length > 0 &&
    recognition.outOfScope.answeredBy?.includes('aide_financiere')
  )
    return false;
  // The recogniser is sure the message is about none of the bot's subjects: the field named is the answer.
  if (recognition.topIntent === 'None' && recognition.score >= SURE_NONE_FIELD_SCORE) return true;
  // A field whose questions a journey answers itself (out-of-scope.yaml `answeredBy`), when that journey is chosen.
  if (recognition.outOfScope.answeredBy?.includes(recognition.topIntent)) return false;
  // A situation or a difficulty the aids answer (« je pars à la retraite et j'ai du mal à payer ») is in scope;
  // being in activity (« j'exerce depuis mon domicile ») is every independent's and says nothing of the need. In a
  // field about other people (out-of-scope.yaml `aboutOthers`: « la fiche de paie d'un employé absent pour
  // maladie »), the situation named is theirs: only a topic the recogniser is sure of keeps the message in scope.
  const theirs = recognition.outOfScope.aboutOthers === true;
  // « mon salarié est en arrêt maladie, je dois continuer à le payer ? »: the leave is the employee's, and so is any
  // topic read from it, however sure.
  if (theirs && recognition.outOfScope.theirSituation === true) return true;
  if (!theirs && (situation || activeDifficulties(entities).length > 0)) return false;
  // With signs of difficulty HELP is offered anyway: the HELP intent does not hide the field asked about.
  const helpOffered = recognition.topIntent === 'help' && recognition.distress.level !== 'none';
  // Whom to call about a field outside the domain (« le numéro de Pôle emploi ») is not answered with the bot's own
  // contacts: the honest answer names the field, with the contacts the sources give for it.
  const contactOfField = recognition.topIntent === 'contact';
  return (
    recognition.topIntent === 'None' ||
    helpOffered ||
    contactOfField ||
    recognition.score < (theirs ? OTHERS_FIELD_MAX_TOPIC_SCORE : OUT_OF_SCOPE_MAX_TOPIC_SCORE)
  );
}

/** The probability of the class `None` itself (not 1 − the best intent's, when that is under the threshold). */
function noneScore(recognition: RecognitionLike): number {
  return recognition.intents.None?.score ?? 0;
}

export function wordCount(text: string): number {
  // The same message is counted five or six times in a first message's turn: the last count is kept.
  if (text !== lastCounted.text)
    lastCounted = { text, count: text.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length };
  return lastCounted.count;
}

let lastCounted = { text: '', count: 0 };

function values(step: WaterfallStepContext): RouteValues {
  return step.values as RouteValues;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The entities without the fields left undefined (`exactOptionalPropertyTypes`). */
function withoutUndefined(entities: RecognizedEntities): RecognizedEntities {
  return Object.fromEntries(
    Object.entries(entities).filter(([, value]) => value !== undefined),
  ) as RecognizedEntities;
}
