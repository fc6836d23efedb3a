import type { IncomingMessage } from 'node:http';
import type { Next, Request, Response } from 'restify';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  RLWrapperTimeouts,
} from 'rate-limiter-flexible';
import type { Logger } from './logger';
import type { RedisStorage } from './redisStorage';

export interface RateLimitOptions {
  /** Requests allowed per client in one window. */
  points: number;
  /** Length of the window, in seconds. */
  durationSeconds: number;
  /** Name of the limit, part of its keys (`<prefix>ratelimit:<name>:<client>` in Redis). */
  name: string;
  /** Reverse proxies in front of the service that append the client's address to `X-Forwarded-For` (0: none). */
  trustProxy: number;
  /** With Redis, every instance counts in the same buckets; without, each process counts alone. */
  redis?: Pick<RedisStorage, 'redis' | 'keyPrefix' | 'commandTimeoutMs'>;
  logger?: Pick<Logger, 'warn'>;
}

/**
 * The client's address. Without trusted proxies it is the socket's peer. Behind `trustProxy` proxies, each of
 * which appends the address it received the request from to `X-Forwarded-For`, it is the entry that many
 * places from the right of (header entries…, socket peer): entries further left were written by the client and
 * may be forged, so they are never used.
 */
export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustProxy: number): string {
  const peer = req.socket?.remoteAddress ?? 'unknown';
  if (trustProxy <= 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustProxy)];
}

/**
 * A per-client fixed-window limit for routes that create resources, such as the Web Chat token endpoint, built
 * on `rate-limiter-flexible`: past `points` requests in the window, the client gets 429 with `Retry-After`.
 * With Redis the counters are shared by every instance; if Redis fails or does not answer within the command
 * timeout, each instance falls back to counting in memory (the limit still applies, per instance) rather than
 * refusing or letting everything through.
 */
export function rateLimit(options: RateLimitOptions) {
  const memory = new RateLimiterMemory({
    points: options.points,
    duration: options.durationSeconds,
    keyPrefix: options.name,
  });
  const limiter: RateLimiterAbstract | RLWrapperTimeouts = options.redis
    ? new RLWrapperTimeouts({
        limiter: new RateLimiterRedis({
          storeClient: options.redis.redis,
          useRedisPackage: true,
          rejectIfRedisNotReady: true,
          points: options.points,
          duration: options.durationSeconds,
          keyPrefix: `${options.redis.keyPrefix}ratelimit:${options.name}`,
        }),
        timeoutMs: options.redis.commandTimeoutMs,
        insuranceLimiter: memory,
      })
    : memory;

  return (req: Request, res: Response, next: Next): void => {
    const key = clientAddress(req, options.trustProxy);
    limiter.consume(key).then(
      () => next(),
      (rejection: unknown) => {
        if (rejection instanceof RateLimiterRes) {
          res.setHeader('Retry-After', String(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))));
          res.send(429, {
            error: { code: 'TooManyRequests', message: 'Too many requests, try again later.' },
          });
          next(false);
          return;
        }
        // Neither Redis nor the fallback could count: serve the request rather than fail it.
        options.logger?.warn({ err: rejection }, 'rate limit unavailable');
        next();
      },
    );
  };
}
