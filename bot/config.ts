import { z } from 'zod';
import { redactUrlPassword } from './privacy';

/**
 * Every setting of the service, read once from the environment (and an optional `.env`) and validated here.
 * Nothing below `bot/` reads `process.env`: the parsed `Config` is passed down.
 */
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

function isRedisUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Values that may hold a password are shown without it in error messages. */
function shown(name: string, raw: string): string {
  return name === 'REDIS_URL' ? redactUrlPassword(raw) : raw;
}

export const configSchema = z
  .object({
    PORT: z.coerce
      .number({ message: 'expected an integer between 0 and 65535' })
      .int('expected an integer between 0 and 65535')
      .min(0, 'expected an integer between 0 and 65535')
      .max(65535, 'expected an integer between 0 and 65535')
      .default(3978),
    /** Interface to listen on; empty: 127.0.0.1 without MicrosoftAppId, 0.0.0.0 with it (bot/exposure.ts). */
    HOST: optionalString,
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'expected one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    DEFAULT_LOCALE: z.enum(['fr', 'en'], { message: 'expected fr or en' }).default('fr'),
    MicrosoftAppId: optionalString,
    MicrosoftAppPassword: optionalString,
    MicrosoftAppType: z
      .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
        message: 'expected MultiTenant, SingleTenant or UserAssignedMSI',
      })
      .default('MultiTenant'),
    MicrosoftAppTenantId: optionalString,
    /** OpenID metadata URL of the channel tokens' signing keys; empty: the Bot Framework's public one (bot/auth.ts). */
    BotOpenIdMetadata: optionalString.refine((v) => v === undefined || isHttpUrl(v), {
      message: 'expected an http:// or https:// URL',
    }),
    /** A request to /api/messages still unanswered after this long gets a 504 (its turn goes on): bot/messages.ts. */
    REQUEST_DEADLINE_MS: z.coerce
      .number({ message: 'expected a number of milliseconds between 500 and 60000' })
      .int('expected a number of milliseconds between 500 and 60000')
      .min(500, 'expected a number of milliseconds between 500 and 60000')
      .max(60000, 'expected a number of milliseconds between 500 and 60000')
      .default(4500),
    /** Secret of an Azure Direct Line channel; when set, /api/webchat/token exchanges it with Azure. */
    DIRECT_LINE_SECRET: optionalString,
    /** Lifetime of the Web Chat tokens issued by the embedded Direct Line endpoint, in seconds. */
    DIRECT_LINE_TOKEN_TTL: z.coerce
      .number({ message: 'expected a number of seconds between 60 and 86400' })
      .int('expected a number of seconds between 60 and 86400')
      .min(60, 'expected a number of seconds between 60 and 86400')
      .max(86400, 'expected a number of seconds between 60 and 86400')
      .default(1800),
    /** New Web Chat conversations (tokens) one client address may open per minute. */
    WEBCHAT_TOKEN_RATE_LIMIT: z.coerce
      .number({ message: 'expected a number of requests per minute between 1 and 10000' })
      .int('expected a number of requests per minute between 1 and 10000')
      .min(1, 'expected a number of requests per minute between 1 and 10000')
      .max(10000, 'expected a number of requests per minute between 1 and 10000')
      .default(60),
    /** Secret used to sign Web Chat tokens; a random one is generated at start when empty. */
    TOKEN_SIGNING_SECRET: optionalString,
    /** Salt for the hashed conversation ids written to the logs. */
    LOG_HASH_SALT: z.string().default('relais-inde'),
    /** Redis shared by every instance (bot state and Web Chat conversations); empty: in-process memory. */
    REDIS_URL: optionalString.refine((v) => v === undefined || isRedisUrl(v), {
      message: 'expected a redis:// or rediss:// URL, e.g. redis://localhost:6379',
    }),
    /** Prefix of every key the bot writes in Redis. */
    REDIS_KEY_PREFIX: optionalString
      .refine((v) => v === undefined || /^[\x21-\x7e]{1,64}$/.test(v), {
        message: 'expected 1 to 64 printable characters without spaces',
      })
      .transform((v) => v ?? 'relais:'),
    /** Stored state (in Redis) expires this long after its last change; 0: never. */
    STATE_TTL_SECONDS: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.coerce
        .number({ message: 'expected a number of seconds between 0 (never) and 31536000' })
        .int('expected a number of seconds between 0 (never) and 31536000')
        .min(0, 'expected a number of seconds between 0 (never) and 31536000')
        .max(31536000, 'expected a number of seconds between 0 (never) and 31536000')
        .default(2592000),
    ),
    /** In-process state (no REDIS_URL): most entries kept, least recently used forgotten first. */
    MEMORY_STATE_MAX_ENTRIES: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.coerce
        .number({ message: 'expected an integer between 1 and 10000000' })
        .int('expected an integer between 1 and 10000000')
        .min(1, 'expected an integer between 1 and 10000000')
        .max(10_000_000, 'expected an integer between 1 and 10000000')
        .default(20_000),
    ),
    /** In-process state (no REDIS_URL): an entry neither read nor written for this long is forgotten; 0: never. */
    MEMORY_STATE_IDLE_SECONDS: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.coerce
        .number({ message: 'expected a number of seconds between 0 (never) and 31536000' })
        .int('expected a number of seconds between 0 (never) and 31536000')
        .min(0, 'expected a number of seconds between 0 (never) and 31536000')
        .max(31536000, 'expected a number of seconds between 0 (never) and 31536000')
        .default(7200),
    ),
    // --- operations (turn lock, Redis timeouts, proxy, shutdown): bot/turnLock.ts, bot/operations.ts
    /** A Redis command that has not answered after this many milliseconds fails (the turn gets the error message). */
    REDIS_COMMAND_TIMEOUT_MS: z.coerce
      .number({ message: 'expected a number of milliseconds between 100 and 60000' })
      .int('expected a number of milliseconds between 100 and 60000')
      .min(100, 'expected a number of milliseconds between 100 and 60000')
      .max(60000, 'expected a number of milliseconds between 100 and 60000')
      .default(2000),
    /** A conversation's lock (one turn at a time) expires this long after its holder died (renewed while it runs). */
    CONVERSATION_LOCK_TTL_MS: z.coerce
      .number({ message: 'expected a number of milliseconds between 300 and 300000' })
      .int('expected a number of milliseconds between 300 and 300000')
      .min(300, 'expected a number of milliseconds between 300 and 300000')
      .max(300000, 'expected a number of milliseconds between 300 and 300000')
      .default(10000),
    /** How long a turn waits for the previous turns of its conversation before it fails. */
    CONVERSATION_LOCK_WAIT_MS: z.coerce
      .number({ message: 'expected a number of milliseconds between 100 and 300000' })
      .int('expected a number of milliseconds between 100 and 300000')
      .min(100, 'expected a number of milliseconds between 100 and 300000')
      .max(300000, 'expected a number of milliseconds between 100 and 300000')
      .default(4000),
    /**
     * Number of reverse proxies (load balancers) in front of the bot that append the client's address to
     * `X-Forwarded-For`; 0: the header is ignored and the socket's address is the client's.
     */
    TRUST_PROXY: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.coerce
        .number({ message: 'expected a number of trusted proxies between 0 and 10' })
        .int('expected a number of trusted proxies between 0 and 10')
        .min(0, 'expected a number of trusted proxies between 0 and 10')
        .max(10, 'expected a number of trusted proxies between 0 and 10')
        .default(0),
    ),
    /** On SIGTERM, turns in flight get this long to finish before the process exits anyway. */
    SHUTDOWN_TIMEOUT_MS: z.coerce
      .number({ message: 'expected a number of milliseconds between 100 and 60000' })
      .int('expected a number of milliseconds between 100 and 60000')
      .min(100, 'expected a number of milliseconds between 100 and 60000')
      .max(60000, 'expected a number of milliseconds between 100 and 60000')
      .default(8000),
    // --- end operations
  })
  .superRefine((config, ctx) => {
    // A turn that waits for its conversation must give up (with the error message) before its HTTP request is
    // answered 504 by the deadline, or its reply would be lost while it still changes the conversation's state.
    if (config.CONVERSATION_LOCK_WAIT_MS >= config.REQUEST_DEADLINE_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['CONVERSATION_LOCK_WAIT_MS'],
        message: `must be shorter than REQUEST_DEADLINE_MS (${config.REQUEST_DEADLINE_MS} ms)`,
      });
    }
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; on error, throws one `ConfigError` whose message names each variable and what it expects. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const raw = env[name];
    const got = raw === undefined ? '' : ` (got "${shown(name, raw)}")`;
    return `Invalid configuration: ${name}: ${issue.message}${got}`;
  });
  throw new ConfigError(lines.join('\n'));
}
