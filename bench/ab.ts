/**
 * A/B over HTTP of several versions of the bot (bench/notes.md, fifth pass): each version is a folder holding the
 * project (e.g. `git archive <commit> | tar -x -C /tmp/v1`, with `node_modules` linked), started as `npm start`
 * starts it; the bench's load generator (`runSlice`) drives them in turn, in short slices, several rounds, the order
 * reversed every other round, so that every version sees the same machine. Per version: turns/s, p99, the server's
 * CPU time per turn (from /proc/<pid>/stat) and the load generator's; then each version's ratios to the first one,
 * round by round. No figure is written anywhere: this is for comparing changes, `npm run bench` for the targets.
 *
 * Usage: node --import tsx bench/ab.ts <first|journeys> <rounds> <sliceMs> <name>=<folder>[:<entry>] ...
 *   e.g. node --import tsx bench/ab.ts first 10 1200 before=/tmp/v1 after=. floor=.:bench/floors/guided.ts
 * A name starting with `floor` plays the dialogs floor's journey under the journey load. USERS (default 32).
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { runSlice, type Script } from './lib/load';
import { NODE_FLAGS, startServer, stopChild } from './lib/procs';
import { median } from './lib/stats';

interface Version {
  name: string;
  url: string;
  child: ChildProcess;
}

interface Samples {
  turnsPerSecond: number[];
  serverCpuUs: number[];
  clientCpuUs: number[];
  p99Ms: number[];
}

/** User + system CPU time of a process so far, in clock ticks (1/100 s). */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

async function start(name: string, folder: string, entry: string): Promise<Version> {
  const server = await startServer(
    name,
    [...NODE_FLAGS, '--import', 'tsx', entry],
    {},
    60_000,
    path.resolve(folder),
  );
  return { name, url: server.url, child: server.child };
}

function ratios(of: number[], to: number[]): number[] {
  return of.map((x, i) => x / to[i]);
}

async function main(): Promise<void> {
  const [load, roundsArg, sliceArg, ...specs] = process.argv.slice(2);
  if ((load !== 'first' && load !== 'journeys') || specs.length === 0) {
    throw new Error('usage: bench/ab.ts <first|journeys> <rounds> <sliceMs> <name>=<folder>[:<entry>] ...');
  }
  const rounds = Number(roundsArg);
  const sliceMs = Number(sliceArg);
  const users = Number(process.env.USERS ?? 32);
  const data = parse(readFileSync(path.join(__dirname, 'journeys.yaml'), 'utf8')) as {
    firstMessages: string[];
    journeys: Script[];
    floorJourney: Script;
  };
  const firstMessages: Script[] = data.firstMessages.map((text, i) => ({
    name: `first message ${i + 1}`,
    steps: [{ text }],
  }));
  const scriptsOf = (name: string): Script[] => {
    if (load === 'first') return firstMessages;
    return name.startsWith('floor') ? [data.floorJourney] : data.journeys;
  };
  const versions: Version[] = [];
  try {
    for (const spec of specs) {
      const [name, where] = spec.split('=');
      const [folder, entry] = where.split(':');
      versions.push(await start(name, folder, entry ?? 'bot/index.ts'));
    }
    // Warm-up: JIT, caches, and past the first 10 000 requests (Node's check of Buffer() calls from restify).
    for (const v of versions) {
      await runSlice({
        url: v.url,
        scripts: scriptsOf(v.name),
        concurrency: 8,
        durationMs: 3000,
        tag: 'warmup',
      });
    }
    const samples = new Map<string, Samples>(
      versions.map((v) => [v.name, { turnsPerSecond: [], serverCpuUs: [], clientCpuUs: [], p99Ms: [] }]),
    );
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? versions : [...versions].reverse();
      for (const v of order) {
        const pid = v.child.pid as number;
        const server0 = cpuTicks(pid);
        const client0 = process.cpuUsage();
        const slice = await runSlice({
          url: v.url,
          scripts: scriptsOf(v.name),
          concurrency: users,
          durationMs: sliceMs,
          tag: `${load}-${round}`,
        });
        const client = process.cpuUsage(client0);
        const server = cpuTicks(pid) - server0;
        if (slice.errors > 0) throw new Error(`${v.name}: ${slice.errors} errors (${slice.firstError})`);
        const s = samples.get(v.name) as Samples;
        const latencies = [...slice.latencies].sort((a, b) => a - b);
        s.turnsPerSecond.push((slice.turns * 1000) / slice.windowMs);
        s.serverCpuUs.push((server * 10_000) / slice.turns);
        s.clientCpuUs.push((client.user + client.system) / slice.turns);
        s.p99Ms.push(latencies[Math.floor(latencies.length * 0.99)] ?? NaN);
      }
    }
    const list = (values: number[], digits = 0) => values.map((x) => x.toFixed(digits)).join(' ');
    for (const [name, s] of samples) {
      process.stdout.write(
        `${name}: turns/s ${median(s.turnsPerSecond).toFixed(0)} [${list(s.turnsPerSecond)}], ` +
          `server CPU ${median(s.serverCpuUs).toFixed(0)} µs/turn [${list(s.serverCpuUs)}], ` +
          `load generator ${median(s.clientCpuUs).toFixed(0)} µs/turn, p99 ${median(s.p99Ms).toFixed(1)} ms\n`,
      );
    }
    const first = samples.get(versions[0].name) as Samples;
    for (const v of versions.slice(1)) {
      const s = samples.get(v.name) as Samples;
      const tps = ratios(s.turnsPerSecond, first.turnsPerSecond);
      const cpu = ratios(s.serverCpuUs, first.serverCpuUs);
      process.stdout.write(
        `${v.name} / ${versions[0].name}: turns/s ×${median(tps).toFixed(3)} [${list(tps, 2)}], ` +
          `server CPU per turn ×${median(cpu).toFixed(3)}\n`,
      );
    }
  } finally {
    await Promise.all(versions.map((v) => stopChild(v.child)));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
