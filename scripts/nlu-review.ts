/**
 * Review the misunderstood inbox and turn its messages into training data.
 *
 *   npm run nlu:review                         interactive, inbox in Redis (REDIS_URL, from the environment/.env)
 *   npm run nlu:review -- --url http://host:3978   interactive, inbox of a running bot through its admin endpoint
 *                                              (ADMIN_TOKEN in the environment or --token)
 *   npm run nlu:review -- --export inbox.yaml  non-interactive (CI): write the items grouped by nearest intent
 *
 * Interactive keys, one keystroke each (no Enter needed except for the first one):
 *   Enter  file as an utterance of the nearest intent      n  out of scope (None)
 *   1–9    file under the numbered guess                   s  skip (stays in the inbox)
 *   q      quit
 * Filing appends the (already redacted) text to locales/fr/intents/<intent>.yaml, Prettier-formatted, and removes
 * the item from the inbox. Retrain happens by itself: the model cache is keyed by the training files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { config as loadDotenv } from 'dotenv';
import * as prettier from 'prettier';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { loadConfig } from '../bot/config';
import { type InboxItem, inboxItemSchema, type InboxSource, MisunderstoodInbox } from '../bot/misunderstood';
import { RedisStorage } from '../bot/redisStorage';
import { DEFAULT_DATA_DIR, isIntentName, Recognizer } from '../nlu';

const USAGE = `Usage: npm run nlu:review [-- options]

  --url <http://host:port>   read the inbox of a running bot (admin endpoint; needs ADMIN_TOKEN or --token)
  --token <token>            admin token (default: ADMIN_TOKEN)
  --export <file.yaml>       write the items grouped by nearest intent and exit (no filing)
  --intents-dir <dir>        training files to append to (default: locales/fr/intents)
  --help                     this help

Without --url the inbox is read from Redis (REDIS_URL, REDIS_KEY_PREFIX, MISUNDERSTOOD_TTL_DAYS).
Keys: Enter = nearest intent, 1-9 = that guess, n = out of scope (None), s = skip, q = quit.`;

const GUESSES = 9;

// ------------------------------------------------------------------------------------------------ sources

/** The inbox of a running bot, through `GET /admin/misunderstood` and `POST /admin/misunderstood/remove`. */
class HttpInbox implements InboxSource {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  private async call(method: string, route: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url.replace(/\/$/, '')}${route}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status}`);
    return response.json();
  }

  async list(): Promise<InboxItem[]> {
    const body = z
      .object({ items: z.array(inboxItemSchema) })
      .parse(await this.call('GET', '/admin/misunderstood'));
    return body.items;
  }

  async remove(ids: readonly string[]): Promise<number> {
    const body = z
      .object({ removed: z.number() })
      .parse(await this.call('POST', '/admin/misunderstood/remove', { ids }));
    return body.removed;
  }
}

interface OpenedSource {
  inbox: InboxSource;
  close(): Promise<void>;
}

async function openSource(options: { url?: string; token?: string }): Promise<OpenedSource> {
  if (options.url) {
    const token = options.token ?? process.env.ADMIN_TOKEN;
    if (!token) throw new Error('--url needs the admin token: set ADMIN_TOKEN or pass --token');
    return { inbox: new HttpInbox(options.url, token), close: async () => undefined };
  }
  const config = loadConfig();
  if (!config.REDIS_URL) {
    throw new Error(
      'No inbox to read: set REDIS_URL (the bot keeps its state in Redis) or pass --url <bot> (a bot with ADMIN_TOKEN set).',
    );
  }
  const storage = new RedisStorage({
    url: config.REDIS_URL,
    keyPrefix: config.REDIS_KEY_PREFIX,
    ttlSeconds: config.STATE_TTL_SECONDS,
  });
  await storage.connect();
  const inbox = new MisunderstoodInbox(storage, {
    ttlDays: config.MISUNDERSTOOD_TTL_DAYS,
    salt: config.LOG_HASH_SALT,
  });
  await inbox.prune();
  return { inbox, close: () => storage.close() };
}

// ------------------------------------------------------------------------------------------------ grouping

interface Reviewed {
  item: InboxItem;
  /** Today's recogniser's best real intents for the text, best first. */
  guesses: { intent: string; score: number }[];
  nearest: string;
}

function review(
  items: readonly InboxItem[],
  recognizer: Recognizer,
): { intent: string; items: Reviewed[] }[] {
  const groups = new Map<string, Reviewed[]>();
  for (const item of items) {
    const ranked = Object.entries(recognizer.recognize(item.text).intents)
      .filter(([intent]) => intent !== 'None')
      .slice(0, GUESSES)
      .map(([intent, { score }]) => ({ intent, score }));
    const guesses = ranked.length > 0 ? ranked : item.guesses;
    const nearest = guesses[0]?.intent ?? 'None';
    groups.set(nearest, [...(groups.get(nearest) ?? []), { item, guesses, nearest }]);
  }
  return [...groups.entries()]
    .map(([intent, list]) => ({ intent, items: list }))
    .sort((a, b) => b.items.length - a.items.length || a.intent.localeCompare(b.intent));
}

// ------------------------------------------------------------------------------------------------ filing

/** Appends one utterance to `<dir>/<intent>.yaml`, keeping it valid YAML and Prettier-formatted. */
export async function appendUtterance(
  dir: string,
  intent: string,
  text: string,
): Promise<'added' | 'present'> {
  if (!isIntentName(intent)) throw new Error(`unknown intent ${intent}`);
  const file = path.join(dir, `${intent}.yaml`);
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `intent: ${intent}\nutterances:\n`;
  const doc = parse(before) as { intent?: unknown; utterances?: unknown } | null;
  const utterances = Array.isArray(doc?.utterances) ? (doc.utterances as unknown[]) : [];
  const key = (s: string) => s.trim().toLowerCase();
  if (utterances.some((u) => typeof u === 'string' && key(u) === key(text))) return 'present';
  // A double-quoted YAML scalar is JSON's string syntax; Prettier then picks the project's quote style.
  const appended = `${before.replace(/\s*$/, '')}\n  - ${JSON.stringify(text)}\n`;
  const options = (await prettier.resolveConfig(file)) ?? {};
  const formatted = await prettier.format(appended, { ...options, parser: 'yaml', filepath: file });
  const check = parse(formatted) as { intent?: unknown; utterances?: unknown };
  const list = check.utterances;
  if (check.intent !== intent || !Array.isArray(list) || list[list.length - 1] !== text) {
    throw new Error(`${file}: appending would not give a valid intent file; nothing written`);
  }
  fs.writeFileSync(file, formatted);
  return 'added';
}

// ------------------------------------------------------------------------------------------------ keys

/** One keystroke at a time: raw mode on a terminal, byte by byte from a pipe. End of input reads as `q`. */
class Keys {
  private readonly queue: string[] = [];
  private waiting?: (key: string) => void;
  private ended = false;
  private lastWasCr = false;

  constructor(private readonly input: NodeJS.ReadStream) {
    if (input.isTTY) input.setRawMode(true);
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => {
      for (const ch of chunk) {
        // "\r\n" from a pipe is one Enter.
        if (ch === '\n' && this.lastWasCr) {
          this.lastWasCr = false;
          continue;
        }
        this.lastWasCr = ch === '\r';
        this.push(ch === '\r' || ch === '\n' ? 'enter' : ch === '\u0003' ? 'q' : ch);
      }
    });
    input.on('end', () => {
      this.ended = true;
      this.push('q');
    });
  }

  private push(key: string): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve(key);
    } else this.queue.push(key);
  }

  next(): Promise<string> {
    const key = this.queue.shift();
    if (key !== undefined) return Promise.resolve(key);
    if (this.ended) return Promise.resolve('q');
    return new Promise((resolve) => (this.waiting = resolve));
  }

  close(): void {
    if (this.input.isTTY) this.input.setRawMode(false);
    this.input.pause();
  }
}

// ------------------------------------------------------------------------------------------------ main

async function interactive(source: InboxSource, recognizer: Recognizer, dir: string): Promise<void> {
  const groups = review(await source.list(), recognizer);
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  if (total === 0) {
    console.log('The misunderstood inbox is empty.');
    return;
  }
  console.log(`${total} message(s) to review, grouped by nearest intent.`);
  console.log(
    'Keys: Enter = nearest intent · 1-9 = that guess · n = out of scope (None) · s = skip · q = quit\n',
  );
  const keys = new Keys(process.stdin);
  const counts = { filed: 0, none: 0, skipped: 0 };
  try {
    for (const group of groups) {
      console.log(`== nearest intent: ${group.intent} (${group.items.length})`);
      for (const { item, guesses, nearest } of group.items) {
        console.log(`\n« ${item.text} »`);
        console.log(
          `   ${item.reason}${item.answeredIntent ? ` (answer: ${item.answeredIntent})` : ''}, ${item.at.slice(0, 10)}`,
        );
        guesses.forEach((g, i) => console.log(`   ${i + 1}. ${g.intent} (${g.score.toFixed(2)})`));
        let target: string | undefined;
        let key: string;
        for (;;) {
          process.stdout.write('   [Enter/1-9/n/s/q] ');
          key = await keys.next();
          if (key === 'enter') target = nearest;
          else if (key === 'n') target = 'None';
          else if (/^[1-9]$/.test(key) && Number(key) <= guesses.length)
            target = guesses[Number(key) - 1].intent;
          else if (key !== 's' && key !== 'q') {
            process.stdout.write(`(${JSON.stringify(key)}?)\n`);
            continue;
          }
          break;
        }
        if (key === 'q') {
          process.stdout.write('quit\n');
          return;
        }
        if (!target) {
          counts.skipped++;
          process.stdout.write('skipped\n');
          continue;
        }
        const outcome = await appendUtterance(dir, target, item.text);
        await source.remove([item.id]);
        if (target === 'None') counts.none++;
        else counts.filed++;
        process.stdout.write(`→ ${target}${outcome === 'present' ? ' (already there)' : ''}\n`);
      }
    }
  } finally {
    keys.close();
    console.log(
      `\nFiled ${counts.filed} under an intent, ${counts.none} as out of scope, skipped ${counts.skipped}. ` +
        'Run `npm test` and `npm run nlu:eval` before committing the training files.',
    );
  }
}

function exportTo(file: string, source: InboxItem[], recognizer: Recognizer): number {
  const groups = review(source, recognizer).map((g) => ({
    intent: g.intent,
    count: g.items.length,
    items: g.items.map(({ item, guesses }) => ({
      id: item.id,
      at: item.at,
      reason: item.reason,
      ...(item.answeredIntent ? { answeredIntent: item.answeredIntent } : {}),
      text: item.text,
      guesses: guesses.slice(0, 3).map((x) => ({ intent: x.intent, score: Number(x.score.toFixed(3)) })),
    })),
  }));
  const count = groups.reduce((n, g) => n + g.count, 0);
  fs.writeFileSync(file, stringify({ generated: new Date().toISOString(), count, groups }));
  return count;
}

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      export: { type: 'string' },
      'intents-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const dir = path.resolve(values['intents-dir'] ?? DEFAULT_DATA_DIR);
  const recognizer = Recognizer.fromDirectory(dir, { cache: true });
  const source = await openSource({ url: values.url, token: values.token });
  try {
    if (values.export) {
      const count = exportTo(values.export, await source.inbox.list(), recognizer);
      console.log(`Wrote ${count} item(s) to ${values.export}`);
    } else {
      await interactive(source.inbox, recognizer, dir);
    }
  } finally {
    await source.close();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
