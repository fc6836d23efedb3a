import {
  type Activity,
  ConversationState,
  MemoryStorage,
  type Storage,
  TestAdapter,
  UserState,
} from 'botbuilder';
import { renderActivities } from '../../bot/channels/textRenderer';
import { getRecognizer, normalize } from '../../nlu';
import { RelaisBot } from '../../bot/relaisBot';
import { MainDialog } from '../../dialogs/mainDialog';
import type {
  FeedbackSink,
  IntentRecognizer,
  MisunderstoodEvent,
  OutcomeSink,
  RecognitionLike,
} from '../../dialogs/ports';
import { type Knowledge, loadKnowledge } from '../../knowledge/loader';
import type { IntentName, PersonFacts } from '../../contract';
import { PersonFactsAccessor } from '../../bot/personFacts';

export const knowledge = loadKnowledge();

/** The project's recogniser, except that `text` is read as `reading` says (the rest of the real reading kept). */
export function readingAs(text: string, reading: Partial<RecognitionLike>): IntentRecognizer {
  const real = getRecognizer();
  return {
    recognize: (message) => {
      const result = real.recognize(message);
      return message === text ? { ...result, ...reading } : result;
    },
  };
}

export interface Reply {
  activities: Partial<Activity>[];
  /** Everything the person sees, as text: messages, card content, links, choices. */
  text: string;
  /** The titles of the choices offered (suggested actions). */
  choices: string[];
  /** Every URL of the cards' buttons. */
  links: string[];
}

/** One conversation with the real bot (recogniser, knowledge, dialogs) over the SDK's TestAdapter. */
export class TestConversation {
  readonly adapter: TestAdapter;
  readonly feedback: Array<{ intent: string; helpful: boolean }> = [];
  /** What the dialogs sent to the misunderstood inbox. */
  readonly inbox: MisunderstoodEvent[] = [];
  /** What the dialogs reported through their `OutcomeSink`, as `journey:<intent>:<outcome>`, `fallback:<step>`, `ambiguity:<a>/<b>`. */
  readonly outcomes: string[] = [];
  readonly conversationState: ConversationState;

  constructor(
    channelId = 'test',
    recognizerOverride?: IntentRecognizer,
    knowledgeOverride?: Knowledge,
    storage: Storage = new MemoryStorage(),
  ) {
    this.conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const recognizer = recognizerOverride ?? getRecognizer();
    const sink: FeedbackSink = {
      record: (e) => this.feedback.push({ intent: e.intent, helpful: e.helpful }),
    };
    const outcomes: OutcomeSink = {
      intent: () => undefined,
      journeyEnded: (e) => this.outcomes.push(`journey:${e.intent}:${e.outcome}`),
      fallback: (e) => this.outcomes.push(`fallback:${e.step}`),
      ambiguity: (e) => this.outcomes.push(`ambiguity:${e.first}/${e.second}`),
    };
    const dialog = new MainDialog({
      outcomes,
      recognizer,
      normalize,
      knowledge: knowledgeOverride ?? knowledge,
      feedback: sink,
      misunderstood: this.conversationState.createProperty<number>('misunderstood'),
      facts: new PersonFactsAccessor(this.conversationState.createProperty<PersonFacts | undefined>('facts')),
      inbox: { record: async (event) => void this.inbox.push(event) },
    });
    const bot = new RelaisBot({ conversationState: this.conversationState, userState, dialog, recognizer });
    this.adapter = new TestAdapter((context) => bot.run(context), { channelId, locale: 'fr-FR' });
  }

  async send(activity: string | Partial<Activity>): Promise<Reply> {
    await this.adapter.receiveActivity(activity);
    const activities = this.adapter.activeQueue.splice(0);
    const rendered = renderActivities(activities);
    return {
      activities,
      text: rendered.lines.join('\n'),
      choices: activities.flatMap(
        (a) => a.suggestedActions?.actions.map((action) => String(action.title)) ?? [],
      ),
      links: rendered.lines.flatMap((line) => line.match(/https?:\/\/\S+/g) ?? []),
    };
  }

  /** Sends several messages and returns the replies to the last one. */
  async sendAll(...texts: string[]): Promise<Reply> {
    let last: Reply | undefined;
    for (const text of texts) last = await this.send(text);
    if (!last) throw new Error('nothing sent');
    return last;
  }
}

/**
 * The real recogniser, except that `text` comes out hesitating between `first` and `second` (score 0.4), so that
 * the bot asks « Vous voulez parler de A ou de B ? ».
 */
export function hesitantRecognizer(text: string, first: IntentName, second: IntentName): IntentRecognizer {
  const real = getRecognizer();
  return {
    recognize: (message) =>
      message === text
        ? { ...real.recognize(message), topIntent: first, score: 0.4, ambiguous: { first, second } }
        : real.recognize(message),
  };
}
