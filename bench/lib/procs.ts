/** Child processes of the bench: free loopback ports, a throw-away redis-server, bot servers, their stop. */
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { connect, createServer } from 'node:net';
import path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');

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

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** SIGTERM, then SIGKILL after `graceMs`. */
export function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function findExecutable(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/sbin', '/usr/local/bin'];
  for (const dir of dirs.filter(Boolean)) {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return path.join(dir, name);
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

function redisPing(port: number): Promise<boolean> {
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

export interface Redis {
  url: string;
  stop(): Promise<void>;
}

/** A redis-server on a free loopback port, without persistence; undefined when redis-server is not installed. */
export async function startRedis(): Promise<Redis | undefined> {
  const executable = findExecutable('redis-server');
  if (!executable) return undefined;
  const port = await freePort();
  const child = spawn(
    executable,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (data) => (stderr += String(data)));
  const end = Date.now() + 5000;
  while (!(await redisPing(port))) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}): ${stderr}`);
    if (Date.now() > end) {
      await stopChild(child);
      throw new Error(`redis-server did not answer on port ${port}`);
    }
    await sleep(50);
  }
  return { url: `redis://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

export interface ServerProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the first answered message. */
  startupMs: number;
  output(): string;
  stop(): Promise<void>;
}

/** A first message as every server under test receives it (`expectReplies`: the replies come back in the body). */
export function messageBody(conversationId: string, text: string, userId = `u-${conversationId}`) {
  return {
    type: 'message',
    id: `m-${conversationId}-${Date.now()}`,
    text,
    channelId: 'webchat',
    deliveryMode: 'expectReplies',
    serviceUrl: 'http://127.0.0.1:1',
    locale: 'fr-FR',
    from: { id: userId },
    recipient: { id: 'bot' },
    conversation: { id: conversationId },
  };
}

/**
 * Spawns `node <args>` with PORT set to a free loopback port, then sends a first message every 10 ms until one is
 * answered (HTTP 200 with a reply): the time from spawn to that answer is the start-up time.
 */
export async function startServer(
  name: string,
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      MicrosoftAppId: '',
      REDIS_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const body = JSON.stringify(messageBody(`startup-${name}-${port}`, 'bonjour'));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}): ${output}`);
    if (performance.now() - t0 > timeoutMs) {
      await stopChild(child);
      throw new Error(`${name} did not answer within ${timeoutMs} ms: ${output}`);
    }
    try {
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(5000),
      });
      const text = await response.text();
      if (response.status === 200 && text.includes('"activities"')) break;
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  const startupMs = performance.now() - t0;
  return { name, url, child, startupMs, output: () => output, stop: () => stopChild(child) };
}
