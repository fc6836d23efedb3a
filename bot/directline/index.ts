import type { Server } from 'restify';
import type { BotApp } from '../app';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { authenticator, errorHandling } from './http';
import { registerConversationRoutes } from './routes';
import { DirectLineService } from './service';
import { registerStaticFiles, type StaticOptions } from './static';
import { ConversationStore } from './store';
import { attachStreams, StreamHub } from './stream';
import { TokenService } from './token';
import { registerTokenRoutes, type TokenExchangeOptions } from './tokenExchange';

export { DirectLineError, DirectLineService } from './service';
export { ConversationStore } from './store';
export { TokenService } from './token';
export { DIRECT_LINE_PATH } from './tokenExchange';

export interface WebChatOptions extends StaticOptions, TokenExchangeOptions {
  /** Clock in milliseconds (token issue and expiry), for tests. */
  now?: () => number;
  /** Token lifetime in seconds; `DIRECT_LINE_TOKEN_TTL` by default. */
  tokenTtlSeconds?: number;
  /** How often an open stream re-reads the storage for activities appended by other instances. */
  streamPollMs?: number;
}

export interface WebChatEndpoint {
  service: DirectLineService;
  tokens: TokenService;
  streams: StreamHub;
}

/**
 * Registers the Web Chat side of the bot on the restify server: the token exchange the page calls
 * (`POST /api/webchat/token`, tokenExchange.ts), an embedded Direct Line 3.0 endpoint (`/v3/directline/*`: REST
 * routes in routes.ts, WebSocket stream in stream.ts) that runs the bot in-process, so no Azure is needed, and
 * the portal page with Web Chat's bundle (static.ts).
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
  const deps = {
    service,
    store,
    tokens,
    logger,
    handle: errorHandling(logger),
    authenticate: authenticator(tokens),
    now: options.now,
  };
  registerTokenRoutes(server, config, deps, { ...options, redis: app.redis });
  registerConversationRoutes(server, deps);
  attachStreams(server, streams);
  registerStaticFiles(server, options);
  return { service, tokens, streams };
}
