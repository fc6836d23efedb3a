/**
 * Token exchange: the page's `POST /api/webchat/token` (a token for ONE new conversation; with
 * `DIRECT_LINE_SECRET`, one from Azure Direct Line instead; no secret ever reaches the browser), and Direct Line's
 * `POST /tokens/generate` and `POST /tokens/refresh`.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'restify';
import { z } from 'zod';
import { PortalContextSchema } from '../../contract';
import type { Config } from '../config';
import { rateLimit } from '../rateLimit';
import type { RedisStorage } from '../redisStorage';
import { type FetchLike, generateAzureToken } from './azure';
import { type RouteDeps, send } from './http';
import { DirectLineError } from './service';

export const DIRECT_LINE_PATH = '/v3/directline';

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

export interface TokenExchangeOptions {
  /** `fetch` used to reach Azure Direct Line when `DIRECT_LINE_SECRET` is set. */
  fetch?: FetchLike;
  /** The Redis connection, when state is in Redis: the rate limit's counters are then shared by every instance. */
  redis?: RedisStorage;
}

export function registerTokenRoutes(
  server: Server,
  config: Config,
  deps: RouteDeps,
  options: TokenExchangeOptions = {},
): void {
  const { service, store, tokens, logger, handle, authenticate } = deps;

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

  // Per client address (TRUST_PROXY: from X-Forwarded-For), shared by every instance when Redis is on.
  const limit = rateLimit({
    name: 'webchat-token',
    points: config.WEBCHAT_TOKEN_RATE_LIMIT,
    durationSeconds: 60,
    trustProxy: config.TRUST_PROXY,
    redis: options.redis,
    logger,
  });
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
}
