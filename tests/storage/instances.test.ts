import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { createClient } from 'redis';
import { loadConfig } from '../../bot/config';
import { startBot, type StartedBot } from '../../bot/main';
import {
  emulatorActivity,
  postActivity,
  type PostResult,
  replyTexts,
  startTestBot,
} from '../helpers/httpBot';
import {
  type BotProcess,
  findRedisServer,
  type RedisServer,
  startBotProcesses,
  startRedis,
} from './processes';

/**
 * Behaviour that must hold across instances. First, one turn at a time per conversation. The observable is the bot's own "not understood" counter, kept in
 * conversation state: a message it cannot place gets a rephrasing (1st), then the menu (2nd), then the contacts
 * (3rd), and the count starts again. Fifty such messages sent at once must be answered exactly as fifty sent one
 * after the other: 17 rephrasings, 17 menus, 16 contacts, and a stored count of 50 mod 3 = 2. When turns overlap,
 * they read the same count and most answers are rephrasings (the updates of the others are lost).
 */
const MESSAGES = 50;
const NONSENSE = 'zorglub flimp';
const STEP = [
  /^Je n'ai pas compris votre demande/,
  /^Je ne suis toujours pas sûr de comprendre/,
  /^Je n'arrive pas à répondre à cette demande/,
];

function stepOf(result: PostResult): number {
  expect(result.status).toBe(200);
  const first = replyTexts(result.activities)[0] ?? '';
  const step = STEP.findIndex((pattern) => pattern.test(first));
  if (step < 0) throw new Error(`unexpected reply: ${first}`);
  return step + 1;
}

/** How many answers of each step (1, 2, 3) a run gave. */
function tally(steps: number[]): Record<number, number> {
  const counts: Record<number, number> = { 1: 0, 2: 0, 3: 0 };
  for (const step of steps) counts[step] += 1;
  return counts;
}

const SEQUENTIAL = { 1: 17, 2: 17, 3: 16 };

/**
 * The in-process memory storage, but each read and write takes a few milliseconds, as with any remote store:
 * without that, a whole turn runs without yielding and turns could not overlap in one process anyway.
 */
class RemoteLikeStorage implements Storage {
  private readonly inner = new MemoryStorage();
  private readonly pause = () => new Promise((resolve) => setTimeout(resolve, 2));
  async read(keys: string[]): Promise<StoreItems> {
    await this.pause();
    return this.inner.read(keys);
  }
  async write(changes: StoreItems): Promise<void> {
    await this.pause();
    return this.inner.write(changes);
  }
  async delete(keys: string[]): Promise<void> {
    await this.pause();
    return this.inner.delete(keys);
  }
}

describe('one turn at a time per conversation, in one process', () => {
  let bot: StartedBot;
  beforeAll(async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    bot = await startBot(config, { storage: new RemoteLikeStorage() });
  });
  afterAll(async () => {
    await bot.close();
  });

  it('answers 50 concurrent messages as if they had been sent one after the other', async () => {
    const conversation = `burst-${process.pid}`;
    const results = await Promise.all(
      Array.from({ length: MESSAGES }, () =>
        postActivity(bot, emulatorActivity({ text: NONSENSE }, conversation)),
      ),
    );
    expect(tally(results.map(stepOf))).toEqual(SEQUENTIAL);
    const key = `emulator/conversations/${conversation}/`;
    const stored = (await bot.app.storage.read([key]))[key] as { misunderstood?: number };
    expect(stored.misunderstood).toBe(MESSAGES % 3);
    // …and the next message carries on from there: the 51st is the third in a row.
    expect(stepOf(await postActivity(bot, emulatorActivity({ text: NONSENSE }, conversation)))).toBe(3);
  });

  it('keeps other conversations independent', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        postActivity(bot, emulatorActivity({ text: NONSENSE }, `independent-${process.pid}-${i % 2}`)),
      ),
    );
    expect(tally(results.map(stepOf))).toEqual({ 1: 2, 2: 2, 3: 2 });
  });
});

const REDIS_SERVER = findRedisServer();
const describeWithRedis = REDIS_SERVER ? describe : describe.skip;

describeWithRedis('one turn at a time per conversation, with Redis', () => {
  let redis: RedisServer;
  let raw: ReturnType<typeof createClient>;
  beforeAll(async () => {
    redis = await startRedis(REDIS_SERVER ?? 'redis-server');
    raw = createClient({ url: redis.url });
    await raw.connect();
  });
  afterAll(async () => {
    if (raw?.isOpen) await raw.close();
    await redis?.stop();
  });

  it('in one process: answers 50 concurrent messages as if sent one after the other', async () => {
    const bot = await startTestBot({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'one:' });
    try {
      const conversation = `burst-1p-${process.pid}`;
      const results = await Promise.all(
        Array.from({ length: MESSAGES }, () =>
          postActivity(bot, emulatorActivity({ text: NONSENSE }, conversation)),
        ),
      );
      expect(tally(results.map(stepOf))).toEqual(SEQUENTIAL);
      const stored = JSON.parse(
        String(await raw.hGet(`one:emulator/conversations/${conversation}/`, 'v')),
      ) as { misunderstood?: number };
      expect(stored.misunderstood).toBe(MESSAGES % 3);
    } finally {
      await bot.close();
    }
  });

  it('goes on once the lock of an instance that died expires, and gives up after CONVERSATION_LOCK_WAIT_MS', async () => {
    const bot = await startTestBot({
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: 'dead:',
      CONVERSATION_LOCK_WAIT_MS: '1500',
    });
    try {
      // An instance took the lock and died: the lock expires (here after 300 ms) and the turn runs.
      await raw.set(`dead:lock:emulator/expired-${process.pid}`, 'dead-instance', {
        expiration: { type: 'PX', value: 300 },
      });
      const after = await postActivity(bot, emulatorActivity({ text: NONSENSE }, `expired-${process.pid}`));
      expect(stepOf(after)).toBe(1);
      // A lock held longer than the wait: the turn gets the error message instead of waiting for ever.
      await raw.set(`dead:lock:emulator/held-${process.pid}`, 'busy-instance', {
        expiration: { type: 'PX', value: 20000 },
      });
      const held = await postActivity(bot, emulatorActivity({ text: NONSENSE }, `held-${process.pid}`));
      expect(held.status).toBe(200);
      expect(replyTexts(held.activities).join('\n')).toContain('Désolé, un problème technique');
    } finally {
      await bot.close();
    }
  });
});

describeWithRedis('one turn at a time per conversation, across two processes sharing Redis', () => {
  let redis: RedisServer;
  let a: BotProcess;
  let b: BotProcess;
  let raw: ReturnType<typeof createClient>;
  beforeAll(async () => {
    redis = await startRedis(REDIS_SERVER ?? 'redis-server');
    const env = {
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: 'order:',
      TRUST_PROXY: '1',
      WEBCHAT_TOKEN_RATE_LIMIT: '3',
    };
    [a, b] = await startBotProcesses(env, env);
    raw = createClient({ url: redis.url });
    await raw.connect();
  }, 60000);
  afterAll(async () => {
    if (raw?.isOpen) await raw.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  it('answers 50 concurrent messages sent alternately to A and B as if sent one after the other', async () => {
    const conversation = `burst-2p-${process.pid}`;
    const results = await Promise.all(
      Array.from({ length: MESSAGES }, (_, i) =>
        postActivity(i % 2 ? b : a, emulatorActivity({ text: NONSENSE }, conversation)),
      ),
    );
    expect(tally(results.map(stepOf))).toEqual(SEQUENTIAL);
    const stored = JSON.parse(
      String(await raw.hGet(`order:emulator/conversations/${conversation}/`, 'v')),
    ) as { misunderstood?: number };
    expect(stored.misunderstood).toBe(MESSAGES % 3);
    expect(stepOf(await postActivity(a, emulatorActivity({ text: NONSENSE }, conversation)))).toBe(3);
    // Every lock was released.
    expect(await raw.keys('order:lock:*')).toEqual([]);
  });

  it('shares the Web Chat rate limit: a client gets 3 new conversations per minute across A and B together', async () => {
    const token = (bot: BotProcess, client: string) =>
      fetch(`${bot.url}/api/webchat/token`, { method: 'POST', headers: { 'x-forwarded-for': client } });
    const statuses: number[] = [];
    for (const bot of [a, b, a, b]) statuses.push((await token(bot, '203.0.113.50')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await token(b, '203.0.113.51')).status).toBe(200); // another client behind the same proxy
    expect(await raw.keys('order:ratelimit:webchat-token:*')).toHaveLength(2);
  });
});
