import { timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Config } from './config';
import type { Logger } from './logger';
import type { InboxSource } from './misunderstood';

/** The bearer token of a request, if any. */
function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

function sameSecret(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Admin endpoints, only when `ADMIN_TOKEN` is set (otherwise they answer 404 like any unknown path), each
 * requiring `Authorization: Bearer <ADMIN_TOKEN>`:
 *   GET  /admin/misunderstood          → { items: InboxItem[] } (redacted texts), oldest first
 *   POST /admin/misunderstood/remove   { ids: string[] } → { removed: n }  (items an editor has filed)
 * This is how `npm run nlu:review --url …` reads the inbox of a bot that keeps its state in memory.
 * With the inbox switched off (`MISUNDERSTOOD_INBOX=false`) the list is empty.
 */
export function registerAdmin(
  server: Server,
  config: Pick<Config, 'ADMIN_TOKEN'>,
  inbox: InboxSource | undefined,
  logger: Logger,
): void {
  const token = config.ADMIN_TOKEN;
  if (!token) return;
  const guard = (req: Request, res: Response): boolean => {
    if (sameSecret(token, bearer(req))) return true;
    res.send(401, { error: 'A valid admin Bearer token is required.' });
    return false;
  };

  server.get('/admin/misunderstood', async (req: Request, res: Response) => {
    if (!guard(req, res)) return;
    res.send(200, { items: inbox ? await inbox.list() : [] });
  });

  server.post('/admin/misunderstood/remove', async (req: Request, res: Response) => {
    if (!guard(req, res)) return;
    const ids = (req.body as { ids?: unknown } | undefined)?.ids;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
      res.send(400, { error: 'expected { "ids": [string] }' });
      return;
    }
    const removed = inbox ? await inbox.remove(ids as string[]) : 0;
    logger.info({ removed }, 'misunderstood inbox: items filed');
    res.send(200, { removed });
  });
}
