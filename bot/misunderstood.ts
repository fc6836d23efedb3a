import { randomBytes } from 'node:crypto';
import type { Storage, StoreItem } from 'botbuilder';
import { z } from 'zod';
import { MISUNDERSTOOD_REASONS, type MisunderstoodEvent, type MisunderstoodSink } from '../dialogs/ports';
import { hashId, type Logger } from './logger';
import { redact } from './privacy';

/**
 * The misunderstood inbox, kept in the bot's `Storage` (memory or Redis, the one that holds the conversations).
 *
 * Layout: one item per day, `misunderstood/day/<YYYY-MM-DD>` = `{ items: InboxItem[] }`, written with eTag
 * checks (several instances may write the same day). Retention is bounded: an item older than `ttlDays` is
 * never returned, and the days past the retention are deleted (at the first write of each day, and by
 * `prune()`, which `npm run nlu:review` calls). Texts are redacted (NIR, IBAN, e-mail, phone) before they are
 * stored; conversation ids are hashed.
 */
export const inboxItemSchema = z.object({
  /** `<day>.<random>`: the day names the storage item that holds it. */
  id: z.string().regex(/^\d{4}-\d{2}-\d{2}\.[0-9a-f]{12}$/),
  /** ISO time the message was received. */
  at: z.string(),
  text: z.string(),
  reason: z.enum(MISUNDERSTOOD_REASONS),
  guesses: z.array(z.object({ intent: z.string(), score: z.number() })),
  answeredIntent: z.string().optional(),
  locale: z.string().optional(),
  /** Hashed conversation id: lets an editor see that two messages came from one conversation, nothing more. */
  conversation: z.string(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

const dayDocumentSchema = z.object({ items: z.array(inboxItemSchema) });

const KEY_PREFIX = 'misunderstood/day/';
const DAY_MS = 24 * 3600 * 1000;
/** At most this many items a day are kept (a flood of nonsense must not grow one storage item without bound). */
export const MAX_ITEMS_PER_DAY = 2000;
/** How far back past the retention `prune()` looks for days to delete. */
const PRUNE_SPAN_DAYS = 400;
const WRITE_ATTEMPTS = 5;

export interface InboxOptions {
  /** Items are kept this many days. */
  ttlDays: number;
  /** Salt of the conversation hash (the logs' salt). */
  salt: string;
  logger?: Pick<Logger, 'warn'>;
  /** The clock (tests move it). */
  now?: () => Date;
}

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Reads, removes and expires inbox items: what the review tool and the admin endpoint need. */
export interface InboxSource {
  list(): Promise<InboxItem[]>;
  remove(ids: readonly string[]): Promise<number>;
}

export class MisunderstoodInbox implements MisunderstoodSink, InboxSource {
  private readonly now: () => Date;
  private prunedDay?: string;

  constructor(
    private readonly storage: Storage,
    private readonly options: InboxOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** The day keys still inside the retention, oldest first. */
  private liveDays(now: Date): string[] {
    const days: string[] = [];
    for (let i = this.options.ttlDays; i >= 0; i--) days.push(dayOf(new Date(now.getTime() - i * DAY_MS)));
    return days;
  }

  private isLive(item: InboxItem, now: Date): boolean {
    return now.getTime() - Date.parse(item.at) < this.options.ttlDays * DAY_MS;
  }

  async record(event: MisunderstoodEvent): Promise<void> {
    const text = redact(event.text).trim();
    if (!text) return;
    const now = this.now();
    const day = dayOf(now);
    const item: InboxItem = {
      id: `${day}.${randomBytes(6).toString('hex')}`,
      at: now.toISOString(),
      text,
      reason: event.reason,
      guesses: event.guesses.map((g) => ({ intent: g.intent, score: g.score })),
      ...(event.answeredIntent ? { answeredIntent: event.answeredIntent } : {}),
      ...(event.locale ? { locale: event.locale } : {}),
      conversation: hashId(event.conversation, this.options.salt),
    };
    try {
      await this.update(day, (items) => (items.length >= MAX_ITEMS_PER_DAY ? items : [...items, item]));
      if (this.prunedDay !== day) {
        this.prunedDay = day;
        await this.prune();
      }
    } catch (err) {
      // The inbox must never break a conversation; the text is not logged.
      this.options.logger?.warn({ err: (err as Error).message }, 'misunderstood inbox: write failed');
    }
  }

  /** Every live item, oldest first. */
  async list(): Promise<InboxItem[]> {
    const now = this.now();
    const keys = this.liveDays(now).map((d) => KEY_PREFIX + d);
    const stored = await this.storage.read(keys);
    return keys
      .flatMap((key) => {
        const parsed = dayDocumentSchema.safeParse(stored[key]);
        return parsed.success ? parsed.data.items : [];
      })
      .filter((item) => this.isLive(item, now));
  }

  /** Removes the given items (filed by an editor); returns how many were found. */
  async remove(ids: readonly string[]): Promise<number> {
    const byDay = new Map<string, Set<string>>();
    for (const id of ids) {
      const day = id.split('.')[0];
      byDay.set(day, (byDay.get(day) ?? new Set()).add(id));
    }
    let removed = 0;
    for (const [day, set] of byDay) {
      await this.update(day, (items) => {
        const kept = items.filter((item) => !set.has(item.id));
        removed += items.length - kept.length;
        return kept;
      });
    }
    return removed;
  }

  /** Deletes the days past the retention (and the items past it in the oldest live day). */
  async prune(): Promise<void> {
    const now = this.now();
    const old: string[] = [];
    for (let i = this.options.ttlDays + 1; i <= this.options.ttlDays + PRUNE_SPAN_DAYS; i++) {
      old.push(KEY_PREFIX + dayOf(new Date(now.getTime() - i * DAY_MS)));
    }
    await this.storage.delete(old);
    const oldest = dayOf(new Date(now.getTime() - this.options.ttlDays * DAY_MS));
    await this.update(oldest, (items) => items.filter((item) => this.isLive(item, now)));
  }

  /** Read-modify-write of one day, retried when another writer got there first (eTag conflict). */
  private async update(day: string, change: (items: InboxItem[]) => InboxItem[]): Promise<void> {
    const key = KEY_PREFIX + day;
    for (let attempt = 1; ; attempt++) {
      const stored = (await this.storage.read([key]))[key] as StoreItem | undefined;
      const parsed = dayDocumentSchema.safeParse(stored);
      const items = parsed.success ? parsed.data.items : [];
      const next = change(items);
      if (next === items || (stored === undefined && next.length === 0)) return;
      if (next.length === 0) {
        await this.storage.delete([key]);
        return;
      }
      try {
        await this.storage.write({ [key]: { items: next, eTag: stored?.eTag ?? '*' } });
        return;
      } catch (err) {
        if (attempt >= WRITE_ATTEMPTS || !/eTag/i.test((err as Error).message)) throw err;
      }
    }
  }
}
