import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import type { StartedBot } from '../../bot/main';
import { emulatorActivity, postActivity, startTestBot } from '../helpers/httpBot';
import { findRedisServer, type RedisServer, startRedis } from '../storage/processes';

/** The inbox of a bot whose state is in Redis, read by `nlu:review` straight from Redis (the production set-up). */
const REDIS_SERVER = findRedisServer();
const describeWithRedis = REDIS_SERVER ? describe : describe.skip;
const ROOT = path.join(__dirname, '..', '..');

function review(
  env: Record<string, string>,
  args: string[],
  input = '',
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts', 'nlu-review.ts'), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...env, ADMIN_TOKEN: '', DOTENV_CONFIG_QUIET: 'true' },
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
    child.stdin.end(input);
  });
}

describeWithRedis('misunderstood inbox in Redis, reviewed with nlu:review', () => {
  let redis: RedisServer;
  let bot: StartedBot;
  let work: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    redis = await startRedis(REDIS_SERVER ?? 'redis-server');
    env = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: `inbox-${process.pid}:` };
    bot = await startTestBot(env);
    work = mkdtempSync(path.join(tmpdir(), 'relais-review-redis-'));
  });

  afterAll(async () => {
    await bot?.close();
    await redis?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('a not-understood turn is stored in Redis, exported, then filed with one key and removed from Redis', async () => {
    await postActivity(bot, emulatorActivity({ text: 'zorglub frimousse 1 85 05 75 123 456 78' }));
    const out = path.join(work, 'inbox.yaml');
    const exported = await review(env, ['--export', out]);
    expect(exported.code).toBe(0);
    const doc = parse(readFileSync(out, 'utf8')) as {
      count: number;
      groups: { items: { text: string }[] }[];
    };
    expect(doc.count).toBe(1);
    expect(doc.groups[0].items[0].text).toBe('zorglub frimousse [NIR]');

    const intents = path.join(work, 'intents');
    cpSync(path.join(ROOT, 'locales', 'fr', 'intents'), intents, { recursive: true });
    const filed = await review(env, ['--intents-dir', intents], 'n');
    expect(filed.code).toBe(0);
    const none = parse(readFileSync(path.join(intents, 'None.yaml'), 'utf8')) as { utterances: string[] };
    expect(none.utterances[none.utterances.length - 1]).toBe('zorglub frimousse [NIR]');
    expect(await bot.app.inbox?.list()).toEqual([]);
  }, 40_000);
});
