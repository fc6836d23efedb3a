import type { Storage, StoreItems } from 'botbuilder';
import { readFrom, takeWriteJson } from './stateJson';

export interface BoundedMemoryStorageOptions {
  /** Most entries kept (a conversation's state, a user's state, a Web Chat conversation: one entry each). */
  maxEntries: number;
  /** An entry neither read nor written for this long is forgotten; 0: never. */
  idleSeconds: number;
  /** The clock, in milliseconds (tests pass their own). */
  now?: () => number;
}

interface Entry {
  key: string;
  /** The item's JSON without its eTag (bot/stateJson.ts: the state classes hand it over when they have it). */
  json: string;
  eTag: string;
  touched: number;
  /** The neighbours in use order: `older` towards the least recently used end, `newer` towards the other. */
  older: Entry | undefined;
  newer: Entry | undefined;
}

/**
 * The in-process state store, bounded so that memory stops growing: an entry idle for `idleSeconds` is forgotten
 * (the conversation then starts afresh), and beyond `maxEntries` the least recently used entries go first.
 * Same contract as the SDK's `MemoryStorage` (copies in and out, optimistic concurrency on `eTag`), but deleted
 * keys are really removed. Entries are found by key in a `Map` and kept in least-recently-used order in a list
 * linked through the entries themselves (a read or a write moves the entry to the newest end), so expiry and
 * eviction only ever look at the oldest end: O(1) per operation, no timer.
 *
 * The order is not the `Map`'s own insertion order (delete and set again at every use): once the store is full,
 * every turn evicts from the front of the `Map`, and V8 keeps a deleted slot in place until the table is rebuilt,
 * so finding the oldest entry skipped thousands of dead slots — 10 to 35 µs per turn measured at 20 000 entries
 * (bench/notes.md, fourth pass on the turn), the state store then costing more than the dialog machinery.
 */
export class BoundedMemoryStorage implements Storage {
  private readonly entries = new Map<string, Entry>();
  /** Least recently used end of the list (expired and evicted first). */
  private oldest: Entry | undefined;
  /** Most recently used end. */
  private newest: Entry | undefined;
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
      this.touch(entry, now);
      const item = JSON.parse(entry.json) as Record<string, unknown>;
      item.eTag = entry.eTag;
      readFrom(item, entry.json);
      items[key] = item;
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
      const json = takeWriteJson(item);
      const entry = this.entries.get(key);
      if (entry) {
        entry.json = json;
        entry.eTag = eTag;
        this.touch(entry, now);
      } else {
        const added: Entry = { key, json, eTag, touched: now, older: this.newest, newer: undefined };
        if (this.newest) this.newest.newer = added;
        else this.oldest = added;
        this.newest = added;
        this.entries.set(key, added);
      }
    }
    while (this.entries.size > this.maxEntries && this.oldest) this.remove(this.oldest);
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (entry) this.remove(entry);
    }
  }

  /** The entry under `key` unless it has expired (then it is removed). */
  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && this.idleMs > 0 && now - entry.touched >= this.idleMs) {
      this.remove(entry);
      return undefined;
    }
    return entry;
  }

  /** Moves the entry to the most recently used end. */
  private touch(entry: Entry, now: number): void {
    entry.touched = now;
    if (entry === this.newest) return;
    this.unlink(entry);
    entry.older = this.newest;
    entry.newer = undefined;
    if (this.newest) this.newest.newer = entry;
    else this.oldest = entry;
    this.newest = entry;
  }

  private remove(entry: Entry): void {
    this.entries.delete(entry.key);
    this.unlink(entry);
    entry.older = undefined;
    entry.newer = undefined;
  }

  private unlink(entry: Entry): void {
    if (entry.older) entry.older.newer = entry.newer;
    else if (this.oldest === entry) this.oldest = entry.newer;
    if (entry.newer) entry.newer.older = entry.older;
    else if (this.newest === entry) this.newest = entry.older;
  }

  /** Expired entries are all at the oldest end: drop them until a live one. */
  private sweepExpired(now: number): void {
    if (this.idleMs === 0) return;
    while (this.oldest && now - this.oldest.touched >= this.idleMs) this.remove(this.oldest);
  }
}
