/**
 * CPU per turn, in-process, after a warm-up (bench/notes.md, fourth and fifth passes): Relais Indé's app as
 * `npm start` builds it (in-memory store), driven through the CloudAdapter (`expectReplies`, no HTTP). First
 * messages of new conversations, or (`journeys`) the bench's whole guided journeys, each in a new conversation.
 * The warm-up is left out of the figure; with a warm-up above `MEMORY_STATE_MAX_ENTRIES` (20 000) the store is
 * full, as in the memory run or a server that has seen that many conversations. Prints µs per turn.
 *
 * Usage: node --import tsx bench/turnCpu.ts [turns=10000] [warmup=3000] [first|journeys]
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
  const journeys = process.argv[4] === 'journeys';
  const data = parse(readFileSync(path.join(__dirname, 'journeys.yaml'), 'utf8')) as {
    firstMessages: string[];
    journeys: { steps: { text: string }[] }[];
  };
  const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'production' });
  const app = createBotApp(config, createLogger(config), { recognizer: getRecognizer(), normalize });
  const turn = (id: string, text: string) =>
    app.adapter.processActivityDirect('', messageBody(id, text) as unknown as Activity, (context) =>
      app.bot.run(context),
    );
  const scripts = journeys
    ? data.journeys.map((j) => j.steps.map((step) => step.text))
    : data.firstMessages.map((text) => [text]);
  let conversation = 0;
  /** Whole scripts, each in a new conversation, until at least `count` turns: the number of turns run. */
  const run = async (count: number, tag: string): Promise<number> => {
    let done = 0;
    while (done < count) {
      const script = scripts[conversation++ % scripts.length];
      for (const text of script) await turn(`${tag}-${conversation}`, text);
      done += script.length;
    }
    return done;
  };
  await run(warmup, 'warm');
  const cpu0 = process.cpuUsage();
  const done = await run(turns, 'turn');
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(`${((cpu.user + cpu.system) / done).toFixed(0)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
