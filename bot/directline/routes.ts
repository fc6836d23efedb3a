/**
 * The Direct Line 3.0 conversation routes: start a conversation, read it (and its stream URL), post and poll
 * activities. Every route authenticates the token of its conversation.
 */
import type { Request, Server } from 'restify';
import { bearer, type RouteDeps, send, streamOrigin } from './http';
import { DirectLineError } from './service';
import { StreamHub } from './stream';
import type { TokenClaims } from './token';
import { DIRECT_LINE_PATH } from './tokenExchange';

export function registerConversationRoutes(server: Server, deps: RouteDeps): void {
  const { service, store, handle, authenticate } = deps;

  /** What `POST /conversations` and `GET /conversations/:id` answer: the conversation and its stream. */
  const conversationInfo = (req: Request, claims: TokenClaims, token: string, watermark = '') => {
    const query = new URLSearchParams({ t: token, watermark });
    return {
      conversationId: claims.conv,
      token,
      expires_in: Math.max(0, claims.exp - Math.floor((deps.now ?? Date.now)() / 1000)),
      streamUrl: `${streamOrigin(req)}${StreamHub.path(claims.conv)}?${query.toString()}`,
    };
  };

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
}
