/**
 * Bot processes for the tests; ports, redis-server and stopping come from `scripts/lib/processes.ts` (shared with the
 * bench) and are re-exported here for the tests that import them from this file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { ROOT, stopChild as stop } from '../../scripts/lib/processes';

export {
  findRedisServer,
  freePort,
  ROOT,
  type RedisOptions,
  type RedisServer,
  startRedis,
  stopChild as stop,
} from '../../scripts/lib/processes';

export interface BotProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote, for assertions and failure messages. */
  output(): string;
  stop(): Promise<number | null>;
}

/** How long a spawned bot may take to listen (a loaded CI machine with several test processes is slow). */
const START_TIMEOUT_MS = 40000;

/**
 * Starts several bot processes at once; if one fails to start, the others are stopped before the error is thrown
 * (a process left running would keep jest from exiting).
 */
export async function startBotProcesses(...envs: Array<Record<string, string>>): Promise<BotProcess[]> {
  const results = await Promise.allSettled(envs.map((env) => startBotProcess(env)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (!failed) return results.map((r) => (r as PromiseFulfilledResult<BotProcess>).value);
  await Promise.all(results.map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)));
  throw failed.reason;
}

/** `node --import tsx bot/index.ts` (what `npm start` runs) with this environment; resolves once it listens. */
export function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', 'bot/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      MicrosoftAppId: '',
      DIRECT_LINE_SECRET: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the bot did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (data: Buffer) => {
      output += String(data);
      const complete = output.split('\n').slice(0, -1);
      for (const line of complete) {
        if (!line.startsWith('{')) continue;
        let entry: { msg?: string; url?: string };
        try {
          entry = JSON.parse(line) as { msg?: string; url?: string };
        } catch {
          continue;
        }
        if (entry.msg === 'Relais Indé is listening' && entry.url) {
          clearTimeout(timer);
          child.stdout?.off('data', onData);
          child.stdout?.on('data', (more: Buffer) => (output += String(more)));
          resolve({
            url: entry.url.replace(/\/api\/messages$/, ''),
            child,
            output: () => output,
            stop: () => stop(child),
          });
          return;
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (data: Buffer) => (output += String(data)));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited (${code}) before listening:\n${output}`));
    });
  });
}
