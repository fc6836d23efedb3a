import type { StatePropertyAccessor, Storage, TurnContext } from 'botbuilder';
import type { PersonFacts } from '../contract';
import { SUPPORTED_LOCALES, translator } from '../dialogs/i18n';
import { MainDialog } from '../dialogs/mainDialog';
import type { IntentRecognizer } from '../dialogs/ports';
import { type Knowledge, loadKnowledge } from '../knowledge/loader';
import { createAdapter } from './adapter';
import { ButtonRecognition, OfferedButtonsMiddleware, buttonTexts } from './buttonRecognition';
import { FeedbackRecorder } from './feedback';
import { type AgentKnowledge, createChannelHooks, createChannelMiddleware, lazyKnowledge } from './channels';
import type { Config } from './config';
import type { Logger } from './logger';
import { MisunderstoodInbox } from './misunderstood';
import { PersonFactsAccessor } from './personFacts';
import {
  DefaultLocaleMiddleware,
  LongMessageMiddleware,
  PersonalDataMiddleware,
  ShownEntriesMiddleware,
  TraceFilterMiddleware,
  TurnLoggingMiddleware,
} from './middleware';
import { redact } from './privacy';
import { RelaisBot } from './relaisBot';
import { MeasuredStorage, Metrics, TurnMetricsMiddleware } from './metrics';
import { RedisStorage } from './redisStorage';
import { RelaisConversationState, RelaisUserState } from './state';
import { createStorage } from './storage';
import { createTurnGate } from './turnLock';

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
  const rawStorage = deps.storage ?? createStorage(config, logger);
  /** The Redis connection, when state is in Redis: also used by the turn lock and the rate limit. */
  const redis = rawStorage instanceof RedisStorage ? rawStorage : undefined;
  // One turn at a time per conversation (and across instances with Redis); counts turns in flight for shutdown.
  const turns = createTurnGate(
    redis,
    {
      lockTtlMs: config.CONVERSATION_LOCK_TTL_MS,
      waitMs: config.CONVERSATION_LOCK_WAIT_MS,
      onLockError: () => metrics.storageErrors.inc({ operation: 'lock' }),
    },
    logger,
  );
  const metrics = new Metrics(() => turns.active);
  const storage = new MeasuredStorage(rawStorage, metrics);
  const conversationState = new RelaisConversationState(storage);
  const userState = new RelaisUserState(storage);
  const adapter = createAdapter(config, logger);
  adapter.use(new TurnMetricsMiddleware(metrics));
  adapter.use(turns);
  adapter.use(new DefaultLocaleMiddleware(config.DEFAULT_LOCALE));
  // Personal data out of the message first (a long message's cut could leave half a number behind).
  adapter.use(new PersonalDataMiddleware());
  adapter.use(new LongMessageMiddleware(config.MESSAGE_MAX_CHARS));
  adapter.use(new TraceFilterMiddleware());
  // Clicks on the bot's own buttons are recognised once per button text (bot/buttonRecognition.ts).
  const recognizer = new ButtonRecognition(deps.recognizer);
  adapter.use(new OfferedButtonsMiddleware(recognizer));
  adapter.use(new TurnLoggingMiddleware(logger, config.LOG_HASH_SALT));
  // The entries of the last answer, for « source ? » (before the channel rendering removes them for Teams).
  const shownEntries = conversationState.createProperty<string[] | undefined>('shownEntries');
  adapter.use(new ShownEntriesMiddleware(shownEntries));
  // channels: outgoing rendering (Teams cards, agent sources) and the hooks RelaisBot calls on each message.
  const agentKnowledge = lazyKnowledge(deps.agentKnowledge ?? (() => knowledge), (err) =>
    logger.error({ err }, 'knowledge base unavailable for agent mode'),
  );
  adapter.use(createChannelMiddleware(agentKnowledge));
  const channels = createChannelHooks(agentKnowledge);
  const feedback = new FeedbackRecorder(logger, config.LOG_HASH_SALT, metrics);
  // The misunderstood inbox lives in the same storage as the conversations (MISUNDERSTOOD_INBOX=false: none).
  const inbox = config.MISUNDERSTOOD_INBOX
    ? new MisunderstoodInbox(storage, {
        ttlDays: config.MISUNDERSTOOD_TTL_DAYS,
        salt: config.LOG_HASH_SALT,
        logger,
      })
    : undefined;
  const dialog = new MainDialog({
    recognizer,
    normalize: deps.normalize,
    knowledge,
    feedback,
    outcomes: metrics,
    misunderstood: conversationState.createProperty<number>('misunderstood'),
    crisis: conversationState.createProperty<'self' | 'other' | undefined>('crisis'),
    lastRequest: redactedText(conversationState.createProperty<string | undefined>('lastRequest')),
    shownEntries,
    facts: new PersonFactsAccessor(conversationState.createProperty<PersonFacts | undefined>('facts')),
    inbox,
  });
  // The welcome's menu is offered to every newcomer, so its buttons count as offered from the start: a menu label
  // typed before any welcome was sent (the process's first turns, a client that sends no conversationUpdate) is
  // read once for all, as a click on it.
  for (const locale of SUPPORTED_LOCALES) {
    for (const activity of dialog.menu.welcome(translator(locale))) recognizer.offer(buttonTexts(activity));
  }
  const bot = new RelaisBot({ conversationState, userState, dialog, recognizer, channels });
  /** `stopping`: set on SIGTERM, so that `/readyz` tells the load balancer to send no more traffic. */
  const health = { stopping: false };
  return {
    adapter,
    bot,
    storage,
    redis,
    conversationState,
    userState,
    knowledge,
    feedback,
    inbox,
    turns,
    metrics,
    health,
  };
}

export type BotApp = ReturnType<typeof createBotApp>;

/** A text kept in conversation state without its personal data (NIR, IBAN, e-mail, phone: `privacy.ts`). */
function redactedText(
  property: StatePropertyAccessor<string | undefined>,
): StatePropertyAccessor<string | undefined> {
  return {
    get: (context: TurnContext, defaultValue?: string) =>
      defaultValue === undefined ? property.get(context) : property.get(context, defaultValue),
    set: (context, value) => property.set(context, value === undefined ? value : redact(value)),
    delete: (context) => property.delete(context),
  };
}
