import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import type { StartedBot } from '../../bot/main';
import { emulatorActivity, postActivity, replyTexts, startTestBot } from '../helpers/httpBot';

const ROOT = path.join(__dirname, '..', '..');
const TOKEN = 'test-admin-token-0123456789';
const MESSAGE = 'blorp zazou frimousse, écrivez-moi à jean.dupont@example.com';
const REDACTED = 'blorp zazou frimousse, écrivez-moi à [EMAIL]';

/** Runs `npm run nlu:review` (the same script) with the given arguments and standard input. */
function review(
  args: string[],
  input = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts', 'nlu-review.ts'), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ADMIN_TOKEN: TOKEN, REDIS_URL: '', DOTENV_CONFIG_QUIET: 'true' },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

async function listInbox(
  bot: StartedBot,
  token = TOKEN,
): Promise<{ status: number; items: { text: string }[] }> {
  const response = await fetch(`${bot.url}/admin/misunderstood`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { items?: { text: string }[] };
  return { status: response.status, items: body.items ?? [] };
}

describe('misunderstood inbox, end to end: bot turn → stored → nlu:review', () => {
  let bot: StartedBot;
  let work: string;

  beforeAll(async () => {
    bot = await startTestBot({ ADMIN_TOKEN: TOKEN });
    work = mkdtempSync(path.join(tmpdir(), 'relais-review-'));
  });

  afterAll(async () => {
    await bot?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('keeps a not-understood message redacted, behind the admin token', async () => {
    const { status, activities } = await postActivity(bot, emulatorActivity({ text: MESSAGE }));
    expect(status).toBe(200);
    expect(replyTexts(activities).join('\n')).not.toContain('Cette réponse vous a-t-elle aidé');
    expect((await listInbox(bot, 'wrong-token-0123456789')).status).toBe(401);
    const { status: ok, items } = await listInbox(bot);
    expect(ok).toBe(200);
    expect(items.map((i) => i.text)).toEqual([REDACTED]);
    const today = `misunderstood/day/${new Date().toISOString().slice(0, 10)}`;
    expect(Object.keys(await bot.app.storage.read([today]))).toEqual([today]);
  });

  it('nlu:review --export lists it, grouped by nearest intent', async () => {
    const out = path.join(work, 'inbox.yaml');
    const result = await review(['--url', bot.url, '--export', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const doc = parse(readFileSync(out, 'utf8')) as {
      count: number;
      groups: { intent: string; items: { text: string; reason: string; guesses: { intent: string }[] }[] }[];
    };
    expect(doc.count).toBe(1);
    expect(doc.groups).toHaveLength(1);
    const [item] = doc.groups[0].items;
    expect(item).toMatchObject({ text: REDACTED, reason: 'not_understood' });
    expect(item.guesses[0].intent).toBe(doc.groups[0].intent);
    // The export does not file anything: the item is still there.
    expect((await listInbox(bot)).items).toHaveLength(1);
  }, 30_000);

  it('interactive filing with one keystroke appends the utterance, Prettier-formatted, and empties the inbox', async () => {
    const intents = path.join(work, 'intents');
    cpSync(path.join(ROOT, 'locales', 'fr', 'intents'), intents, { recursive: true });
    cpSync(path.join(ROOT, '.prettierrc.json'), path.join(work, '.prettierrc.json'));
    const before = parse(readFileSync(path.join(intents, 'None.yaml'), 'utf8')) as { utterances: string[] };
    // "n": out of scope.
    const result = await review(['--url', bot.url, '--intents-dir', intents], 'n');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`« ${REDACTED} »`);
    expect(result.stdout).toContain('→ None');
    const text = readFileSync(path.join(intents, 'None.yaml'), 'utf8');
    const after = parse(text) as { intent: string; utterances: string[] };
    expect(after.intent).toBe('None');
    expect(after.utterances).toEqual([...before.utterances, REDACTED]);
    // Prettier's own check, with the project's settings (copied beside the files).
    const check = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/prettier/bin/prettier.cjs'), '--check', path.join(intents, 'None.yaml')],
      { cwd: work, encoding: 'utf8' },
    );
    expect(check.status).toBe(0);
    expect((await listInbox(bot)).items).toEqual([]);
  }, 30_000);

  it('Enter files under the nearest intent; s skips; q quits and leaves the rest', async () => {
    await postActivity(bot, emulatorActivity({ text: 'zorglub frimousse' }));
    await postActivity(bot, emulatorActivity({ text: 'grumpf patatras' }));
    const intents = path.join(work, 'intents2');
    cpSync(path.join(ROOT, 'locales', 'fr', 'intents'), intents, { recursive: true });
    const result = await review(['--url', bot.url, '--intents-dir', intents], 's\r\n');
    expect(result.code).toBe(0);
    const filed = /→ (\w+)/.exec(result.stdout)?.[1];
    expect(filed).toBeDefined();
    const texts = (
      parse(readFileSync(path.join(intents, `${filed}.yaml`), 'utf8')) as { utterances: string[] }
    ).utterances;
    // One of the two was skipped, the other filed under its nearest intent; end of input quits.
    const remaining = (await listInbox(bot)).items.map((i) => i.text);
    expect(remaining).toHaveLength(1);
    const filedText = ['zorglub frimousse', 'grumpf patatras'].find((t) => !remaining.includes(t));
    expect(texts[texts.length - 1]).toBe(filedText);
  }, 30_000);
});

describe('misunderstood inbox switched off', () => {
  it('MISUNDERSTOOD_INBOX=false stores nothing', async () => {
    const bot = await startTestBot({ ADMIN_TOKEN: TOKEN, MISUNDERSTOOD_INBOX: 'false' });
    try {
      await postActivity(bot, emulatorActivity({ text: MESSAGE }));
      expect(await listInbox(bot)).toEqual({ status: 200, items: [] });
      // Nothing written to the bot's storage either (where the inbox would keep today's messages).
      const today = `misunderstood/day/${new Date().toISOString().slice(0, 10)}`;
      expect(await bot.app.storage.read([today])).toEqual({});
    } finally {
      await bot.close();
    }
  });

  it('without ADMIN_TOKEN the admin endpoint does not exist', async () => {
    const bot = await startTestBot();
    try {
      const response = await fetch(`${bot.url}/admin/misunderstood`);
      expect(response.status).toBe(404);
    } finally {
      await bot.close();
    }
  });
});
