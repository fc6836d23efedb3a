import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createClient } from 'redis';
import { ConfigError, loadConfig } from '../../bot/config';
import { ConversationStore } from '../../bot/directline/store';
import { redactUrlPassword } from '../../bot/privacy';
import { RedisStorage } from '../../bot/redisStorage';
import { closeStorage, createStorage } from '../../bot/storage';
import {
  type DirectLineServer,
  getActivities,
  postMessage,
  startDirectLineServer,
  startSession,
  texts,
  webChatMessage,
} from '../directline/harness';
import { emulatorActivity, postActivity, replyTexts, suggestedTitles } from '../helpers/httpBot';
import {
  type BotProcess,
  findRedisServer,
  freePort,
  type RedisServer,
  ROOT,
  startBotProcesses,
  startRedis,
} from './processes';

/**
 * The Redis storage against a real `redis-server` (Debian's package) started on a free loopback port: the
 * `Storage` contract, and two separate bot processes sharing it, as behind a load balancer.
 */
const REDIS_SERVER = findRedisServer();

if (!REDIS_SERVER && !process.env.CI) {
  console.warn(
    '[tests/storage] redis-server not found: the Redis storage tests are SKIPPED. ' +
      'Install it with `apt-get install -y redis-server` (CI installs it and fails without it).',
  );
}

if (!REDIS_SERVER && process.env.CI) {
  describe('Redis storage', () => {
    it('needs redis-server in CI', () => {
      throw new Error('redis-server is missing: .ci/run installs it with apt-get install redis-server.');
    });
  });
}

const describeWithRedis = REDIS_SERVER ? describe : describe.skip;

let counter = 0;
const unique = (name: string) => `${name}-${process.pid}-${++counter}`;

describe('Redis storage settings', () => {
  it('reads REDIS_URL, REDIS_KEY_PREFIX and STATE_TTL_SECONDS from the environment', () => {
    const defaults = loadConfig({});
    expect(defaults.REDIS_URL).toBeUndefined();
    expect(defaults.REDIS_KEY_PREFIX).toBe('relais:');
    expect(defaults.STATE_TTL_SECONDS).toBe(30 * 24 * 3600);
    expect(loadConfig({ REDIS_URL: '', REDIS_KEY_PREFIX: '', STATE_TTL_SECONDS: '' })).toMatchObject({
      REDIS_KEY_PREFIX: 'relais:',
      STATE_TTL_SECONDS: 30 * 24 * 3600,
    });
    expect(
      loadConfig({
        REDIS_URL: 'rediss://:pw@cache.internal:6380/1',
        REDIS_KEY_PREFIX: 'ri:',
        STATE_TTL_SECONDS: '0',
      }),
    ).toMatchObject({
      REDIS_URL: 'rediss://:pw@cache.internal:6380/1',
      REDIS_KEY_PREFIX: 'ri:',
      STATE_TTL_SECONDS: 0,
    });
  });

  it('refuses a URL that is not redis:// or rediss://, without echoing its password', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://:s3cret@cache.internal' })).toThrow(
      'Invalid configuration: REDIS_URL: expected a redis:// or rediss:// URL, e.g. redis://localhost:6379 (got "http://:***@cache.internal")',
    );
    expect(() => loadConfig({ REDIS_URL: 'localhost:6379' })).toThrow(ConfigError);
    expect(() => loadConfig({ STATE_TTL_SECONDS: '-1' })).toThrow(
      /STATE_TTL_SECONDS: expected a number of seconds/,
    );
    expect(() => loadConfig({ REDIS_KEY_PREFIX: 'a b' })).toThrow(/REDIS_KEY_PREFIX/);
  });

  it('keeps the memory storage without REDIS_URL', () => {
    expect(createStorage({})).not.toBeInstanceOf(RedisStorage);
    expect(createStorage({ REDIS_URL: 'redis://127.0.0.1:1' })).toBeInstanceOf(RedisStorage);
  });

  it('never shows the password of the URL', () => {
    expect(redactUrlPassword('redis://:s3cret@redis.internal:6380/2')).toBe(
      'redis://:***@redis.internal:6380/2',
    );
    expect(redactUrlPassword('rediss://bot:s3cret@redis.internal')).toBe('rediss://bot:***@redis.internal');
    expect(redactUrlPassword('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });

  it('stops the bot at start-up, with a clear line and exit code 1, when Redis is unreachable', async () => {
    const port = await freePort(); // nothing listens there
    const result = spawnSync(
      process.execPath,
      ['--disable-warning=DEP0111', '--import', 'tsx', path.join(ROOT, 'bot', 'index.ts')],
      {
        cwd: ROOT,
        env: { ...process.env, REDIS_URL: `redis://:s3cret@127.0.0.1:${port}`, LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        timeout: 15000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(
      new RegExp(
        `^Relais Indé could not start: Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port} is unreachable: .*ECONNREFUSED`,
      ),
    );
    expect(result.stderr + result.stdout).not.toContain('s3cret');
  });
});

describeWithRedis('Redis storage (real redis-server)', () => {
  let redis: RedisServer;
  let storage: RedisStorage;
  let raw: ReturnType<typeof createClient>;
  const PREFIX = 'contract:';

  beforeAll(async () => {
    redis = await startRedis(REDIS_SERVER ?? 'redis-server');
    storage = new RedisStorage({ url: redis.url, keyPrefix: PREFIX, ttlSeconds: 600 });
    await storage.connect();
    raw = createClient({ url: redis.url });
    await raw.connect();
  });
  afterAll(async () => {
    await storage?.close();
    if (raw?.isOpen) await raw.close();
    await redis?.stop();
  });

  describe('the Storage contract (same semantics as MemoryStorage)', () => {
    it('reads nothing for missing keys', async () => {
      expect(await storage.read([unique('missing')])).toEqual({});
      expect(await storage.read([])).toEqual({});
    });

    it('writes and reads back several items, each with a new eTag', async () => {
      const a = unique('a');
      const b = unique('b');
      await storage.write({ [a]: { n: 1, nested: { list: ['x', 'é'] } }, [b]: { n: 2 } });
      const items = await storage.read([a, b, unique('absent')]);
      expect(Object.keys(items).sort()).toEqual([a, b].sort());
      expect(items[a]).toMatchObject({ n: 1, nested: { list: ['x', 'é'] } });
      expect(typeof items[a].eTag).toBe('string');
      expect(items[a].eTag).not.toBe(items[b].eTag);

      await storage.write({ [a]: { ...items[a], n: 3 } });
      const again = await storage.read([a]);
      expect(again[a].n).toBe(3);
      expect(again[a].eTag).not.toBe(items[a].eTag);
    });

    it('refuses a write whose eTag is no longer the stored one', async () => {
      const key = unique('conflict');
      await storage.write({ [key]: { v: 'first' } });
      const read = (await storage.read([key]))[key];
      await storage.write({ [key]: { ...read, v: 'second' } });
      await expect(storage.write({ [key]: { ...read, v: 'stale' } })).rejects.toThrow(/eTag conflict/);
      expect((await storage.read([key]))[key].v).toBe('second');
    });

    it("overwrites with eTag '*' or without eTag", async () => {
      const key = unique('star');
      await storage.write({ [key]: { v: 1 } });
      await storage.write({ [key]: { v: 2, eTag: '*' } });
      expect((await storage.read([key]))[key].v).toBe(2);
      await storage.write({ [key]: { v: 3 } });
      expect((await storage.read([key]))[key].v).toBe(3);
    });

    it('writes an item that does not exist (any more) whatever its eTag', async () => {
      const key = unique('gone');
      await storage.write({ [key]: { v: 1, eTag: 'some-old-etag' } });
      expect((await storage.read([key]))[key].v).toBe(1);
    });

    it('writes several items all or nothing', async () => {
      const ok = unique('ok');
      const stale = unique('stale');
      await storage.write({ [stale]: { v: 1 } });
      const read = (await storage.read([stale]))[stale];
      await storage.write({ [stale]: { ...read, v: 2 } });
      await expect(storage.write({ [ok]: { v: 1 }, [stale]: { ...read, v: 3 } })).rejects.toThrow(
        new RegExp(`"${stale}" due to eTag conflict`),
      );
      expect(await storage.read([ok])).toEqual({});
    });

    it('deletes items, missing ones included', async () => {
      const key = unique('del');
      await storage.write({ [key]: { v: 1 } });
      await storage.delete([key, unique('never-written')]);
      expect(await storage.read([key])).toEqual({});
      await storage.delete([]);
    });

    it('lets exactly one of two racing writers (separate connections) win', async () => {
      const other = new RedisStorage({ url: redis.url, keyPrefix: PREFIX });
      try {
        const key = unique('race');
        await storage.write({ [key]: { v: 0 } });
        const read = (await storage.read([key]))[key];
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) => (i % 2 ? other : storage).write({ [key]: { ...read, v: i } })),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      } finally {
        await other.close();
      }
    });

    it('keeps keys under the prefix, with the TTL, and no two prefixes see each other', async () => {
      const key = unique('prefixed');
      await storage.write({ [key]: { v: 1 } });
      expect(await raw.exists(`${PREFIX}${key}`)).toBe(1);
      const ttl = await raw.ttl(`${PREFIX}${key}`);
      expect(ttl).toBeGreaterThan(590);
      expect(ttl).toBeLessThanOrEqual(600);
      const elsewhere = new RedisStorage({ url: redis.url, keyPrefix: 'elsewhere:', ttlSeconds: 0 });
      try {
        expect(await elsewhere.read([key])).toEqual({});
        await elsewhere.write({ [key]: { v: 2 } });
        expect(await raw.ttl(`elsewhere:${key}`)).toBe(-1); // 0: never expires
        expect((await storage.read([key]))[key].v).toBe(1);
      } finally {
        await elsewhere.close();
      }
    });

    it('keeps every appended activity when two clients append to one Direct Line conversation', async () => {
      const one = new ConversationStore(storage);
      const other = new RedisStorage({ url: redis.url, keyPrefix: PREFIX });
      const two = new ConversationStore(other);
      try {
        const id = unique('dl');
        await one.create({
          id,
          userId: 'dl_u',
          createdAt: new Date().toISOString(),
          started: true,
          activities: [],
        });
        await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            (i % 2 ? two : one).append(id, [{ type: 'message', text: `m${i}` }]),
          ),
        );
        const record = await one.get(id);
        const ids = record?.activities.map((a) => a.id) ?? [];
        expect(ids).toHaveLength(12);
        expect(new Set(ids).size).toBe(12);
      } finally {
        await other.close();
      }
    });
  });

  describe('when Redis goes away at run time', () => {
    let lonely: RedisServer;
    let lonelyStorage: RedisStorage;
    let server: DirectLineServer;
    beforeAll(async () => {
      lonely = await startRedis(REDIS_SERVER ?? 'redis-server');
      lonelyStorage = new RedisStorage({ url: lonely.url });
      await lonelyStorage.connect();
      server = await startDirectLineServer({ storage: lonelyStorage });
    });
    afterAll(async () => {
      await server?.close();
      await closeStorage(lonelyStorage);
      await lonely?.stop();
    });

    it('answers the turn politely instead of hanging', async () => {
      const conversation = unique('down');
      const ok = await postActivity(server, emulatorActivity({ text: 'bonjour' }, conversation));
      expect(replyTexts(ok.activities).join('\n')).toMatch(/Bonjour/);
      await lonely.stop();
      const failed = await postActivity(server, emulatorActivity({ text: 'bonjour' }, conversation));
      expect(failed.status).toBe(200);
      expect(replyTexts(failed.activities).join('\n')).toContain('Désolé, un problème technique');
    });
  });

  describe('two bot processes behind a load balancer, sharing Redis', () => {
    let a: BotProcess;
    let b: BotProcess;
    const env = () => ({
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: 'scaleout:',
      TOKEN_SIGNING_SECRET: 'shared-signing-secret',
    });
    beforeAll(async () => {
      [a, b] = await startBotProcesses(env(), env());
    }, 60000);
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
    });

    it('starts a Web Chat conversation on A, posts on B, and reads the replies on A', async () => {
      const session = await startSession(a); // token, then POST /v3/directline/conversations
      const first = await getActivities(a, session);
      expect(texts(first.activities).join('\n')).toMatch(/Bonjour/);

      const posted = await postMessage(b, session, webChatMessage('bonjour'));
      expect(posted.status).toBe(200);
      const onA = await getActivities(a, session, first.watermark);
      expect(onA.activities[0]).toMatchObject({ id: posted.body.id, text: 'bonjour' });
      expect(onA.activities.length).toBeGreaterThan(1);
      expect(onA.activities.slice(1).every((x) => x.from?.id === 'bot')).toBe(true);
      expect(Number(onA.watermark)).toBe(Number(first.watermark) + onA.activities.length);
    });

    it('shares the dialog state: a journey started on A goes on on B', async () => {
      const conversation = unique('journey');
      const start = await postActivity(
        a,
        emulatorActivity({ text: 'Demander une aide financière' }, conversation),
      );
      expect(suggestedTitles(start.activities)).toContain('Je suis en activité');

      const next = await postActivity(b, emulatorActivity({ text: 'Je suis en activité' }, conversation));
      expect(replyTexts(next.activities).join('\n')).toContain('Quelle difficulté rencontrez-vous ?');
    });

    it('keeps the state under the prefix with an expiry, and never logs the conversations', async () => {
      const keys = await raw.keys('scaleout:*');
      expect(keys.some((k) => k.startsWith('scaleout:directline-endpoint/conversations/'))).toBe(true);
      expect(keys.some((k) => k.includes('/conversations/'))).toBe(true);
      for (const key of keys) expect(await raw.ttl(key)).toBeGreaterThan(0);
      const logs = a.output() + b.output();
      expect(logs).toContain('"storage":"redis (redis://127.0.0.1:');
      expect(logs).not.toMatch(/Demander une aide|Je suis en activité|Quelle difficulté/);
    });

    it('closes its Redis connection and exits 0 on SIGTERM', async () => {
      const before = Number((await raw.clientList()).length);
      const code = await b.stop();
      expect(code).toBe(0);
      expect(Number((await raw.clientList()).length)).toBeLessThan(before);
    });
  });
});
