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

/** A whole number read from the environment; every way to miss says "expected <what> between <min> and <max>". */
function intBetween(what: string, min: number, max: number, minLabel = String(min)) {
  const message = `expected ${what} between ${minLabel} and ${max}`;
  return z.coerce.number({ message }).int(message).min(min, message).max(max, message);
}

/** An empty value (`KEY=` in `.env`) counts as unset, so that the setting's default applies. */
function blankAsUnset<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);
}

/** Values that may hold a password are shown without it in error messages. */
function shown(name: string, raw: string): string {
  if (name === 'ADMIN_TOKEN') return '***';
  return name === 'REDIS_URL' ? redactUrlPassword(raw) : raw;
}

export const configSchema = z
  .object({
    PORT: intBetween('an integer', 0, 65535).default(3978),
    /** Interface to listen on; empty: 127.0.0.1 without MicrosoftAppId, 0.0.0.0 with it (bot/exposure.ts). */
    HOST: optionalString,
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'expected one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    DEFAULT_LOCALE: z.enum(['fr', 'en'], { message: 'expected fr or en' }).default('fr'),
    /**
     * A message longer than this is read up to this many characters (the person is told so): the recogniser, the
     * stored state and the inbox never hold more (a 250 KB paste would otherwise be kept twice per conversation).
     */
    MESSAGE_MAX_CHARS: blankAsUnset(intBetween('a number of characters', 500, 100000).default(5000)),
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
    REQUEST_DEADLINE_MS: intBetween('a number of milliseconds', 500, 60000).default(4500),
    /** Secret of an Azure Direct Line channel; when set, /api/webchat/token exchanges it with Azure. */
    DIRECT_LINE_SECRET: optionalString,
    /** Lifetime of the Web Chat tokens issued by the embedded Direct Line endpoint, in seconds. */
    DIRECT_LINE_TOKEN_TTL: intBetween('a number of seconds', 60, 86400).default(1800),
    /** New Web Chat conversations (tokens) one client address may open per minute. */
    WEBCHAT_TOKEN_RATE_LIMIT: intBetween('a number of requests per minute', 1, 10000).default(60),
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
    STATE_TTL_SECONDS: blankAsUnset(
      intBetween('a number of seconds', 0, 31536000, '0 (never)').default(2592000),
    ),
    /** In-process state (no REDIS_URL): most entries kept, least recently used forgotten first. */
    MEMORY_STATE_MAX_ENTRIES: blankAsUnset(intBetween('an integer', 1, 10000000).default(20_000)),
    /** In-process state (no REDIS_URL): an entry neither read nor written for this long is forgotten; 0: never. */
    MEMORY_STATE_IDLE_SECONDS: blankAsUnset(
      intBetween('a number of seconds', 0, 31536000, '0 (never)').default(7200),
    ),
    // --- operations (turn lock, Redis timeouts, proxy, shutdown): bot/turnLock.ts, bot/operations.ts
    /** A Redis command that has not answered after this many milliseconds fails (the turn gets the error message). */
    REDIS_COMMAND_TIMEOUT_MS: intBetween('a number of milliseconds', 100, 60000).default(2000),
    /** A conversation's lock (one turn at a time) expires this long after its holder died (renewed while it runs). */
    CONVERSATION_LOCK_TTL_MS: intBetween('a number of milliseconds', 300, 300000).default(10000),
    /**
     * How long a turn waits for the previous turns of its conversation before it fails; unset: 4000 ms, or
     * 500 ms less than REQUEST_DEADLINE_MS when that is shorter (see the check below).
     */
    CONVERSATION_LOCK_WAIT_MS: blankAsUnset(intBetween('a number of milliseconds', 100, 300000).optional()),
    /**
     * Number of reverse proxies (load balancers) in front of the bot that append the client's address to
     * `X-Forwarded-For`; 0: the header is ignored and the socket's address is the client's.
     */
    TRUST_PROXY: blankAsUnset(intBetween('a number of trusted proxies', 0, 10).default(0)),
    /** On SIGTERM, turns in flight get this long to finish before the process exits anyway. */
    SHUTDOWN_TIMEOUT_MS: intBetween('a number of milliseconds', 100, 60000).default(8000),
    // --- end operations
    /** Keep the messages the bot did not understand for the editors (`npm run nlu:review`); false: keep nothing. */
    MISUNDERSTOOD_INBOX: blankAsUnset(
      z
        .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'], { message: 'expected true or false' })
        .default('true')
        .transform((v) => ['true', '1', 'on', 'yes'].includes(v)),
    ),
    /** Days a misunderstood message is kept before it is deleted. */
    MISUNDERSTOOD_TTL_DAYS: blankAsUnset(intBetween('a number of days', 1, 365).default(30)),
    /** Bearer token of the admin endpoints (`/admin/misunderstood`); empty: those endpoints do not exist. */
    ADMIN_TOKEN: optionalString.refine((v) => v === undefined || v.length >= 16, {
      message: 'expected at least 16 characters',
    }),
  })
  // A turn that waits for its conversation must give up (with the error message) before its HTTP request is
  // answered 504 by the deadline, or its reply would be lost while it still changes the conversation's state.
  .superRefine((config, ctx) => {
    const wait = config.CONVERSATION_LOCK_WAIT_MS;
    if (wait !== undefined && wait >= config.REQUEST_DEADLINE_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['CONVERSATION_LOCK_WAIT_MS'],
        message: `must be shorter than REQUEST_DEADLINE_MS (${config.REQUEST_DEADLINE_MS} ms)`,
      });
    }
  })
  .transform((config) => ({
    ...config,
    CONVERSATION_LOCK_WAIT_MS:
      config.CONVERSATION_LOCK_WAIT_MS ?? Math.max(100, Math.min(4000, config.REQUEST_DEADLINE_MS - 500)),
  }));

export type Config = z.output<typeof configSchema>;

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
