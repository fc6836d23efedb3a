/**
 * Same-process A/B of first messages (bench/notes.md, twenty-second look): the app of two source trees (each a
 * `git archive` with `node_modules` linked, as for `bench/ab.ts`) loaded in one process through tsx, driven like
 * `bench/turnCpu.ts` (CloudAdapter, `expectReplies`, in-memory store). Warmed message by message in turn, then
 * blocks of first messages alternated, the order reversed every other round; CPU time per turn of each block.
 * Prints each tree's median and the ratio B/A round by round. The tree loaded second has an advantage of a few per
 * cent on this machine (run both orders; an A/A of one tree gave ×0.996): a change under ≈ 5 % does not show.
 *
 * Usage: node --no-regexp-tier-up --import tsx bench/turnAB.ts <treeA> <treeB> [rounds=40] [block=150] [warmup=2000]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Activity, TurnContext } from 'botbuilder';
import { parse } from 'yaml';
import type * as App from '../bot/app';
import type * as Config from '../bot/config';
import type * as Logger from '../bot/logger';
import type * as Nlu from '../nlu';
import type * as Procs from './lib/procs';
import { median } from './lib/stats';

type Turn = (id: string, text: string) => Promise<unknown>;

/** The app of the tree at `root`: its modules have the shape of this tree's. */
async function appOf(root: string): Promise<Turn> {
  const at = (file: string) => path.join(path.resolve(root), file);
  const { createBotApp } = (await import(at('bot/app.ts'))) as typeof App;
  const { loadConfig } = (await import(at('bot/config.ts'))) as typeof Config;
  const { createLogger } = (await import(at('bot/logger.ts'))) as typeof Logger;
  const nlu = (await import(at('nlu/index.ts'))) as typeof Nlu;
  const { messageBody } = (await import(at('bench/lib/procs.ts'))) as typeof Procs;
  const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'production' });
  const app = createBotApp(config, createLogger(config), {
    recognizer: nlu.getRecognizer(),
    normalize: nlu.normalize,
  });
  return (id, text) =>
    app.adapter.processActivityDirect(
      '',
      messageBody(id, text) as unknown as Activity,
      (context: TurnContext) => app.bot.run(context),
    );
}

async function main(): Promise<void> {
  const [treeA, treeB, roundsArg = '40', blockArg = '150', warmArg = '2000'] = process.argv.slice(2);
  if (!treeA || !treeB) throw new Error('usage: bench/turnAB.ts <treeA> <treeB> [rounds] [block] [warmup]');
  const texts = (
    parse(readFileSync(path.join(__dirname, 'journeys.yaml'), 'utf8')) as { firstMessages: string[] }
  ).firstMessages;
  const a = await appOf(treeA);
  const b = await appOf(treeB);
  let conversation = 0;
  for (let i = 0; i < Number(warmArg); i++) {
    const text = texts[i % texts.length];
    await a(`warm-a-${conversation}`, text);
    await b(`warm-b-${conversation++}`, text);
  }
  const block = Number(blockArg);
  /** CPU µs per turn of one block of first messages, each in a new conversation. */
  const run = async (turn: Turn, tag: string): Promise<number> => {
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < block; i++) await turn(`${tag}-${conversation++}`, texts[i % texts.length]);
    const cpu = process.cpuUsage(cpu0);
    return (cpu.user + cpu.system) / block;
  };
  const usA: number[] = [];
  const usB: number[] = [];
  for (let round = 0; round < Number(roundsArg); round++) {
    if (round % 2 === 0) {
      usA.push(await run(a, 'a'));
      usB.push(await run(b, 'b'));
    } else {
      usB.push(await run(b, 'b'));
      usA.push(await run(a, 'a'));
    }
  }
  const ratios = usB.map((x, i) => x / usA[i]);
  const show = (xs: number[], digits: number) => xs.map((x) => x.toFixed(digits)).join(' ');
  process.stdout.write(
    `A: ${median(usA).toFixed(0)} µs/turn [${show(usA, 0)}]\n` +
      `B: ${median(usB).toFixed(0)} µs/turn [${show(usB, 0)}]\n` +
      `B/A: median ×${median(ratios).toFixed(3)} [${show(ratios, 2)}]\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
