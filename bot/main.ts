import type { Storage } from 'botbuilder';
import { getRecognizer, normalize } from './recognizer';
import { createBotApp, type BotApp } from './app';
import type { Config } from './config';
import { createLogger, type Logger } from './logger';
import { createServer, listen, type RunningServer } from './server';

export interface StartedBot extends RunningServer {
  app: BotApp;
  logger: Logger;
}

/** Builds everything from a validated configuration and starts listening. Used by `index.ts` and the tests. */
export async function startBot(
  config: Config,
  options: { storage?: Storage; logger?: Logger } = {},
): Promise<StartedBot> {
  const logger = options.logger ?? createLogger(config);
  const app = createBotApp(config, logger, {
    recognizer: getRecognizer(),
    normalize,
    storage: options.storage,
  });
  const server = createServer(app, logger, config);
  const running = await listen(server, config);
  return { ...running, app, logger };
}
