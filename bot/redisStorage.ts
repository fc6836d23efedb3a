import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type * as RedisModule from 'redis';
import type { Logger } from './logger';
import { redactUrlPassword } from './privacy';

export interface RedisStorageOptions {
  /** `redis://` or `rediss://` URL, credentials and database number included. */
  url: string;
  /** Prepended to every key, so that several applications can share one Redis database. */
  keyPrefix?: string;
  /** Items expire this many seconds after their last write; 0 keeps them forever. */
  ttlSeconds?: number;
  /** A command without an answer after this many milliseconds fails (default 2000): a frozen Redis cannot hang a turn. */
  commandTimeoutMs?: number;
  /** Connection events only: item contents (conversations) are never logged. */
  logger?: Pick<Logger, 'warn' | 'info'>;
}

/**
 * One atomic write of several items. Each item is a hash `{ e: eTag, v: JSON }`.
 * KEYS: the prefixed keys. ARGV[1]: TTL in seconds (0: none); then, per key, three values: the eTag the caller
 * read ('' when the write is unconditional: no eTag or '*'), the new eTag and the JSON of the item.
 * Every condition is checked before anything is written: the script returns the 1-based index of the first
 * conflicting key, or 0 when everything was written.
 */
const WRITE_SCRIPT = `
local ttl = tonumber(ARGV[1])
for i = 1, #KEYS do
  local expected = ARGV[2 + (i - 1) * 3]
  if expected ~= '' then
    local current = redis.call('HGET', KEYS[i], 'e')
    if current and current ~= expected then
      return i
    end
  end
end
for i = 1, #KEYS do
  local base = 2 + (i - 1) * 3
  redis.call('HSET', KEYS[i], 'e', ARGV[base + 1], 'v', ARGV[base + 2])
  if ttl > 0 then
    redis.call('EXPIRE', KEYS[i], ttl)
  else
    redis.call('PERSIST', KEYS[i])
  end
end
return 0
`;

export const DEFAULT_KEY_PREFIX = 'relais:';
export const DEFAULT_TTL_SECONDS = 30 * 24 * 3600;
export const DEFAULT_COMMAND_TIMEOUT_MS = 2000;

/** A Redis command that got no answer within the command timeout (a frozen or overloaded server). */
export class RedisTimeoutError extends Error {
  constructor(ms: number) {
    super(`Redis did not answer within ${ms} ms`);
    this.name = 'RedisTimeoutError';
  }
}

/** A readable message for a connection error (Node gives an empty message to an `AggregateError`). */
function describe(error: unknown): string {
  if (error instanceof AggregateError && !error.message) {
    return error.errors.map(describe).join('; ') || 'connection failed';
  }
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return error.message || code || error.name;
  }
  return String(error);
}

/**
 * A botbuilder `Storage` in Redis, for several processes serving the same bot. Same semantics as `MemoryStorage`:
 * items are JSON; a write carrying an eTag other than `*` succeeds only if it is the stored one (else it throws),
 * and every successful write gives the item a new eTag. A `write` of several items is all-or-nothing.
 *
 * The client connects with `connect()` (the start-up check: a Redis that cannot be reached fails at once), or on
 * first use. Once connected, a lost connection is retried in the background while operations fail immediately
 * (no offline queue), and a command without an answer fails after `commandTimeoutMs` (a Redis that accepts
 * connections but does not answer), so that a turn ends with the polite turn-error message rather than hanging.
 * Single-node Redis (or a cluster with all the keys of a write in one slot).
 */
export class RedisStorage implements Storage {
  private readonly client;
  readonly keyPrefix: string;
  private readonly ttlSeconds: number;
  private readonly logger?: Pick<Logger, 'warn' | 'info'>;
  readonly commandTimeoutMs: number;
  private connecting?: Promise<void>;
  private everReady = false;
  private closed = false;
  /** The URL without its password. */
  readonly safeUrl: string;

  constructor(options: RedisStorageOptions) {
    this.keyPrefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
    this.ttlSeconds = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
    this.logger = options.logger;
    this.safeUrl = redactUrlPassword(options.url);
    this.commandTimeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    // `redis` is loaded here, when a RedisStorage is made, not at start-up: without REDIS_URL the client library
    // (about 0.2 s of start-up) is never needed.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred load, typed by the import above.
    const { createClient } = require('redis') as typeof RedisModule;
    this.client = createClient({
      url: options.url,
      disableOfflineQueue: true,
      // The client's own timeout only covers commands not yet written; `command()` covers the answer too.
      commandOptions: { timeout: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS },
      socket: {
        connectTimeout: 5000,
        // Before the first successful connection: give up at once (start-up must fail clearly).
        // Afterwards: reconnect with a capped backoff.
        reconnectStrategy: (retries: number) =>
          this.everReady && !this.closed ? Math.min(100 * 2 ** retries, 3000) : false,
      },
    });
    // Without a listener, an 'error' event would crash the process.
    this.client.on('error', (error: unknown) => {
      if (this.everReady && !this.closed) {
        this.logger?.warn({ redis: this.safeUrl, error: describe(error) }, 'Redis connection error');
      }
    });
    this.client.on('ready', () => {
      if (this.everReady) this.logger?.info({ redis: this.safeUrl }, 'Redis connection restored');
      this.everReady = true;
    });
  }

  /** Connects (once); rejects with "Redis at <url> is unreachable: <cause>" when it cannot. */
  connect(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('Redis storage is closed'));
    this.connecting ??= this.client.connect().then(
      () => undefined,
      (error: unknown) => {
        this.connecting = undefined;
        throw new Error(`Redis at ${this.safeUrl} is unreachable: ${describe(error)}`);
      },
    );
    return this.connecting;
  }

  /**
   * The connected client, shared with the conversation lock and the rate limiter (one connection per process).
   * Same options: no offline queue, command timeout.
   */
  get redis() {
    return this.client;
  }

  /**
   * Runs commands on the connected client; rejects with `RedisTimeoutError` when Redis has not answered within
   * the command timeout. (A command already sent still runs if Redis wakes up; its answer is then ignored.)
   */
  async command<T>(run: (client: RedisStorage['client']) => Promise<T>): Promise<T> {
    await this.connect();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new RedisTimeoutError(this.commandTimeoutMs)), this.commandTimeoutMs);
    });
    try {
      return await Promise.race([run(this.client), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Resolves when Redis answers a PING (within the command timeout); rejects otherwise. */
  async ping(): Promise<void> {
    await this.command((client) => client.ping());
  }

  /** Closes the connection after the pending commands. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.client.isReady) await this.client.close();
    else if (this.client.isOpen) this.client.destroy(); // reconnecting: nothing pending to wait for
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const values = await this.command((client) =>
      Promise.all(keys.map((key) => client.hGet(this.keyPrefix + key, 'v'))),
    );
    const items: StoreItems = {};
    keys.forEach((key, i) => {
      const value = values[i];
      if (value !== null && value !== undefined) items[key] = JSON.parse(String(value)) as StoreItem;
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const keys = Object.keys(changes);
    if (keys.length === 0) return;
    const args: string[] = [String(this.ttlSeconds)];
    for (const key of keys) {
      const item = (changes[key] ?? {}) as StoreItem;
      const expected = typeof item.eTag === 'string' && item.eTag !== '*' ? item.eTag : '';
      const eTag = randomUUID();
      args.push(expected, eTag, JSON.stringify({ ...item, eTag }));
    }
    const conflict = Number(
      await this.command((client) =>
        client.eval(WRITE_SCRIPT, { keys: keys.map((key) => this.keyPrefix + key), arguments: args }),
      ),
    );
    if (conflict > 0) {
      throw new Error(`Storage: error writing "${keys[conflict - 1]}" due to eTag conflict.`);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys || keys.length === 0) return;
    await this.command((client) => client.del(keys.map((key) => this.keyPrefix + key)));
  }
}
