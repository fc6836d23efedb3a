/**
 * `npm run bench` — Relais Indé against two Bot Framework floors, in one run, on loopback:
 *   - echo floor (bench/floors/echo.ts) and dialogs floor (bench/floors/guided.ts), each in its own process;
 *   - Relais Indé as `npm start` runs it, in memory, and on a real redis-server started here on a free port;
 *   - loads interleaved (floor, bot, floor, bot…) in short slices, several rounds, so that ratios hold on a noisy
 *     machine: first messages of new conversations, and whole guided journeys, at 1, 8, 32 and 128 users;
 *   - the recogniser micro-benchmark, memory (state per conversation, heap and RSS over many conversations),
 *     start-up to the first answered message (`npm start` and the compiled build, floors started the same way).
 * Writes bench/results/latest.json, docs/performance.md and docs/performance.svg (`--quick`: a short run, under a
 * minute, for CI, written to bench/results/quick.json only). No assertion: the targets are reported, not enforced.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { buildFloors, buildProject } from './lib/build';
import { runSlice, type Script, type SliceResult } from './lib/load';
import { NODE_FLAGS, ROOT, type ServerProcess, startRedis, startServer, type Redis } from './lib/procs';
import { median, percentile } from './lib/stats';
import { writeReport, type BenchResults, type LoadCell, type StartupRow } from './lib/report';
import { runRecognizer } from './recognizer';

const QUICK = process.argv.includes('--quick');

const PLAN = QUICK
  ? {
      concurrencies: [32],
      rounds: 1,
      sliceMs: 800,
      warmupMs: 400,
      startupReps: 1,
      compiled: false,
      recognizerCalls: 800,
      memoryConversations: 2000,
      memoryMaxSeconds: 3,
    }
  : {
      concurrencies: [1, 8, 32, 128],
      rounds: 5,
      sliceMs: 1200,
      warmupMs: 1500,
      startupReps: 3,
      compiled: true,
      recognizerCalls: 5000,
      memoryConversations: 200_000,
      memoryMaxSeconds: 160,
    };

interface JourneyData {
  firstMessages: string[];
  journeys: Script[];
  floorJourney: Script;
}

const TSX = [...NODE_FLAGS, '--import', 'tsx'];

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

async function measureStartup(compiledFloors: Record<string, string> | undefined): Promise<StartupRow[]> {
  const kinds: { config: string; mode: 'npm start' | 'compiled'; args: string[] }[] = [
    { config: 'dialogs floor', mode: 'npm start', args: [...TSX, 'bench/floors/guided.ts'] },
    { config: 'Relais Indé', mode: 'npm start', args: [...TSX, 'bot/index.ts'] },
    { config: 'echo floor', mode: 'npm start', args: [...TSX, 'bench/floors/echo.ts'] },
  ];
  if (compiledFloors) {
    kinds.push(
      {
        config: 'dialogs floor',
        mode: 'compiled',
        args: [...NODE_FLAGS, compiledFloors.guided],
      },
      { config: 'Relais Indé', mode: 'compiled', args: [...NODE_FLAGS, 'dist/bot/index.js'] },
      { config: 'echo floor', mode: 'compiled', args: [...NODE_FLAGS, compiledFloors.echo] },
    );
  }
  const samples = new Map<string, number[]>();
  for (let rep = 0; rep < PLAN.startupReps; rep++) {
    for (const kind of kinds) {
      const server = await startServer(`${kind.config} ${kind.mode}`, kind.args);
      await server.stop();
      const key = `${kind.config}|${kind.mode}`;
      samples.set(key, [...(samples.get(key) ?? []), server.startupMs]);
      log(`  start-up ${kind.config} (${kind.mode}): ${server.startupMs.toFixed(0)} ms`);
    }
  }
  return kinds.map((kind) => {
    const ms = samples.get(`${kind.config}|${kind.mode}`) ?? [];
    return { config: kind.config, mode: kind.mode, medianMs: median(ms), samplesMs: ms };
  });
}

interface Target {
  config: string;
  server: ServerProcess;
  scripts: Script[];
}

function cellOf(config: string, load: string, concurrency: number, slices: SliceResult[]): LoadCell {
  const latencies = slices.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const windowMs = slices.reduce((n, s) => n + s.windowMs, 0);
  const turns = slices.reduce((n, s) => n + s.turns, 0);
  const journeys = slices.reduce((n, s) => n + s.journeys, 0);
  return {
    config,
    load,
    concurrency,
    turns,
    journeys,
    errors: slices.reduce((n, s) => n + s.errors, 0),
    firstError: slices.find((s) => s.firstError)?.firstError,
    seconds: windowMs / 1000,
    turnsPerSecond: (turns * 1000) / windowMs,
    journeysPerSecond: (journeys * 1000) / windowMs,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  };
}

/** Every target at every concurrency, `rounds` times, in short slices taken in turn (interleaved). */
async function measureLoad(load: string, targets: Target[]): Promise<LoadCell[]> {
  const cells: LoadCell[] = [];
  for (const concurrency of PLAN.concurrencies) {
    const slices = new Map<string, SliceResult[]>();
    for (let round = 0; round < PLAN.rounds; round++) {
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const target of order) {
        const slice = await runSlice({
          url: target.server.url,
          scripts: target.scripts,
          concurrency,
          durationMs: PLAN.sliceMs,
          tag: `${load}-${concurrency}-${round}`,
        });
        slices.set(target.config, [...(slices.get(target.config) ?? []), slice]);
      }
    }
    for (const target of targets) {
      const cell = cellOf(target.config, load, concurrency, slices.get(target.config) ?? []);
      cells.push(cell);
      log(
        `  ${load} ×${concurrency} ${target.config}: ${cell.turnsPerSecond.toFixed(0)} turns/s` +
          (load === 'journeys' ? `, ${cell.journeysPerSecond.toFixed(1)} journeys/s` : '') +
          `, p50 ${cell.p50Ms.toFixed(1)} ms, p99 ${cell.p99Ms.toFixed(1)} ms` +
          (cell.errors ? `, ${cell.errors} errors (${cell.firstError})` : ''),
      );
    }
  }
  return cells;
}

function runMemory(): Promise<BenchResults['memory']> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        ...TSX,
        'bench/memory.ts',
        String(PLAN.memoryConversations),
        String(PLAN.memoryMaxSeconds),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench/memory.ts exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as BenchResults['memory']);
    });
  });
}

/** `--report`: renders docs/performance.md and its chart again from bench/results/latest.json (after editing notes). */
async function reportOnly(): Promise<void> {
  const file = path.join(ROOT, 'bench', 'results', 'latest.json');
  const results = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults & { targets?: unknown };
  delete results.targets;
  const written = await writeReport(results);
  log(`${written.summary}\nwritten: ${written.files.join(', ')}`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--report')) return reportOnly();
  const started = performance.now();
  const data = parse(fs.readFileSync(path.join(__dirname, 'journeys.yaml'), 'utf8')) as JourneyData;
  const firstMessages: Script[] = data.firstMessages.map((text, i) => ({
    name: `first message ${i + 1}`,
    steps: [{ text }],
  }));
  log(`# Relais Indé bench (${QUICK ? 'quick' : 'full'}), ${os.cpus().length} CPUs, Node ${process.version}`);

  log('\n## recogniser');
  const recognizer = runRecognizer(PLAN.recognizerCalls);
  const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
  log(
    `  short: median ${us(recognizer.short.median)}, p99 ${us(recognizer.short.p99)}; ` +
      `long: median ${us(recognizer.long.median)}, p99 ${us(recognizer.long.p99)}`,
  );

  let compiledFloors: Record<string, string> | undefined;
  let buildMs: number | undefined;
  if (PLAN.compiled) {
    log('\n## build (npm run build, floors transpiled)');
    buildMs = buildProject();
    compiledFloors = buildFloors();
  }
  log('\n## start-up to the first answer');
  const startup = await measureStartup(compiledFloors);

  log('\n## load');
  const servers: ServerProcess[] = [];
  let redis: Redis | undefined;
  const load: LoadCell[] = [];
  try {
    // Started together (their start-up was measured above); each is pushed as soon as it is up, to be stopped.
    redis = await startRedis();
    const up = (promise: Promise<ServerProcess>) =>
      promise.then((server) => {
        servers.push(server);
        return server;
      });
    const redisUrl = redis?.url;
    const [echo, guided, memory, onRedis, compiled] = await Promise.all([
      up(startServer('echo floor', [...TSX, 'bench/floors/echo.ts'])),
      up(startServer('dialogs floor', [...TSX, 'bench/floors/guided.ts'])),
      up(startServer('Relais Indé (memory)', [...TSX, 'bot/index.ts'])),
      redisUrl
        ? up(startServer('Relais Indé (Redis)', [...TSX, 'bot/index.ts'], { REDIS_URL: redisUrl }))
        : undefined,
      // The compiled build, as production runs it (`npm run start:prod`), against the floors compiled the same
      // way: what the loader of `npm start` (tsx) costs each side is left out of the ratio.
      compiledFloors
        ? Promise.all([
            up(startServer('echo floor (compiled)', [...NODE_FLAGS, compiledFloors.echo])),
            up(startServer('dialogs floor (compiled)', [...NODE_FLAGS, compiledFloors.guided])),
            up(startServer('Relais Indé (compiled)', [...NODE_FLAGS, 'dist/bot/index.js'])),
          ])
        : undefined,
    ]);
    if (!redis) log('  redis-server is not installed: the Redis configuration is skipped');
    const [echoCompiled, guidedCompiled, relaisCompiled] = compiled ?? [];
    const firstTargets: Target[] = [
      { config: 'dialogs floor', server: guided, scripts: firstMessages },
      { config: 'Relais Indé (memory)', server: memory, scripts: firstMessages },
      { config: 'echo floor', server: echo, scripts: firstMessages },
      ...(onRedis ? [{ config: 'Relais Indé (Redis)', server: onRedis, scripts: firstMessages }] : []),
      ...(guidedCompiled && relaisCompiled && echoCompiled
        ? [
            { config: 'dialogs floor (compiled)', server: guidedCompiled, scripts: firstMessages },
            { config: 'Relais Indé (compiled)', server: relaisCompiled, scripts: firstMessages },
            { config: 'echo floor (compiled)', server: echoCompiled, scripts: firstMessages },
          ]
        : []),
    ];
    const journeyTargets: Target[] = [
      { config: 'dialogs floor', server: guided, scripts: [data.floorJourney] },
      { config: 'Relais Indé (memory)', server: memory, scripts: data.journeys },
      ...(onRedis ? [{ config: 'Relais Indé (Redis)', server: onRedis, scripts: data.journeys }] : []),
      ...(guidedCompiled && relaisCompiled
        ? [
            { config: 'dialogs floor (compiled)', server: guidedCompiled, scripts: [data.floorJourney] },
            { config: 'Relais Indé (compiled)', server: relaisCompiled, scripts: data.journeys },
          ]
        : []),
    ];
    // Warm-up (JIT, caches, connection pools), not counted.
    for (const target of [...firstTargets, ...journeyTargets]) {
      await runSlice({
        url: target.server.url,
        scripts: target.scripts,
        concurrency: 8,
        durationMs: PLAN.warmupMs / 2,
        tag: 'warmup',
      });
    }
    load.push(...(await measureLoad('first messages', firstTargets)));
    load.push(...(await measureLoad('journeys', journeyTargets)));
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await redis?.stop();
  }

  log('\n## memory');
  const memory = await runMemory();
  log(
    `  ${memory.conversations} conversations in ${memory.seconds.toFixed(0)} s; state per conversation ` +
      `${Math.max(...Object.values(memory.stateBytes))} bytes at most; RSS ${memory.samples.at(-1)?.rssMB.toFixed(0)} MB`,
  );

  const results: BenchResults = {
    date: new Date().toISOString(),
    quick: QUICK,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? '',
      node: process.version,
      loadavg: os.loadavg(),
    },
    plan: PLAN,
    buildMs,
    recognizer,
    startup,
    load,
    memory,
    durationSeconds: 0,
  };
  results.durationSeconds = (performance.now() - started) / 1000;
  const written = await writeReport(results);
  log(`\n${written.summary}`);
  log(`written: ${written.files.join(', ')} (${results.durationSeconds.toFixed(0)} s)`);
  const errors = load.reduce((n, c) => n + c.errors, 0);
  if (errors > 0) {
    log(`${errors} requests failed (see above): the figures are not valid`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
