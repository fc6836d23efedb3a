import type { Storage } from 'botbuilder';
import { BoundedMemoryStorage } from './boundedMemoryStorage';
import type { Config } from './config';
import type { Logger } from './logger';
import { RedisStorage } from './redisStorage';

export type StorageConfig = Partial<
  Pick<
    Config,
    | 'REDIS_URL'
    | 'REDIS_KEY_PREFIX'
    | 'STATE_TTL_SECONDS'
    | 'MEMORY_STATE_MAX_ENTRIES'
    | 'MEMORY_STATE_IDLE_SECONDS'
    | 'REDIS_COMMAND_TIMEOUT_MS'
  >
>;

/**
 * The state store shared by the bot (conversation and user state) and the embedded Direct Line endpoint.
 * In-process by default (`BoundedMemoryStorage`): nothing to install; an entry idle for
 * `MEMORY_STATE_IDLE_SECONDS` is forgotten and at most `MEMORY_STATE_MAX_ENTRIES` are kept (least recently used
 * go first), so memory stops growing.
 * With `REDIS_URL`: a `RedisStorage`, shared by every instance (see "Scaling out" in the README).
 */
export function createStorage(config: StorageConfig = {}, logger?: Logger): Storage {
  if (!config.REDIS_URL) {
    return new BoundedMemoryStorage({
      maxEntries: config.MEMORY_STATE_MAX_ENTRIES ?? 20_000,
      idleSeconds: config.MEMORY_STATE_IDLE_SECONDS ?? 7200,
    });
  }
  return new RedisStorage({
    url: config.REDIS_URL,
    keyPrefix: config.REDIS_KEY_PREFIX,
    ttlSeconds: config.STATE_TTL_SECONDS,
    commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
    logger,
  });
}

/** Opens the storage's connection, if it has one: fails (with a clear message) when its server is unreachable. */
export async function connectStorage(storage: Storage): Promise<void> {
  if (storage instanceof RedisStorage) await storage.connect();
}

/** Closes the storage's connection, if it has one. */
export async function closeStorage(storage: Storage): Promise<void> {
  if (storage instanceof RedisStorage) await storage.close();
}

/** Where the state lives, for the start-up log line (no credentials). */
export function describeStorage(storage: Storage): string {
  return storage instanceof RedisStorage ? `redis (${storage.safeUrl})` : 'memory';
}
