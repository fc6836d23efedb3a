import { ConversationState, type Storage, UserState } from 'botbuilder';
import { MainDialog } from '../dialogs/mainDialog';
import type { IntentRecognizer } from '../dialogs/ports';
import { createAdapter } from './adapter';
import type { Config } from './config';
import type { Logger } from './logger';
import { TraceFilterMiddleware, TurnLoggingMiddleware } from './middleware';
import { RelaisBot } from './relaisBot';
import { createStorage } from './storage';

export interface AppDeps {
  recognizer: IntentRecognizer;
  normalize: (text: string) => string;
  storage?: Storage;
}

/** Wires the adapter, middleware, state, dialogs and bot: everything but the HTTP server. */
export function createBotApp(config: Config, logger: Logger, deps: AppDeps) {
  const storage = deps.storage ?? createStorage();
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const adapter = createAdapter(config, logger);
  adapter.use(new TraceFilterMiddleware());
  adapter.use(new TurnLoggingMiddleware(logger, config.LOG_HASH_SALT));
  const dialog = new MainDialog({ recognizer: deps.recognizer, normalize: deps.normalize });
  const bot = new RelaisBot({ conversationState, userState, dialog, recognizer: deps.recognizer });
  return { adapter, bot, storage, conversationState, userState };
}

export type BotApp = ReturnType<typeof createBotApp>;
