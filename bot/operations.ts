import type { Request, Response, Server } from 'restify';
import type { BotApp } from './app';

/** A storage that takes longer than this to answer the readiness probe counts as down. */
const READY_PROBE_TIMEOUT_MS = 2000;

/**
 * Operations endpoints: `GET /readyz` (200 when the state storage answers, 503 when it does not or while the
 * process is stopping, so a load balancer sends its traffic elsewhere) and `GET /metrics` (Prometheus).
 * `GET /healthz` (the process is up) stays in `server.ts`.
 */
export function registerOperations(server: Server, app: BotApp): void {
  server.get('/readyz', async (_req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
    if (app.health.stopping) {
      res.send(503, { status: 'stopping' });
      return;
    }
    try {
      await probe(app);
      res.send(200, { status: 'ready', storage: app.redis ? 'redis' : 'memory' });
    } catch {
      res.send(503, { status: 'unavailable', storage: app.redis ? 'redis' : 'memory' });
    }
  });

  server.get('/metrics', async (_req: Request, res: Response) => {
    res.setHeader('content-type', app.metrics.contentType);
    res.sendRaw(200, await app.metrics.render());
  });
}

/** Resolves when the storage answers: a PING for Redis, a read for any other storage. */
async function probe(app: BotApp): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const check = app.redis
    ? app.redis.ping()
    : app.storage.read(['relais-readyz-probe']).then(() => undefined);
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('storage probe timed out')), READY_PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
