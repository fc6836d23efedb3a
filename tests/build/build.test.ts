/**
 * The compiled build (`npm run build`, then `npm run start:prod`): it shares the recogniser's cached model with the
 * TypeScript sources, and it starts without the development dependencies (tsx, pino-pretty).
 */
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { Recognizer } from '../../nlu';

const ROOT = path.join(__dirname, '..', '..');
const WITHOUT_DEV_DEPS = path.join(ROOT, 'tests', 'fixtures', 'without-dev-deps.cjs');

beforeAll(() => {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'pipe', timeout: 240_000 });
}, 300_000);

describe('compiled build', () => {
  it('has the model cache key of the sources, and reads the model instead of training', () => {
    const fromSources = Recognizer.fromDirectory(undefined, { cache: true });
    expect(fromSources.cacheKey).toMatch(/^[0-9a-f]{32}$/);
    const probe = [
      "const { Recognizer } = require('./dist/nlu');",
      'const r = Recognizer.fromDirectory(undefined, { cache: true });',
      'process.stdout.write(JSON.stringify({ key: r.cacheKey, fromCache: r.fromCache }));',
    ].join('\n');
    const compiled = JSON.parse(
      execFileSync(process.execPath, ['-e', probe], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 }),
    ) as { key: string; fromCache: boolean };
    expect(compiled).toEqual({ key: fromSources.cacheKey, fromCache: true });
  });

  it('starts as start:prod does without tsx and pino-pretty, and answers', async () => {
    const child = spawn(
      process.execPath,
      ['-r', WITHOUT_DEV_DEPS, '--disable-warning=DEP0111', 'dist/bot/index.js'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: '0',
          HOST: '127.0.0.1',
          NODE_ENV: 'production',
          LOG_LEVEL: 'info',
          MicrosoftAppId: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start within 30 s:\n${output}`)), 30_000);
        const onData = (data: Buffer) => {
          output += String(data);
          const match = /"url":"(http:\/\/127\.0\.0\.1:\d+)\/api\/messages".*Relais Indé is listening/.exec(
            output,
          );
          if (match) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
      });
      const reply = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          text: 'bonjour',
          channelId: 'emulator',
          deliveryMode: 'expectReplies',
          serviceUrl: 'http://localhost',
          from: { id: 'u1' },
          recipient: { id: 'bot' },
          conversation: { id: 'c1' },
          locale: 'fr-FR',
        }),
      });
      expect(reply.status).toBe(200);
      const body = (await reply.json()) as { activities: { text?: string }[] };
      expect(body.activities.map((a) => a.text ?? '').join(' ')).toContain('Relais Indé');
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
