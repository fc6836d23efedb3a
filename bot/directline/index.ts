import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { PortalContextSchema } from '../../contract';
import type { BotApp } from '../app';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { type FetchLike, generateAzureToken } from './azure';
import { DirectLineError, DirectLineService } from './service';
import { registerStaticFiles, type StaticOptions } from './static';
import { ConversationStore } from './store';
import { StreamHub } from './stream';
import { type TokenClaims, TokenService } from './token';
import { rateLimit } from '../rateLimit';

export { DirectLineError, DirectLineService } from './service';
export { ConversationStore } from './store';
export { TokenService } from './token';

export const DIRECT_LINE_PATH = '/v3/directline';

export interface WebChatOptions extends StaticOptions {
  /** Clock in milliseconds (token issue and expiry), for tests. */
  now?: () => number;
  /** Token lifetime in seconds; `DIRECT_LINE_TOKEN_TTL` by default. */
  tokenTtlSeconds?: number;
  /** `fetch` used to reach Azure Direct Line when `DIRECT_LINE_SECRET` is set. */
  fetch?: FetchLike;
  /** How often an open stream re-reads the storage for activities appended by other instances. */
  streamPollMs?: number;
}

export interface WebChatEndpoint {
  service: DirectLineService;
  tokens: TokenService;
  streams: StreamHub;
}

const tokenRequestSchema = z
  .object({
    user: z
      .object({
        id: z
          .string()
          .regex(/^dl_[A-Za-z0-9_-]{1,64}$/, 'user.id must start with "dl_" (letters, digits, _ and -)')
          .optional(),
        name: z.string().trim().min(1).max(100).optional(),
      })
      .optional(),
    context: PortalContextSchema.optional(),
  })
  .optional();

type TokenRequest = z.infer<typeof tokenRequestSchema>;

function parseTokenRequest(body: unknown): TokenRequest {
  const result = tokenRequestSchema.safeParse(body === null ? undefined : body);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new DirectLineError(400, 'BadArgument', `${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  return result.data;
}

function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

function send(res: Response, status: number, body: unknown): void {
  res.header('Cache-Control', 'no-store');
  res.send(status, body);
}

/** The origin the browser used, for the `wss://` or `ws://` stream URL (behind a proxy: `X-Forwarded-Proto`). */
function streamOrigin(req: Request): string {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  const secure = proto ? proto === 'https' : req.isSecure();
  return `${secure ? 'wss' : 'ws'}://${req.headers.host ?? 'localhost'}`;
}

/**
 * Registers the Web Chat side of the bot on the restify server: the portal page and Web Chat's bundle, the token
 * endpoint the page calls (`POST /api/webchat/token`), and an embedded Direct Line 3.0 endpoint
 * (`/v3/directline/*`, REST and WebSocket stream) that runs the bot in-process, so no Azure is needed.
 */
export function registerWebChat(
  server: Server,
  app: BotApp,
  config: Config,
  logger: Logger,
  options: WebChatOptions = {},
): WebChatEndpoint {
  const tokens = new TokenService({
    secret: config.TOKEN_SIGNING_SECRET,
    ttlSeconds: options.tokenTtlSeconds ?? config.DIRECT_LINE_TOKEN_TTL,
    now: options.now,
  });
  const store = new ConversationStore(app.storage);
  const service = new DirectLineService({
    adapter: app.adapter,
    bot: app.bot,
    store,
    tokens,
    logger,
    defaultLocale: config.DEFAULT_LOCALE === 'en' ? 'en-US' : 'fr-FR',
  });
  const streams = new StreamHub(service, tokens, logger, options.streamPollMs);

  /** Runs a handler, answering `DirectLineError`s with their status and `{error: {code, message}}`. */
  const handle =
    (fn: (req: Request, res: Response) => Promise<void>) =>
    async (req: Request, res: Response): Promise<void> => {
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

  /** The token's claims; 401 without a valid token, 403 when expired or for another conversation. */
  const authenticate = (req: Request, conversationId?: string): TokenClaims => {
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

  /** What `POST /conversations` and `GET /conversations/:id` answer: the conversation and its stream. */
  const conversationInfo = (req: Request, claims: TokenClaims, token: string, watermark = '') => {
    const query = new URLSearchParams({ t: token, watermark });
    return {
      conversationId: claims.conv,
      token,
      expires_in: Math.max(0, claims.exp - Math.floor((options.now ?? Date.now)() / 1000)),
      streamUrl: `${streamOrigin(req)}${StreamHub.path(claims.conv)}?${query.toString()}`,
    };
  };

  const newConversation = async (body: unknown, withContext: boolean) => {
    const request = parseTokenRequest(body);
    const context = withContext ? request?.context : undefined;
    const created = await service.createConversation({
      userId: request?.user?.id,
      userName: request?.user?.name,
      context: context && Object.keys(context).length > 0 ? context : undefined,
    });
    return { created, contextDelivered: context !== undefined && Object.keys(context).length > 0 };
  };

  // The page's token endpoint: a token for ONE new conversation; no secret ever reaches the browser.
  const limit = rateLimit({ max: config.WEBCHAT_TOKEN_RATE_LIMIT, windowMs: 60_000, now: options.now });
  server.post(
    '/api/webchat/token',
    limit,
    handle(async (req, res) => {
      if (config.DIRECT_LINE_SECRET) {
        const request = parseTokenRequest(req.body);
        const user = {
          id: request?.user?.id ?? `dl_${randomUUID().replace(/-/g, '')}`,
          ...(request?.user?.name ? { name: request.user.name } : {}),
        };
        const azure = await generateAzureToken(config.DIRECT_LINE_SECRET, user, options.fetch).catch(
          (error: unknown) => {
            logger.error({ err: error }, 'could not get a token from Azure Direct Line');
            throw new DirectLineError(
              502,
              'DirectLineUnavailable',
              'Azure Direct Line did not give a token.',
            );
          },
        );
        send(res, 200, { ...azure, userId: user.id, mode: 'azure', contextDelivered: false });
        return;
      }
      const { created, contextDelivered } = await newConversation(req.body, true);
      send(res, 200, { ...created, mode: 'embedded', domain: DIRECT_LINE_PATH, contextDelivered });
    }),
  );

  // Direct Line 3.0, as Web Chat's `createDirectLine({ domain, token })` calls it.
  server.post(
    `${DIRECT_LINE_PATH}/tokens/generate`,
    limit,
    handle(async (req, res) => {
      const { created } = await newConversation(req.body, false);
      send(res, 200, {
        conversationId: created.conversationId,
        token: created.token,
        expires_in: created.expires_in,
      });
    }),
  );

  server.post(
    `${DIRECT_LINE_PATH}/tokens/refresh`,
    handle(async (req, res) => {
      const claims = authenticate(req);
      if (!(await store.get(claims.conv)))
        throw new DirectLineError(404, 'BadArgument', 'Conversation not found.');
      const issued = tokens.issue(claims.conv, claims.user, claims.name);
      send(res, 200, { conversationId: claims.conv, token: issued.token, expires_in: issued.expiresIn });
    }),
  );

  server.post(
    `${DIRECT_LINE_PATH}/conversations`,
    handle(async (req, res) => {
      const claims = authenticate(req);
      const created = await service.start(claims);
      send(res, created ? 201 : 200, conversationInfo(req, claims, bearer(req) ?? ''));
    }),
  );

  server.get(
    `${DIRECT_LINE_PATH}/conversations/:conversationId`,
    handle(async (req, res) => {
      const claims = authenticate(req, String(req.params.conversationId));
      if (!(await store.get(claims.conv)))
        throw new DirectLineError(404, 'BadArgument', 'Conversation not found.');
      const watermark = typeof req.query?.watermark === 'string' ? req.query.watermark : '';
      send(res, 200, conversationInfo(req, claims, bearer(req) ?? '', watermark));
    }),
  );

  server.post(
    `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`,
    handle(async (req, res) => {
      const claims = authenticate(req, String(req.params.conversationId));
      send(res, 200, await service.post(claims, req.body));
    }),
  );

  server.get(
    `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`,
    handle(async (req, res) => {
      const claims = authenticate(req, String(req.params.conversationId));
      const watermark = typeof req.query?.watermark === 'string' ? req.query.watermark : undefined;
      send(res, 200, await service.activities(claims.conv, watermark));
    }),
  );

  server.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    streams.handleUpgrade(req, socket, head);
  });
  // Open streams would keep `server.close()` waiting forever: end them when the server closes.
  const close = server.close.bind(server);
  server.close = ((callback?: () => void) => {
    streams.closeAll();
    return close(callback);
  }) as Server['close'];

  registerStaticFiles(server, options);
  return { service, tokens, streams };
}
