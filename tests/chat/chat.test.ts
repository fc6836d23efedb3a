import { spawn } from 'node:child_process';
import path from 'node:path';
import type { StartedBot } from '../../bot/main';
import { startTestBot } from '../helpers/httpBot';

const ROOT = path.join(__dirname, '..', '..');

/** Runs `scripts/chat.ts` as `npm run chat` does, with `input` piped to it. */
function chat(
  input: string,
  args: string[] = [],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/chat.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, MicrosoftAppId: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const MENU_LIST = [
  '  1. Demander une aide financière',
  '  2. Maternité, paternité, adoption',
  '  3. Arrêt maladie (indemnités journalières)',
  '  4. Invalidité',
  '  5. Je suis en difficulté (HELP)',
  '  6. Autre question',
].join('\n');

describe('npm run chat (terminal chat)', () => {
  it('prints the welcome, the menu as a numbered list, then the answer to choice 1, and exits 0', async () => {
    const { code, stdout, stderr } = await chat('bonjour\n1\n');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [welcome = '', afterBonjour = '', afterChoice = ''] = stdout.split(/^> .*$/m);
    expect(stdout).toMatch(/^> bonjour$/m);
    expect(stdout).toMatch(/^> 1$/m);
    expect(welcome).toMatch(/^Relais Indé : Bonjour ! Je suis Relais Indé/);
    expect(welcome).toContain(MENU_LIST);
    expect(afterBonjour).toContain(MENU_LIST);
    // Choice 1 was sent as its text: the reply is not the bot failing to understand "1".
    expect(afterChoice.trim()).not.toBe('');
    expect(afterChoice).toMatch(/Relais Indé : /);
    expect(afterChoice).not.toMatch(/problème technique/);
  }, 60_000);

  it('renders Teams cards as text when presenting the msteams channel', async () => {
    const { code, stdout } = await chat('menu\n', ['--channel', 'msteams']);
    expect(code).toBe(0);
    const afterMenu = stdout.split(/^> menu$/m)[1] ?? '';
    expect(afterMenu).toContain('Voici ce que je peux faire pour vous');
    expect(afterMenu).toContain('  6. Autre question');
  }, 60_000);

  describe('with --url', () => {
    let bot: StartedBot;
    beforeAll(async () => {
      bot = await startTestBot();
    });
    afterAll(async () => {
      await bot.close();
    });

    it('talks to a running bot, and typing a choice by its text works too', async () => {
      const { code, stdout } = await chat('invalidité\n', ['--url', bot.url]);
      expect(code).toBe(0);
      expect(stdout).toContain(MENU_LIST);
      expect(stdout).toMatch(/^> invalidité$/m);
    }, 60_000);
  });

  it('fails with exit code 1 and a message when the bot cannot be reached', async () => {
    const { code, stderr } = await chat('bonjour\n', ['--url', 'http://127.0.0.1:9']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^chat: /);
  }, 60_000);

  it('rejects an unknown option with usage and exit code 2', async () => {
    const { code, stderr } = await chat('', ['--nope']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Usage: npm run chat/);
  }, 60_000);
});
