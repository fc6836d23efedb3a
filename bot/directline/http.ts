/**
 * What every Web Chat route shares: answering (no caching), reading the Bearer token and checking it, turning a
 * `DirectLineError` into its HTTP answer, and the origin of the WebSocket stream.
 */
import type { Request, Response } from 'restify';
import type { Logger } from '../logger';
import { DirectLineError, type DirectLineService } from './service';
import type { ConversationStore } from './store';
import type { TokenClaims, TokenService } from './token';

export function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

export function send(res: Response, status: number, body: unknown): void {
  res.header('Cache-Control', 'no-store');
  res.send(status, body);
}

/** The origin the browser used, for the `wss://` or `ws://` stream URL (behind a proxy: `X-Forwarded-Proto`). */
export function streamOrigin(req: Request): string {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  const secure = proto ? proto === 'https' : req.isSecure();
  return `${secure ? 'wss' : 'ws'}://${req.headers.host ?? 'localhost'}`;
}

export type Handler = (req: Request, res: Response) => Promise<void>;

/** Wraps a handler so that `DirectLineError`s answer with their status and `{error: {code, message}}`. */
export function errorHandling(logger: Logger): (fn: Handler) => Handler {
  return (fn) => async (req, res) => {
    try {
      await fn(req, res);
    } catch (error) {
      if (error instanceof DirectLineError) {
        send(res, error.status, { error: { code: error.code, message: error.message } });
        return;
      }
      logger.error({ err: error, route: req.getRoute()?.path }, 'web chat request failed');
      send(res, 500, { error: { code: 'ServiceError', message: 'Internal error.' } });
    }
  };
}

/** The token's claims; 401 without a valid token, 403 when expired or for another conversation. */
export function authenticator(tokens: TokenService): (req: Request, conversationId?: string) => TokenClaims {
  return (req, conversationId) => {
    const token = bearer(req);
    if (!token) throw new DirectLineError(401, 'Unauthorized', 'A Bearer token is required.');
    const check = tokens.verify(token);
    if (!check.ok && check.reason === 'expired') {
      throw new DirectLineError(403, 'TokenExpired', 'The token has expired.');
    }
    if (!check.ok) throw new DirectLineError(401, 'Unauthorized', 'The token is not valid.');
    if (conversationId !== undefined && check.claims.conv !== conversationId) {
      throw new DirectLineError(403, 'Forbidden', 'The token does not grant access to this conversation.');
    }
    return check.claims;
  };
}

/** What the route modules need: the services, the options, and the shared wrappers above. */
export interface RouteDeps {
  service: DirectLineService;
  store: ConversationStore;
  tokens: TokenService;
  logger: Logger;
  handle: (fn: Handler) => Handler;
  authenticate: (req: Request, conversationId?: string) => TokenClaims;
  /** Clock in milliseconds (tests). */
  now?: () => number;
}
