import type { Storage, StoreItems } from 'botbuilder';

export interface BoundedMemoryStorageOptions {
  /** Most entries kept (a conversation's state, a user's state, a Web Chat conversation: one entry each). */
  maxEntries: number;
  /** An entry neither read nor written for this long is forgotten; 0: never. */
  idleSeconds: number;
  /** The clock, in milliseconds (tests pass their own). */
  now?: () => number;
}

interface Entry {
  json: string;
  eTag: string;
  touched: number;
}

/**
 * The in-process state store, bounded so that memory stops growing: an entry idle for `idleSeconds` is forgotten
 * (the conversation then starts afresh), and beyond `maxEntries` the least recently used entries go first.
 * Same contract as the SDK's `MemoryStorage` (copies in and out, optimistic concurrency on `eTag`), but deleted
 * keys are really removed. Entries live in a `Map` kept in least-recently-used order (a read or a write moves
 * the entry to the end), so expiry and eviction only ever look at the front: O(1) per operation, no timer.
 */
export class BoundedMemoryStorage implements Storage {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly idleMs: number;
  private readonly now: () => number;
  private nextETag = 1;

  constructor(options: BoundedMemoryStorageOptions) {
    if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) {
      throw new RangeError('maxEntries must be a positive integer');
    }
    this.maxEntries = options.maxEntries;
    this.idleMs = Math.max(0, options.idleSeconds) * 1000;
    this.now = options.now ?? Date.now;
  }

  /** How many entries are held now (expired ones not yet swept included). */
  get size(): number {
    return this.entries.size;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const now = this.now();
    this.sweepExpired(now);
    const items: StoreItems = {};
    for (const key of keys) {
      const entry = this.live(key, now);
      if (!entry) continue;
      this.touch(key, entry, now);
      items[key] = JSON.parse(entry.json);
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const now = this.now();
    this.sweepExpired(now);
    const items = Object.entries(changes) as [string, Record<string, unknown>][];
    // All or nothing: every eTag is checked before anything is written.
    for (const [key, item] of items) {
      const old = this.live(key, now);
      const wanted = item.eTag;
      if (old && typeof wanted === 'string' && wanted !== '*' && wanted !== old.eTag) {
        throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      }
    }
    for (const [key, item] of items) {
      const eTag = String(this.nextETag++);
      this.touch(key, { json: JSON.stringify({ ...item, eTag }), eTag, touched: now }, now);
    }
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }

  /** The entry under `key` unless it has expired (then it is removed). */
  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && this.idleMs > 0 && now - entry.touched >= this.idleMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Moves the entry to the most recently used end. */
  private touch(key: string, entry: Entry, now: number): void {
    entry.touched = now;
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  /** Expired entries are all at the front (least recently used first): drop them until a live one. */
  private sweepExpired(now: number): void {
    if (this.idleMs === 0) return;
    for (const [key, entry] of this.entries) {
      if (now - entry.touched < this.idleMs) break;
      this.entries.delete(key);
    }
  }
}
