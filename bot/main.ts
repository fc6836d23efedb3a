import type { Storage } from 'botbuilder';
import { getRecognizer, normalize } from '../nlu';
import { type AppDeps, createBotApp, type BotApp } from './app';
import type { Config } from './config';
import { warnAboutExposure } from './exposure';
import { createLogger, type Logger } from './logger';
import { createServer, listen, type RunningServer } from './server';
import { stopGracefully } from './shutdown';
import { closeStorage, connectStorage, createStorage, describeStorage } from './storage';

export interface StartedBot extends RunningServer {
  app: BotApp;
  logger: Logger;
}

/**
 * Builds everything from a validated configuration and starts listening. Used by `index.ts` and the tests.
 * Without `options.storage`, the storage comes from the configuration (Redis when `REDIS_URL` is set): it is
 * connected first — an unreachable Redis stops the start — and closed by `close()`. `options.recognizer`: another
 * recogniser than the default one (e.g. trained on other files, for an evaluation).
 */
export async function startBot(
  config: Config,
  options: { storage?: Storage; logger?: Logger; recognizer?: AppDeps['recognizer'] } = {},
): Promise<StartedBot> {
  const logger = options.logger ?? createLogger(config);
  warnAboutExposure(config, logger);
  const owned = options.storage ? undefined : createStorage(config, logger);
  if (owned) {
    await connectStorage(owned);
    logger.info({ storage: describeStorage(owned) }, 'state storage ready');
  }
  try {
    const app = createBotApp(config, logger, {
      recognizer: options.recognizer ?? getRecognizer(),
      normalize,
      storage: options.storage ?? owned,
    });
    const server = createServer(app, logger, config);
    const running = await listen(server, config);
    const close = async () => {
      try {
        await stopGracefully({ app, running, logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
      } finally {
        if (owned) await closeStorage(owned);
      }
    };
    return { ...running, close, app, logger };
  } catch (error) {
    if (owned) await closeStorage(owned);
    throw error;
  }
}
