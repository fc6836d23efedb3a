import type { BotApp } from './app';
import type { Logger } from './logger';
import type { RunningServer } from './server';

/**
 * A graceful stop (SIGTERM): `/readyz` answers 503 at once, the server stops accepting connections and closes
 * the Web Chat WebSockets, the turns in flight finish (at most `timeoutMs`), then idle keep-alive connections
 * are closed. The caller closes the storage (Redis) afterwards. Resolves false when it had to cut turns short.
 */
export async function stopGracefully(options: {
  app: Pick<BotApp, 'health' | 'turns'>;
  running: Pick<RunningServer, 'server' | 'close'>;
  logger: Pick<Logger, 'info' | 'warn'>;
  timeoutMs: number;
}): Promise<boolean> {
  const { app, running, logger, timeoutMs } = options;
  const http = running.server.server;
  app.health.stopping = true;
  const closed = running.close(); // no new connections; open streams are ended (bot/directline)
  const inFlight = app.turns.active;
  const drained = await app.turns.drain(timeoutMs);
  if (!drained) logger.warn({ turns: app.turns.active }, 'turns still running at shutdown: cut short');
  else if (inFlight > 0) logger.info({ turns: inFlight }, 'turns in flight finished');
  // Connections kept alive by clients would hold `close()` back: close them as soon as they are idle.
  let done = false;
  void closed.then(() => (done = true));
  const deadline = Date.now() + Math.max(500, timeoutMs / 4);
  while (!done) {
    if (Date.now() > deadline || !drained) http.closeAllConnections();
    else http.closeIdleConnections();
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 20))]);
  }
  return drained;
}
