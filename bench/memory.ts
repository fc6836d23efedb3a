/**
 * Memory, in its own process (run by bench/run.ts with --expose-gc): Relais Indé's app (createBotApp, the
 * configured storage, as `npm start` builds it) serves N new conversations (a first message each), driven
 * through the CloudAdapter directly (no HTTP, `expectReplies`), stopping early after `maxSeconds`. Heap and RSS
 * are sampled after a GC at each twentieth; the bytes of state per conversation are the sizes of the stored
 * JSON entries a conversation and its user leave behind at the end of each guided journey. Prints one JSON line.
 *
 * Usage: node --expose-gc --import tsx bench/memory.ts <conversations> <maxSeconds> [unbounded]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { parse } from 'yaml';
import { createBotApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { createLogger } from '../bot/logger';
import { createStorage } from '../bot/storage';
import { getRecognizer, normalize } from '../nlu';
import type { Script } from './lib/load';
import { messageBody } from './lib/procs';

interface Data {
  firstMessages: string[];
  journeys: Script[];
}

async function main(): Promise<void> {
  const conversations = Number(process.argv[2] ?? 10000);
  const maxSeconds = Number(process.argv[3] ?? 60);
  const unbounded = process.argv[4] === 'unbounded';
  const data = parse(readFileSync(path.join(__dirname, 'journeys.yaml'), 'utf8')) as Data;
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
    ...(unbounded ? { MEMORY_STATE_MAX_ENTRIES: '10000000', MEMORY_STATE_IDLE_SECONDS: '0' } : {}),
  });
  const logger = createLogger(config);
  // The bot's own in-memory storage, made here so that its entry count can be read at the end (the app wraps it).
  const storage = createStorage(config, logger);
  const app = createBotApp(config, logger, { recognizer: getRecognizer(), normalize, storage });
  const turn = (conversationId: string, text: string) =>
    app.adapter.processActivityDirect(
      '',
      messageBody(conversationId, text) as unknown as Activity,
      (context) => app.bot.run(context),
    );

  // Bytes of state a conversation leaves: conversation entry + user entry, after each whole journey.
  const stateBytes: Record<string, number> = {};
  for (const journey of data.journeys) {
    const id = `state-${journey.name}`;
    for (const step of journey.steps) await turn(id, step.text);
    const keys = [`webchat/conversations/${id}/`, `webchat/users/u-${id}/`];
    const items = await app.storage.read(keys);
    stateBytes[journey.name] = Object.values(items).reduce(
      (sum, item) => sum + Buffer.byteLength(JSON.stringify(item)),
      0,
    );
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  const sample = (done: number) => {
    gc?.();
    const m = process.memoryUsage();
    return { conversations: done, heapUsedMB: m.heapUsed / 2 ** 20, rssMB: m.rss / 2 ** 20 };
  };
  const samples = [sample(0)];
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const every = Math.max(1, Math.floor(conversations / 20));
  let done = 0;
  while (done < conversations && performance.now() - t0 < maxSeconds * 1000) {
    done++;
    await turn(`mem-${done}`, data.firstMessages[done % data.firstMessages.length]);
    if (done % every === 0) samples.push(sample(done));
  }
  if (done % every !== 0) samples.push(sample(done));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuMsPerTurn = (cpu.user + cpu.system) / 1000 / done;
  const size = (storage as { size?: number }).size;
  const maxEntries = unbounded ? undefined : config.MEMORY_STATE_MAX_ENTRIES;
  process.stdout.write(
    `${JSON.stringify({ conversations: done, requested: conversations, unbounded, seconds, cpuMsPerTurn, stateBytes, storedEntries: size, maxEntries, samples })}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
