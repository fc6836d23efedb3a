/**
 * Child processes of the bench: bot servers and a throw-away redis-server (ports, redis and stopping come from
 * `scripts/lib/processes.ts`, shared with the tests).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  findRedisServer,
  freePort,
  ROOT,
  type RedisServer,
  sleep,
  startRedis as startRedisServer,
  stopChild,
} from '../../scripts/lib/processes';

export { ROOT, freePort, sleep, stopChild } from '../../scripts/lib/processes';

/** What the bench needs of a throw-away redis-server. */
export type Redis = Pick<RedisServer, 'url' | 'stop'>;

/** A redis-server on a free loopback port, without persistence; undefined when redis-server is not installed. */
export async function startRedis(): Promise<Redis | undefined> {
  const executable = findRedisServer();
  return executable ? startRedisServer(executable) : undefined;
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

/**
 * How every server of the bench (and of its A/B tool) is started, the bot as `npm start` / `npm run start:prod` start
 * it and the floors the same way: `--no-regexp-tier-up` compiles a regular expression straight to machine code at its
 * first run, instead of to bytecode first (V8's peephole optimiser made that step cost the bot's first message
 * 200–300 ms of pattern compiling: bench/notes.md, twentieth look).
 */
export const NODE_FLAGS: readonly string[] = ['--disable-warning=DEP0111', '--no-regexp-tier-up'];

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
  /** The project folder it runs in (another version's copy for an A/B). */
  cwd = ROOT,
): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd,
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
  return {
    name,
    url,
    child,
    startupMs,
    output: () => output,
    stop: async () => {
      await stopChild(child);
    },
  };
}
