/**
 * A closed-loop load generator on loopback: `concurrency` simulated users, each walking scripts (one message or
 * a whole journey) in new conversations, one request at a time, as fast as the server answers. Bounded in time
 * (`durationMs`) and in requests (`maxRequests`); every request has a timeout. Only turns answered inside the
 * window count; a journey counts when its last turn is answered and carries the expected text.
 */
import http from 'node:http';
import { messageBody } from './procs';

export interface Step {
  text: string;
  /** A piece of text the reply must contain (checked on the journey's last step at least). */
  expect?: string;
}

export interface Script {
  name: string;
  steps: Step[];
}

export interface SliceResult {
  turns: number;
  journeys: number;
  errors: number;
  windowMs: number;
  latencies: number[];
  firstError?: string;
}

let conversationCounter = 0;

function post(
  agent: http.Agent,
  url: URL,
  body: string,
  timeoutMs: number,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: '/api/messages',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

export async function runSlice(options: {
  url: string;
  scripts: Script[];
  concurrency: number;
  durationMs: number;
  maxRequests?: number;
  timeoutMs?: number;
  tag: string;
}): Promise<SliceResult> {
  const { scripts, concurrency, durationMs } = options;
  const maxRequests = options.maxRequests ?? 500_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const url = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const result: SliceResult = { turns: 0, journeys: 0, errors: 0, windowMs: durationMs, latencies: [] };
  const start = performance.now();
  const deadline = start + durationMs;
  let sent = 0;
  let scriptIndex = 0;
  const fail = (message: string) => {
    result.errors++;
    result.firstError ??= message;
  };

  const user = async (userIndex: number) => {
    while (performance.now() < deadline && sent < maxRequests) {
      const script = scripts[scriptIndex++ % scripts.length];
      const conversationId = `${options.tag}-${process.pid}-${++conversationCounter}`;
      let completed = true;
      for (const step of script.steps) {
        if (performance.now() >= deadline || sent >= maxRequests) {
          completed = false;
          break;
        }
        sent++;
        const body = JSON.stringify(
          messageBody(conversationId, step.text, `user-${conversationId}-${userIndex}`),
        );
        const t0 = performance.now();
        try {
          const response = await post(agent, url, body, timeoutMs);
          const t1 = performance.now();
          if (response.status !== 200 || !response.text.includes('"activities"')) {
            fail(`${script.name}: HTTP ${response.status} ${response.text.slice(0, 200)}`);
            completed = false;
            break;
          }
          if (step.expect && !response.text.includes(step.expect)) {
            fail(
              `${script.name}: "${step.text}" → reply without "${step.expect}": ${response.text.slice(0, 300)}`,
            );
            completed = false;
            break;
          }
          if (t1 <= deadline) {
            result.turns++;
            result.latencies.push(t1 - t0);
          } else {
            completed = false;
          }
        } catch (error) {
          fail(`${script.name}: ${error instanceof Error ? error.message : String(error)}`);
          completed = false;
          break;
        }
      }
      if (completed) result.journeys++;
    }
  };

  await Promise.all(Array.from({ length: concurrency }, (_, i) => user(i)));
  agent.destroy();
  result.windowMs = Math.min(durationMs, performance.now() - start);
  return result;
}
