import type { AddressInfo } from 'node:net';
import restify, { type Request, type Response, type Server } from 'restify';
import { registerAdmin } from './admin';
import type { BotApp } from './app';
import { type Config, loadConfig } from './config';
import { registerWebChat, type WebChatOptions } from './directline';
import { bindHost } from './exposure';
import type { Logger } from './logger';
import { createMessagesHandler } from './messages';
import { registerOperations } from './operations';

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * The restify server: the Bot Framework endpoint, a health check, a JSON 4xx for malformed requests, and the
 * Web Chat side (portal page, token endpoint, embedded Direct Line).
 */
export function createServer(
  app: BotApp,
  logger: Logger,
  config: Config = loadConfig({}),
  webChat: WebChatOptions = {},
): Server {
  const server = restify.createServer({ name: 'relais-inde', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser());
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));

  // Checks, authentication, relay protection, bounded turn: bot/messages.ts.
  server.post('/api/messages', createMessagesHandler(app, config, logger));

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });

  // --- operations (bot/operations.ts): `/readyz`, `/metrics`
  registerOperations(server, app);

  // --- Admin (ADMIN_TOKEN): the misunderstood inbox for `npm run nlu:review`
  registerAdmin(server, config, app.inbox, logger);

  // --- Web Chat (bot/directline/): `/`, `/web/*`, `/vendor/webchat.js`, `/api/webchat/token`, `/v3/directline/*`
  registerWebChat(server, app, config, logger, webChat);
  // --- end Web Chat

  server.on(
    'restifyError',
    (req: Request, _res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
      if ((err.statusCode ?? 500) >= 500)
        logger.error({ err, route: req.getRoute()?.path }, 'request failed');
      callback();
    },
  );
  return server;
}

/** Listens on `HOST`, or loopback in anonymous mode (bot/exposure.ts). */
export async function listen(
  server: Server,
  config: Pick<Config, 'PORT' | 'HOST' | 'MicrosoftAppId'>,
): Promise<RunningServer> {
  const bound = bindHost(config);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, bound, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = bound === '0.0.0.0' ? 'localhost' : bound;
  return {
    server,
    port: address.port,
    url: `http://${host}:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
