import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { connect, createServer } from 'node:net';
import path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');

/** The `redis-server` executable (Debian's package), or undefined when it is not installed. */
export function findRedisServer(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/sbin', '/usr/local/bin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = path.join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not there
    }
  }
  return undefined;
}

/** A free loopback TCP port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let answer = '';
    socket.setTimeout(500, () => socket.destroy());
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      answer += String(data);
      if (answer.includes('\r\n')) socket.end();
    });
    socket.on('close', () => resolve(answer.startsWith('+PONG')));
    socket.on('error', () => undefined);
  });
}

/** Sends SIGTERM, then SIGKILL if the process is still there after `graceMs`; resolves to its exit code. */
export function stop(child: ChildProcess, graceMs = 3000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill('SIGTERM');
  });
}

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open but nothing is answered. */
  freeze(): void;
  /** Wakes a frozen server (SIGCONT). */
  thaw(): void;
}

export interface RedisOptions {
  /** A given port (to restart a server where its clients expect it); a free one by default. */
  port?: number;
  /** Keep the data in an append-only file in this folder (fsync at every write), so that a restart finds it. */
  dataDir?: string;
}

/** Starts a throw-away `redis-server` on a loopback port, without persistence by default, and waits for PONG. */
export async function startRedis(executable: string, options: RedisOptions = {}): Promise<RedisServer> {
  const port = options.port ?? (await freePort());
  const persistence = options.dataDir
    ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', options.dataDir]
    : ['--appendonly', 'no'];
  const child = spawn(
    executable,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--daemonize', 'no'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (data) => (stderr += String(data)));
  const end = Date.now() + 5000;
  while (!(await ping(port))) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}): ${stderr}`);
    if (Date.now() > end) {
      await stop(child);
      throw new Error(`redis-server did not answer on port ${port}: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      if (child.signalCode === null && child.exitCode === null) child.kill('SIGCONT');
      await stop(child);
    },
    freeze: () => child.kill('SIGSTOP'),
    thaw: () => child.kill('SIGCONT'),
  };
}

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
