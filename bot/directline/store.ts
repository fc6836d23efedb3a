import { EventEmitter } from 'node:events';
import type { Activity, Storage } from 'botbuilder';
import type { PortalContext } from '../../contract';

/** One conversation of the embedded Direct Line endpoint, as kept in the bot's `Storage`. */
export interface ConversationRecord {
  id: string;
  userId: string;
  userName?: string;
  createdAt: string;
  /** False until a client called `POST /v3/directline/conversations` and the bot was told about the user. */
  started: boolean;
  /** Portal context given when the token was issued; sent to the bot as the first event. */
  context?: PortalContext;
  /** Every activity of the conversation, the user's and the bot's; a watermark is an index in this list. */
  activities: Partial<Activity>[];
  eTag?: string;
}

const KEY_PREFIX = 'directline-endpoint/conversations/';
const WRITE_ATTEMPTS = 8;

/** Runs async functions one at a time per key, within this process. */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(fn, fn);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await result;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

/**
 * The conversations and their activity logs, kept in the same `Storage` as the bot state so that several
 * instances sharing a storage serve the same conversations. Writes are optimistic (eTag) and retried on conflict;
 * within one process they are also serialised per conversation, which makes conflicts rare.
 */
export class ConversationStore {
  private readonly lock = new KeyedLock();
  /** Emits the conversation id whenever this process appends activities to it. */
  readonly appended = new EventEmitter();

  constructor(private readonly storage: Storage) {
    this.appended.setMaxListeners(0);
  }

  static key(id: string): string {
    return `${KEY_PREFIX}${id}`;
  }

  async get(id: string): Promise<ConversationRecord | undefined> {
    const key = ConversationStore.key(id);
    const items = await this.storage.read([key]);
    return items[key] as ConversationRecord | undefined;
  }

  async create(record: Omit<ConversationRecord, 'eTag'>): Promise<void> {
    await this.storage.write({ [ConversationStore.key(record.id)]: { ...record } });
  }

  /**
   * Reads the record, lets `change` modify it, and writes it back if the record has not changed meanwhile;
   * otherwise reads and tries again. `change` may run several times and must depend only on the record.
   * Resolves to `undefined` when the conversation does not exist.
   */
  async update<T>(id: string, change: (record: ConversationRecord) => T): Promise<T | undefined> {
    return this.lock.run(id, async () => {
      let lastError: unknown;
      for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
        const record = await this.get(id);
        if (!record) return undefined;
        const result = change(record);
        try {
          await this.storage.write({ [ConversationStore.key(id)]: record });
          return result;
        } catch (error) {
          lastError = error;
          await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));
        }
      }
      throw lastError;
    });
  }

  /** Appends activities, giving each its id (`<conversation>|<index>`); resolves to the stored copies. */
  async append(id: string, activities: Partial<Activity>[]): Promise<Partial<Activity>[] | undefined> {
    if (activities.length === 0) return [];
    const stored = await this.update(id, (record) =>
      activities.map((activity) => {
        const copy = { ...activity, id: `${id}|${String(record.activities.length).padStart(7, '0')}` };
        record.activities.push(copy);
        return copy;
      }),
    );
    if (stored) this.appended.emit('append', id);
    return stored;
  }
}
