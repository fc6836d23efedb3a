import { randomUUID } from 'node:crypto';
import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { Logger } from './logger';
import { RedisStorage } from './redisStorage';

/** A turn waited longer than `CONVERSATION_LOCK_WAIT_MS` for the turns before it in its conversation. */
export class TurnWaitTimeoutError extends Error {
  constructor(waitMs: number) {
    super(`the previous turns of this conversation did not end within ${waitMs} ms`);
    this.name = 'TurnWaitTimeoutError';
  }
}

/** Resolves with `promise`, or rejects with `TurnWaitTimeoutError` after `ms`. */
function within<T>(promise: Promise<T>, ms: number, waitMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TurnWaitTimeoutError(waitMs)), Math.max(0, ms));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs tasks one at a time per key, in the order they were submitted (a promise chain per key, dropped when the
 * line is empty). A task that gives up waiting leaves the line only when the task before it has ended, so the
 * task after it never runs alongside an earlier one.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /** Keys with a task running or waiting. */
  get size(): number {
    return this.tails.size;
  }

  async run<T>(key: string, task: () => Promise<T>, waitMs = Infinity): Promise<T> {
    const ahead = this.tails.get(key);
    const previous = ahead ?? Promise.resolve();
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const tail = previous.then(() => finished);
    this.tails.set(key, tail);
    const leave = () => {
      done();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
    try {
      // Nobody ahead (most turns): nothing to wait for, so no timer to arm.
      if (ahead !== undefined) {
        if (Number.isFinite(waitMs)) await within(previous, waitMs, waitMs);
        else await previous;
      }
    } catch (error) {
      void previous.then(leave);
      throw error;
    }
    try {
      return await task();
    } finally {
      leave();
    }
  }
}

/** Deletes the lock only if it still holds our token (it may have expired and been taken by another turn). */
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

/** Extends the lock only if it still holds our token. */
const EXTEND_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
`;

/**
 * A short per-conversation lock in Redis shared by every instance: `SET key token NX PX ttl`, retried with a
 * small backoff until it is free or the wait is over; extended every `ttlMs / 3` while its turn runs;
 * released with a compare-and-delete. If its holder dies, the lock expires after `ttlMs`.
 */
export class RedisConversationLock {
  constructor(
    private readonly storage: Pick<RedisStorage, 'command'>,
    private readonly keyPrefix: string,
    private readonly ttlMs: number,
  ) {}

  /** The Redis key of a conversation's lock. */
  key(conversation: string): string {
    return `${this.keyPrefix}lock:${conversation}`;
  }

  /** Waits for the lock (at most `waitMs`); resolves to its release function (true if it was still ours). */
  async acquire(conversation: string, waitMs: number): Promise<() => Promise<boolean>> {
    const redis = this.storage;
    const key = this.key(conversation);
    const token = randomUUID();
    const release = async () =>
      Number(
        await redis.command((client) => client.eval(RELEASE_SCRIPT, { keys: [key], arguments: [token] })),
      ) === 1;
    const deadline = Date.now() + waitMs;
    let pause = 2;
    for (;;) {
      let set: string | null;
      try {
        set = await redis.command((client) =>
          client.set(key, token, { condition: 'NX', expiration: { type: 'PX', value: this.ttlMs } }),
        );
      } catch (error) {
        // A command that timed out may still run when Redis wakes up: queue the release right behind it.
        release().catch(() => undefined);
        throw error;
      }
      if (set === 'OK') break;
      if (Date.now() >= deadline) throw new TurnWaitTimeoutError(waitMs);
      await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause));
      pause = Math.min(pause * 2, 40);
    }
    const heartbeat = setInterval(
      () => {
        redis
          .command((client) =>
            client.eval(EXTEND_SCRIPT, { keys: [key], arguments: [token, String(this.ttlMs)] }),
          )
          .catch(() => undefined);
      },
      Math.floor(this.ttlMs / 3),
    );
    heartbeat.unref();
    return () => {
      clearInterval(heartbeat);
      return release();
    };
  }
}

/** The conversation an activity belongs to (`channel/conversation id`), or undefined when it has none. */
export function conversationKey(activity: Partial<Activity>): string | undefined {
  const id = activity.conversation?.id;
  return id ? `${activity.channelId ?? ''}/${id}` : undefined;
}

export interface TurnGateOptions {
  /** Across instances (Redis); without it, turns are ordered within this process only. */
  lock?: RedisConversationLock;
  /** How long a turn may wait for its conversation's previous turns. */
  waitMs: number;
  logger?: Pick<Logger, 'warn'>;
  /** Called when Redis fails while taking the lock (unreachable, no answer in time). */
  onLockError?: (error: unknown) => void;
}

/**
 * One turn at a time per conversation, in arrival order. Within the process, the turns of a conversation queue
 * up (so two clicks or a channel retry are answered one after the other, each on the state the previous one
 * saved); across instances, the turn at the head of the line also takes the conversation's Redis lock. State is
 * loaded and saved inside the turn, so no update is lost. It also counts the turns in flight, for a graceful stop.
 */
export class TurnGate implements Middleware {
  private readonly queue = new KeyedQueue();
  private inFlight = 0;
  private idle: Array<() => void> = [];

  constructor(private readonly options: TurnGateOptions) {}

  /** Turns running or waiting. */
  get active(): number {
    return this.inFlight;
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const key = conversationKey(context.activity);
    this.inFlight += 1;
    try {
      if (!key) {
        await next();
        return;
      }
      const deadline = Date.now() + this.options.waitMs;
      await this.queue.run(
        key,
        async () => {
          const lock = this.options.lock;
          const release = lock
            ? await lock.acquire(key, deadline - Date.now()).catch((error: unknown) => {
                if (!(error instanceof TurnWaitTimeoutError)) this.options.onLockError?.(error);
                throw error;
              })
            : undefined;
          try {
            await next();
          } finally {
            if (release) {
              const stillOurs = await release().catch(() => false);
              if (!stillOurs) {
                this.options.logger?.warn('a turn outlived its conversation lock (CONVERSATION_LOCK_TTL_MS)');
              }
            }
          }
        },
        this.options.waitMs,
      );
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.idle.splice(0).forEach((resolve) => resolve());
    }
  }

  /** Resolves true once no turn is in flight, or false after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.inFlight === 0) return true;
    const idle = new Promise<void>((resolve) => this.idle.push(resolve));
    return within(idle, timeoutMs, timeoutMs).then(
      () => true,
      () => false,
    );
  }
}

/** The gate for this storage: with a `RedisStorage`, turns are also serialised across instances. */
export function createTurnGate(
  storage: unknown,
  settings: { lockTtlMs: number; waitMs: number; onLockError?: (error: unknown) => void },
  logger?: Pick<Logger, 'warn'>,
): TurnGate {
  const lock =
    storage instanceof RedisStorage
      ? new RedisConversationLock(storage, storage.keyPrefix, settings.lockTtlMs)
      : undefined;
  return new TurnGate({ lock, waitMs: settings.waitMs, logger, onLockError: settings.onLockError });
}
