import { ConversationState, type Storage, UserState } from 'botbuilder';
import { MainDialog } from '../dialogs/mainDialog';
import type { IntentRecognizer } from '../dialogs/ports';
import { type Knowledge, loadKnowledge } from '../knowledge/loader';
import { createAdapter } from './adapter';
import { FeedbackRecorder } from './feedback';
import { type AgentKnowledge, createChannelHooks, createChannelMiddleware, lazyKnowledge } from './channels';
import type { Config } from './config';
import type { Logger } from './logger';
import { MisunderstoodInbox } from './misunderstood';
import { DefaultLocaleMiddleware, TraceFilterMiddleware, TurnLoggingMiddleware } from './middleware';
import { RelaisBot } from './relaisBot';
import { createStorage } from './storage';

export interface AppDeps {
  recognizer: IntentRecognizer;
  normalize: (text: string) => string;
  storage?: Storage;
  /** The validated knowledge base (default: `loadKnowledge()`, at start-up: invalid knowledge stops the bot). */
  knowledge?: Knowledge;
  /** The knowledge base agent mode reads on Teams (default: `loadKnowledge()`, on first use). */
  agentKnowledge?: () => AgentKnowledge;
}

/** Wires the adapter, middleware, state, dialogs and bot: everything but the HTTP server. */
export function createBotApp(config: Config, logger: Logger, deps: AppDeps) {
  const knowledge = deps.knowledge ?? loadKnowledge();
  const storage = deps.storage ?? createStorage(config, logger);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const adapter = createAdapter(config, logger);
  adapter.use(new DefaultLocaleMiddleware(config.DEFAULT_LOCALE));
  adapter.use(new TraceFilterMiddleware());
  adapter.use(new TurnLoggingMiddleware(logger, config.LOG_HASH_SALT));
  // channels: outgoing rendering (Teams cards, agent sources) and the hooks RelaisBot calls on each message.
  const agentKnowledge = lazyKnowledge(deps.agentKnowledge ?? (() => knowledge), (err) =>
    logger.error({ err }, 'knowledge base unavailable for agent mode'),
  );
  adapter.use(createChannelMiddleware(agentKnowledge));
  const channels = createChannelHooks(agentKnowledge);
  const feedback = new FeedbackRecorder(logger, config.LOG_HASH_SALT);
  // The misunderstood inbox lives in the same storage as the conversations (MISUNDERSTOOD_INBOX=false: none).
  const inbox = config.MISUNDERSTOOD_INBOX
    ? new MisunderstoodInbox(storage, {
        ttlDays: config.MISUNDERSTOOD_TTL_DAYS,
        salt: config.LOG_HASH_SALT,
        logger,
      })
    : undefined;
  const dialog = new MainDialog({
    recognizer: deps.recognizer,
    normalize: deps.normalize,
    knowledge,
    feedback,
    misunderstood: conversationState.createProperty<number>('misunderstood'),
    inbox,
  });
  const bot = new RelaisBot({ conversationState, userState, dialog, recognizer: deps.recognizer, channels });
  return { adapter, bot, storage, conversationState, userState, knowledge, feedback, inbox };
}

export type BotApp = ReturnType<typeof createBotApp>;
