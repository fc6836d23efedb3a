import type { AddressInfo } from 'node:net';
import restify, { type Request, type Response, type Server } from 'restify';
import type { BotApp } from './app';
import type { Config } from './config';
import type { Logger } from './logger';

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** The restify server: the Bot Framework endpoint, a health check, and a JSON 4xx for malformed requests. */
export function createServer(app: BotApp, logger: Logger): Server {
  const server = restify.createServer({ name: 'relais-inde', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser());
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
      res.send(400, { error: 'The body must be a JSON Bot Framework activity.' });
      return;
    }
    await app.adapter.process(req, res, (context) => app.bot.run(context));
  });

  server.get('/healthz', (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });

  server.on(
    'restifyError',
    (req: Request, res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
      if ((err.statusCode ?? 500) >= 500)
        logger.error({ err, route: req.getRoute()?.path }, 'request failed');
      callback();
    },
  );
  return server;
}

export async function listen(server: Server, config: Pick<Config, 'PORT' | 'HOST'>): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  return {
    server,
    port: address.port,
    url: `http://${host}:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
