import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import WebSocket from 'ws';
import type { StartedBot } from '../../bot/main';
import { startSession } from '../directline/harness';
import { emulatorActivity, postActivity, replyTexts, startTestBot } from '../helpers/httpBot';
import { type BotProcess, findRedisServer, type RedisServer, startBotProcess, startRedis } from './processes';

/**
 * Operations against the real server and a real `redis-server`: readiness, a Redis that stops answering, a Redis
 * that goes away and comes back mid-conversation, and a graceful stop of a spawned bot with a turn in flight.
 */
const REDIS_SERVER = findRedisServer();
const describeWithRedis = REDIS_SERVER ? describe : describe.skip;
const TECHNICAL_PROBLEM = 'Désolé, un problème technique';

async function readyz(bot: { url: string }): Promise<{ status: number; body: { status?: string } }> {
  const response = await fetch(`${bot.url}/readyz`);
  return { status: response.status, body: (await response.json()) as { status?: string } };
}

/** Polls `check` every 50 ms until it returns true, for at most `ms`. */
async function eventually(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function metric(bot: { url: string }, line: RegExp): Promise<number | undefined> {
  const body = await (await fetch(`${bot.url}/metrics`)).text();
  const found = body.split('\n').find((l) => line.test(l));
  return found === undefined ? undefined : Number(found.split(' ').pop());
}

describe('GET /readyz without Redis', () => {
  let bot: StartedBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('answers 200 when the memory storage answers', async () => {
    expect(await readyz(bot)).toEqual({ status: 200, body: { status: 'ready', storage: 'memory' } });
  });
});

describeWithRedis('Redis at run time (real redis-server)', () => {
  let redis: RedisServer;
  let bot: StartedBot;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'relais-redis-'));
    redis = await startRedis(REDIS_SERVER ?? 'redis-server', { dataDir });
    bot = await startTestBot({ REDIS_URL: redis.url, REDIS_COMMAND_TIMEOUT_MS: '300' });
  });
  afterAll(async () => {
    await bot?.close();
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers /readyz 200 while Redis answers', async () => {
    expect(await readyz(bot)).toEqual({ status: 200, body: { status: 'ready', storage: 'redis' } });
  });

  it('times out on a Redis that stops answering: the turn gets the error message, /readyz 503, then it recovers', async () => {
    const conversation = `frozen-${process.pid}`;
    const start = await postActivity(
      bot,
      emulatorActivity({ text: 'Demander une aide financière' }, conversation),
    );
    expect(replyTexts(start.activities).join('\n')).toContain('Quelle est votre situation');
    const errorsBefore = (await metric(bot, /^relais_turn_errors_total\{channel="emulator"\}/)) ?? 0;

    redis.freeze();
    try {
      const frozen = await postActivity(bot, emulatorActivity({ text: 'Je suis en activité' }, conversation));
      expect(frozen.status).toBe(200);
      expect(replyTexts(frozen.activities).join('\n')).toContain(TECHNICAL_PROBLEM);
      expect((await readyz(bot)).status).toBe(503);
      expect(await metric(bot, /^relais_turn_errors_total\{channel="emulator"\}/)).toBe(errorsBefore + 1);
    } finally {
      redis.thaw();
    }

    await eventually(async () => (await readyz(bot)).status === 200, 5000, 'ready again');
    const next = await postActivity(bot, emulatorActivity({ text: 'Je suis en activité' }, conversation));
    expect(replyTexts(next.activities).join('\n')).toContain('Quelle difficulté rencontrez-vous ?');
  });

  it('reconnects when redis-server is stopped and started again mid-conversation', async () => {
    const conversation = `restart-${process.pid}`;
    const start = await postActivity(
      bot,
      emulatorActivity({ text: 'Demander une aide financière' }, conversation),
    );
    expect(replyTexts(start.activities).join('\n')).toContain('Quelle est votre situation');

    await redis.stop();
    const down = await postActivity(bot, emulatorActivity({ text: 'Je suis en activité' }, conversation));
    expect(down.status).toBe(200);
    expect(replyTexts(down.activities).join('\n')).toContain(TECHNICAL_PROBLEM);
    expect(await readyz(bot)).toEqual({ status: 503, body: { status: 'unavailable', storage: 'redis' } });
    expect(await metric(bot, /^relais_storage_errors_total\{operation="lock"\}/)).toBeGreaterThan(0);

    // Same port, same data folder: the client reconnects by itself and the journey goes on where it was.
    redis = await startRedis(REDIS_SERVER ?? 'redis-server', { port: redis.port, dataDir });
    await eventually(async () => (await readyz(bot)).status === 200, 10000, 'reconnected');
    const next = await postActivity(bot, emulatorActivity({ text: 'Je suis en activité' }, conversation));
    expect(replyTexts(next.activities).join('\n')).toContain('Quelle difficulté rencontrez-vous ?');
  });
});

describeWithRedis('graceful stop of a spawned bot (SIGTERM)', () => {
  let redis: RedisServer;
  let bot: BotProcess;
  let raw: ReturnType<typeof createClient>;
  beforeAll(async () => {
    redis = await startRedis(REDIS_SERVER ?? 'redis-server');
    raw = createClient({ url: redis.url });
    await raw.connect();
    bot = await startBotProcess({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'stop:' });
  }, 60000);
  afterAll(async () => {
    await bot?.stop();
    if (raw?.isOpen) await raw.close();
    await redis?.stop();
  });

  it('stops accepting, finishes the turn in flight, closes WebSockets and Redis, and exits 0 within 10 s', async () => {
    // A Web Chat stream is open…
    const session = await startSession(bot);
    const stream = new URL(`/v3/directline/conversations/${session.conversationId}/stream`, bot.url);
    stream.protocol = 'ws:';
    stream.searchParams.set('t', session.token);
    const socket = new WebSocket(stream.toString());
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const socketClosed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    // …and a turn is in flight: another instance holds its conversation's lock for now.
    const conversation = `draining-${process.pid}`;
    await raw.set(`stop:lock:emulator/${conversation}`, 'another-instance', {
      expiration: { type: 'PX', value: 20000 },
    });
    const inFlight = postActivity(bot, emulatorActivity({ text: 'zorglub flimp' }, conversation));
    await eventually(
      async () => (await metric(bot, /^relais_turns_in_flight /)) === 1,
      5000,
      'turn in flight',
    );
    const clientsBefore = (await raw.clientList()).length;

    const exited = new Promise<number | null>((resolve) => bot.child.once('exit', (code) => resolve(code)));
    const signalled = Date.now();
    bot.child.kill('SIGTERM');

    await socketClosed;
    const port = Number(new URL(bot.url).port);
    await eventually(
      () =>
        new Promise<boolean>((resolve) => {
          const probe = connect({ port, host: '127.0.0.1' });
          probe.once('connect', () => {
            probe.destroy();
            resolve(false);
          });
          probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
        }),
      3000,
      'new connections refused',
    );
    expect(bot.child.exitCode).toBeNull(); // still finishing the turn

    await raw.del(`stop:lock:emulator/${conversation}`); // the other instance is done
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(replyTexts(answered.activities)[0]).toMatch(/^Je n'ai pas compris votre demande/);

    expect(await exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10000);
    expect((await raw.clientList()).length).toBeLessThan(clientsBefore);
    expect(bot.output()).toContain('"msg":"turns in flight finished"');
  });
});
