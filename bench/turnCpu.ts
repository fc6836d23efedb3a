/**
 * CPU per first-message turn, in-process, after a warm-up (bench/notes.md, fourth pass on the turn): Relais Indé's
 * app as `npm start` builds it (in-memory store), driven through the CloudAdapter (`expectReplies`, no HTTP).
 * The warm-up is left out of the figure; with a warm-up above `MEMORY_STATE_MAX_ENTRIES` (20 000) the store is
 * full, as in the memory run or a server that has seen that many conversations. Prints µs per turn.
 *
 * Usage: node --import tsx bench/turnCpu.ts [turns=10000] [warmup=3000]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { parse } from 'yaml';
import { createBotApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { createLogger } from '../bot/logger';
import { getRecognizer, normalize } from '../nlu';
import { messageBody } from './lib/procs';

async function main(): Promise<void> {
  const turns = Number(process.argv[2] ?? 10_000);
  const warmup = Number(process.argv[3] ?? 3_000);
  const data = parse(readFileSync(path.join(__dirname, 'journeys.yaml'), 'utf8')) as {
    firstMessages: string[];
  };
  const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'production' });
  const app = createBotApp(config, createLogger(config), { recognizer: getRecognizer(), normalize });
  const turn = (id: string, text: string) =>
    app.adapter.processActivityDirect('', messageBody(id, text) as unknown as Activity, (context) =>
      app.bot.run(context),
    );
  const texts = data.firstMessages;
  for (let i = 0; i < warmup; i++) await turn(`warm-${i}`, texts[i % texts.length]);
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < turns; i++) await turn(`turn-${i}`, texts[i % texts.length]);
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(`${((cpu.user + cpu.system) / turns).toFixed(0)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
