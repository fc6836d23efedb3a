/**
 * A whole turn through the HTTP endpoint, as the Emulator sends it (recognition, dialogs, knowledge, cards,
 * state), against a baseline in the same process: `GET /healthz` on the same server, which measures the HTTP
 * stack alone. Sequential requests on loopback, a bounded number of them.
 */
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../bot/config';
import { startBot } from '../bot/main';

const TURNS = 300;

const MESSAGES = [
  'bonjour',
  'mon camion est en panne, je suis électricien',
  'je suis enceinte de jumeaux, je suis artisane depuis 3 ans',
  "j'ai perdu ma carte vitale",
  'comment déclarer la TVA',
];

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)] };
}

export async function run(): Promise<void> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'production' });
  const bot = await startBot(config);
  try {
    const turn = async (i: number) => {
      const body = {
        type: 'message',
        text: MESSAGES[i % MESSAGES.length],
        channelId: 'emulator',
        deliveryMode: 'expectReplies',
        serviceUrl: 'http://127.0.0.1:1',
        locale: 'fr-FR',
        from: { id: 'bench-user' },
        recipient: { id: 'bot' },
        conversation: { id: `bench-${i}` },
      };
      const response = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.status !== 200) throw new Error(`turn ${i}: HTTP ${response.status}`);
      await response.text();
    };
    const health = async () => {
      const response = await fetch(`${bot.url}/healthz`);
      await response.text();
    };
    const time = async (fn: (i: number) => Promise<void>): Promise<number[]> => {
      const samples: number[] = [];
      for (let i = 0; i < TURNS; i++) {
        const t0 = performance.now();
        await fn(i);
        samples.push(performance.now() - t0);
      }
      return samples;
    };
    await time(turn); // warm-up
    const turns = stats(await time(turn));
    const baseline = stats(await time(health));
    console.log(`turn over HTTP (${TURNS} requests, ${MESSAGES.length} messages, new conversation each)`);
    console.log(`  POST /api/messages  median ${turns.median.toFixed(2)} ms  p95 ${turns.p95.toFixed(2)} ms`);
    console.log(
      `  baseline GET /healthz median ${baseline.median.toFixed(2)} ms  p95 ${baseline.p95.toFixed(2)} ms`,
    );
    console.log(
      `  ratio turn/baseline: median ×${(turns.median / baseline.median).toFixed(1)}, p95 ×${(turns.p95 / baseline.p95).toFixed(1)}`,
    );
  } finally {
    await bot.close();
  }
}
