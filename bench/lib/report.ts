/**
 * Turns a bench run into bench/results/*.json, and (full runs) docs/performance.md with its chart
 * docs/performance.svg: the targets with their ratios (same run), every load cell, start-up, memory, and the
 * hand-written analysis kept in bench/notes.md.
 */
import * as fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import type { RecognizerResult } from '../recognizer';
import { ROOT } from './procs';

export interface LoadCell {
  config: string;
  load: string;
  concurrency: number;
  turns: number;
  journeys: number;
  errors: number;
  firstError?: string;
  seconds: number;
  turnsPerSecond: number;
  journeysPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface StartupRow {
  config: string;
  mode: 'npm start' | 'compiled';
  medianMs: number;
  samplesMs: number[];
}

export interface MemorySample {
  conversations: number;
  heapUsedMB: number;
  rssMB: number;
}

export interface BenchResults {
  date: string;
  quick: boolean;
  machine: { cpus: number; cpuModel: string; node: string; loadavg: number[] };
  plan: Record<string, unknown>;
  buildMs?: number;
  recognizer: RecognizerResult;
  startup: StartupRow[];
  load: LoadCell[];
  memory: {
    conversations: number;
    requested: number;
    seconds: number;
    cpuMsPerTurn: number;
    stateBytes: Record<string, number>;
    storedEntries?: number;
    maxEntries?: number;
    samples: MemorySample[];
  };
  durationSeconds: number;
}

export interface TargetRow {
  name: string;
  measured: string;
  target: string;
  ratio?: number;
  met: boolean | undefined;
}

const MEM = 'Relais Indé (memory)';
const REDIS = 'Relais Indé (Redis)';
const DIALOGS = 'dialogs floor';
const ECHO = 'echo floor';
/** The compiled build against the floors compiled the same way (full runs only). */
const COMPILED = 'Relais Indé (compiled)';
const DIALOGS_COMPILED = 'dialogs floor (compiled)';
const ECHO_COMPILED = 'echo floor (compiled)';

function cell(results: BenchResults, config: string, load: string, concurrency = 32): LoadCell | undefined {
  return results.load.find((c) => c.config === config && c.load === load && c.concurrency === concurrency);
}

function ratioRow(
  name: string,
  a: number | undefined,
  b: number | undefined,
  op: '>=' | '<=',
  limit: number,
  unit: string,
): TargetRow {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) {
    return { name, measured: 'not measured', target: `${op} ${limit}`, met: undefined };
  }
  const ratio = a / b;
  return {
    name,
    measured: `${a.toFixed(unit === 'ms' ? 1 : 0)} / ${b.toFixed(unit === 'ms' ? 1 : 0)} ${unit}`,
    target: `ratio ${op === '>=' ? '≥' : '≤'} ${limit}`,
    ratio,
    met: op === '>=' ? ratio >= limit : ratio <= limit,
  };
}

function absoluteRow(
  name: string,
  value: number | undefined,
  limit: number,
  unit: string,
  digits = 3,
): TargetRow {
  if (value === undefined || !Number.isFinite(value)) {
    return { name, measured: 'not measured', target: `≤ ${limit} ${unit}`, met: undefined };
  }
  return {
    name,
    measured: `${value.toFixed(digits)} ${unit}`,
    target: `≤ ${limit} ${unit}`,
    met: value <= limit,
  };
}

/** RSS growth per conversation over the second half of the memory run (the bound should make it ~0). */
export function rssGrowthPerConversation(samples: MemorySample[]): number | undefined {
  if (samples.length < 3) return undefined;
  const last = samples[samples.length - 1];
  const middle = samples.reduce((best, s) =>
    Math.abs(s.conversations - last.conversations / 2) < Math.abs(best.conversations - last.conversations / 2)
      ? s
      : best,
  );
  const n = last.conversations - middle.conversations;
  return n > 0 ? ((last.rssMB - middle.rssMB) * 2 ** 20) / n : undefined;
}

export function targets(results: BenchResults): TargetRow[] {
  const first = (config: string) => cell(results, config, 'first messages');
  const journey = (config: string) => cell(results, config, 'journeys');
  const start = (config: string, mode: string) =>
    results.startup.find((s) => s.config === config && s.mode === mode)?.medianMs;
  const stateMax = Math.max(...Object.values(results.memory.stateBytes));
  const growth = rssGrowthPerConversation(results.memory.samples);
  return [
    ratioRow(
      'first messages ×32: throughput vs dialogs floor',
      first(MEM)?.turnsPerSecond,
      first(DIALOGS)?.turnsPerSecond,
      '>=',
      0.9,
      'turns/s',
    ),
    ratioRow(
      'first messages ×32: p99 vs dialogs floor',
      first(MEM)?.p99Ms,
      first(DIALOGS)?.p99Ms,
      '<=',
      1.25,
      'ms',
    ),
    ratioRow(
      'first messages ×32: throughput vs echo floor',
      first(MEM)?.turnsPerSecond,
      first(ECHO)?.turnsPerSecond,
      '>=',
      0.5,
      'turns/s',
    ),
    ratioRow(
      "whole journeys ×32: turns/s vs dialogs floor's first messages",
      journey(MEM)?.turnsPerSecond,
      first(DIALOGS)?.turnsPerSecond,
      '>=',
      0.9,
      'turns/s',
    ),
    ratioRow(
      'compiled build: first messages ×32, throughput vs dialogs floor (compiled)',
      first(COMPILED)?.turnsPerSecond,
      first(DIALOGS_COMPILED)?.turnsPerSecond,
      '>=',
      0.9,
      'turns/s',
    ),
    ratioRow(
      'compiled build: first messages ×32, p99 vs dialogs floor (compiled)',
      first(COMPILED)?.p99Ms,
      first(DIALOGS_COMPILED)?.p99Ms,
      '<=',
      1.25,
      'ms',
    ),
    ratioRow(
      'compiled build: first messages ×32, throughput vs echo floor (compiled)',
      first(COMPILED)?.turnsPerSecond,
      first(ECHO_COMPILED)?.turnsPerSecond,
      '>=',
      0.5,
      'turns/s',
    ),
    ratioRow(
      "compiled build: whole journeys ×32, turns/s vs dialogs floor's (compiled) first messages",
      journey(COMPILED)?.turnsPerSecond,
      first(DIALOGS_COMPILED)?.turnsPerSecond,
      '>=',
      0.9,
      'turns/s',
    ),
    ratioRow(
      'Redis vs memory, first messages ×32',
      first(REDIS)?.turnsPerSecond,
      first(MEM)?.turnsPerSecond,
      '>=',
      0.6,
      'turns/s',
    ),
    ratioRow(
      'Redis vs memory, whole journeys ×32',
      journey(REDIS)?.turnsPerSecond,
      journey(MEM)?.turnsPerSecond,
      '>=',
      0.6,
      'turns/s',
    ),
    ratioRow(
      'start-up to first answer, npm start, vs dialogs floor',
      start('Relais Indé', 'npm start'),
      start(DIALOGS, 'npm start'),
      '<=',
      1.3,
      'ms',
    ),
    ratioRow(
      'start-up to first answer, compiled build, vs dialogs floor',
      start('Relais Indé', 'compiled'),
      start(DIALOGS, 'compiled'),
      '<=',
      1.3,
      'ms',
    ),
    absoluteRow('recogniser, long messages, median', results.recognizer.long.median, 0.1, 'ms'),
    absoluteRow('recogniser, long messages, p99', results.recognizer.long.p99, 1, 'ms'),
    absoluteRow('state per conversation (largest journey)', stateMax, 4096, 'bytes', 0),
    absoluteRow(
      'RSS growth per conversation, second half of the memory run',
      growth === undefined ? undefined : Math.max(0, growth),
      1024,
      'bytes',
      0,
    ),
  ];
}

// ---------------------------------------------------------------------------------------------------- chart

const COLORS: Record<string, string> = {
  [ECHO]: '#9e9e9e',
  [DIALOGS]: '#5c6bc0',
  [MEM]: '#2e7d32',
  [REDIS]: '#c62828',
  [ECHO_COMPILED]: '#616161',
  [DIALOGS_COMPILED]: '#283593',
  [COMPILED]: '#1b5e20',
};

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

interface Bar {
  label: string;
  values: { value: number; color: string; opacity?: number }[];
}

/** One bar panel at (x, y): groups of bars with a y axis, gridlines and labels. */
function panel(x: number, y: number, w: number, h: number, title: string, unit: string, bars: Bar[]): string {
  const max = niceMax(
    Math.max(...bars.flatMap((b) => b.values.map((v) => v.value)).filter(Number.isFinite), 0),
  );
  const left = 64;
  const bottom = 34;
  const plotW = w - left - 8;
  const plotH = h - bottom - 26;
  const out: string[] = [`<g transform="translate(${x},${y})">`];
  out.push(
    `<text x="${w / 2}" y="14" text-anchor="middle" font-size="13" font-weight="bold">${esc(title)}</text>`,
  );
  for (let i = 0; i <= 4; i++) {
    const gy = 26 + plotH - (plotH * i) / 4;
    out.push(`<line x1="${left}" x2="${left + plotW}" y1="${gy}" y2="${gy}" stroke="#ddd"/>`);
    out.push(
      `<text x="${left - 4}" y="${gy + 4}" text-anchor="end" font-size="10">${(max * i) / 4}${i === 4 ? ` ${unit}` : ''}</text>`,
    );
  }
  const groupW = plotW / Math.max(1, bars.length);
  bars.forEach((bar, gi) => {
    const n = bar.values.length;
    const barW = Math.min(28, (groupW * 0.8) / n);
    const gx = left + gi * groupW + (groupW - barW * n) / 2;
    bar.values.forEach((v, vi) => {
      const value = Number.isFinite(v.value) ? v.value : 0;
      const bh = (plotH * value) / max;
      out.push(
        `<rect x="${gx + vi * barW}" y="${26 + plotH - bh}" width="${barW - 1}" height="${bh}" fill="${v.color}"` +
          `${v.opacity ? ` fill-opacity="${v.opacity}"` : ''}><title>${esc(bar.label)}: ${value.toFixed(1)} ${unit}</title></rect>`,
      );
    });
    const lines = bar.label.split('\n');
    lines.forEach((line, li) =>
      out.push(
        `<text x="${left + gi * groupW + groupW / 2}" y="${26 + plotH + 13 + li * 11}" text-anchor="middle" font-size="9.5">${esc(line)}</text>`,
      ),
    );
  });
  out.push('</g>');
  return out.join('\n');
}

function shortName(config: string): string {
  return config
    .replace('Relais Indé (memory)', 'Relais\nmemory')
    .replace('Relais Indé (Redis)', 'Relais\nRedis')
    .replace('Relais Indé (compiled)', 'Relais\ncompiled')
    .replace(' floor (compiled)', '\ncompiled')
    .replace(' floor', '\nfloor');
}

export function chart(results: BenchResults): string {
  const concurrencies = [...new Set(results.load.map((c) => c.concurrency))].sort((a, b) => a - b);
  const loads = ['first messages', 'journeys'];
  const panelW = 330;
  const panelH = 190;
  const width = panelW * 4 + 20;
  const height = 60 + concurrencies.length * (panelH + 10) + 20;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="20" font-size="15" font-weight="bold">Relais Indé vs Bot Framework floors — ${esc(results.date.slice(0, 16).replace('T', ' '))} UTC, ${results.machine.cpus} CPUs${results.quick ? ' (quick)' : ''}</text>`,
    `<text x="10" y="38" font-size="11">Throughput (turns/s, higher is better) and latency (p50 solid, p99 light; lower is better), per load and number of concurrent users.</text>`,
  ];
  let legendX = 10;
  for (const [config, color] of Object.entries(COLORS)) {
    parts.push(`<rect x="${legendX}" y="46" width="10" height="10" fill="${color}"/>`);
    parts.push(`<text x="${legendX + 14}" y="55" font-size="11">${esc(config)}</text>`);
    legendX += 160;
  }
  concurrencies.forEach((concurrency, row) => {
    const y = 62 + row * (panelH + 10);
    loads.forEach((load, li) => {
      const cells = results.load.filter((c) => c.load === load && c.concurrency === concurrency);
      parts.push(
        panel(
          10 + li * 2 * panelW,
          y,
          panelW,
          panelH,
          `${load}, ${concurrency} users: throughput`,
          'turns/s',
          cells.map((c) => ({
            label: shortName(c.config),
            values: [{ value: c.turnsPerSecond, color: COLORS[c.config] ?? '#000' }],
          })),
        ),
      );
      parts.push(
        panel(
          10 + (li * 2 + 1) * panelW,
          y,
          panelW,
          panelH,
          `${load}, ${concurrency} users: p50 / p99`,
          'ms',
          cells.map((c) => ({
            label: shortName(c.config),
            values: [
              { value: c.p50Ms, color: COLORS[c.config] ?? '#000' },
              { value: c.p99Ms, color: COLORS[c.config] ?? '#000', opacity: 0.4 },
            ],
          })),
        ),
      );
    });
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------- markdown

function fmt(value: number | undefined, digits = 0): string {
  return value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

export function markdown(results: BenchResults, notes: string): string {
  const rows = targets(results);
  const lines: string[] = [
    '# Performance',
    '',
    '<!-- Generated by `npm run bench` (bench/run.ts, bench/lib/report.ts); the analysis comes from bench/notes.md. -->',
    '',
    `Run of ${results.date} on ${results.machine.cpus} CPUs (${results.machine.cpuModel}), Node ${results.machine.node}; ` +
      `load average at the end ${results.machine.loadavg.map((l) => l.toFixed(1)).join(' / ')}; the whole run took ` +
      `${fmt(results.durationSeconds)} s. Everything below comes from this one run: loads were interleaved ` +
      `(floor, bot, floor, bot…, ${results.plan.rounds} rounds of ${Number(results.plan.sliceMs) / 1000} s slices per ` +
      'configuration and concurrency), so the ratios hold even when the machine is shared; absolute figures do not.',
    '',
    'Reproduce: `npm run bench` (about 7 minutes; `npm run bench -- --quick` for the short CI run).',
    '',
    '![Throughput and p50/p99 latency per configuration](performance.svg)',
    '',
    '## Targets',
    '',
    '| target | measured | required | ratio | met |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.measured} | ${r.target} | ${r.ratio === undefined ? '' : r.ratio.toFixed(2)} | ${
          r.met === undefined ? '–' : r.met ? 'yes' : '**no**'
        } |`,
    ),
    '',
    '## Configurations',
    '',
    '- **echo floor** (`bench/floors/echo.ts`): the smallest Bot Framework bot — restify, `CloudAdapter`, one ' +
      'conversation-state property on `MemoryStorage`; answers each message with its text.',
    '- **dialogs floor** (`bench/floors/guided.ts`): a samples-style guided bot — conversation and user state on ' +
      '`MemoryStorage`, a `ComponentDialog` with a waterfall, a `ChoicePrompt` with six suggested actions, an ' +
      'Adaptive Card answer. Its journey is its first message then one of its six labels (never free text: the ' +
      "SDK's number and ordinal recognisers would take seconds per turn).",
    '- **Relais Indé (memory)**: `bot/index.ts` as `npm start` runs it, default settings, bounded in-memory state.',
    '- **Relais Indé (Redis)**: the same with `REDIS_URL` pointing at a `redis-server` the bench started on a free ' +
      'loopback port.',
    '- **… (compiled)** (full runs): the compiled build as production runs it (`npm run build`, then ' +
      '`npm run start:prod`, in memory), against both floors transpiled the same way (TypeScript → CommonJS, ' +
      "bench/.build/): the ratio without the cost of `npm start`'s loader (tsx), which each side pays for its own " +
      'code only.',
    '',
    'Every server runs in its own process, same `botbuilder` and `restify` versions, `LOG_LEVEL=silent`, requests ' +
      'with `deliveryMode: "expectReplies"` on loopback from a closed-loop load generator in the bench process ' +
      '(`bench/lib/load.ts`; each simulated user sends its next message when the previous one is answered). ' +
      '_First messages_: each request opens a new conversation with one of the five main needs ' +
      '(`bench/journeys.yaml`). _Journeys_: each user clicks a whole guided journey through to its final card ' +
      '(aide financière to the form link, maternité, IJ, HELP); a journey counts only if its final reply carries ' +
      'the expected text.',
    '',
    '## Load',
    '',
    '| load | users | configuration | turns/s | journeys/s | p50 ms | p99 ms | turns | errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.load.map(
      (c) =>
        `| ${c.load} | ${c.concurrency} | ${c.config} | ${fmt(c.turnsPerSecond)} | ${
          c.load === 'journeys' ? fmt(c.journeysPerSecond, 1) : ''
        } | ${fmt(c.p50Ms, 1)} | ${fmt(c.p99Ms, 1)} | ${c.turns} | ${c.errors} |`,
    ),
    '',
    '## Start-up to the first answered message',
    '',
    'From spawning `node` to the first `200` reply to a message (polled every 10 ms); median of the runs. ' +
      '`npm start` mode is `node --import tsx <entry>.ts`, compiled is `node <entry>.js` (`npm run build` for ' +
      'Relais Indé, the floors transpiled the same way into `bench/.build/`).',
    '',
    '| configuration | mode | median ms | runs ms |',
    '| --- | --- | --- | --- |',
    ...results.startup.map(
      (s) =>
        `| ${s.config} | ${s.mode} | ${fmt(s.medianMs)} | ${s.samplesMs.map((m) => fmt(m)).join(', ')} |`,
    ),
    '',
    '## Recogniser',
    '',
    `Model build ${fmt(results.recognizer.buildMs)} ms (cached model or training). Time per \`recognize()\` call:`,
    '',
    '| messages | mean length | median µs | p99 µs | baseline median µs | baseline p99 µs |',
    '| --- | --- | --- | --- | --- | --- |',
    `| short | ${fmt(results.recognizer.short.meanChars)} chars | ${fmt(results.recognizer.short.median * 1000, 1)} | ${fmt(results.recognizer.short.p99 * 1000, 1)} | ${fmt(results.recognizer.baselineShort.median * 1000, 1)} | ${fmt(results.recognizer.baselineShort.p99 * 1000, 1)} |`,
    `| long | ${fmt(results.recognizer.long.meanChars)} chars | ${fmt(results.recognizer.long.median * 1000, 1)} | ${fmt(results.recognizer.long.p99 * 1000, 1)} | ${fmt(results.recognizer.baselineLong.median * 1000, 1)} | ${fmt(results.recognizer.baselineLong.p99 * 1000, 1)} |`,
    '',
    'Baseline: fold + split + French stem with `natural`, in the same process.',
    '',
    '## Memory',
    '',
    `\`bench/memory.ts\`: Relais Indé's app in one process, default settings (at most ${
      results.memory.maxEntries ?? '∞'
    } state entries), ${results.memory.conversations} new conversations (of ${results.memory.requested} asked, ` +
      `the run stops after a time limit) in ${fmt(results.memory.seconds)} s, ${fmt(results.memory.cpuMsPerTurn, 2)} ms ` +
      `of CPU per turn; ${results.memory.storedEntries ?? '?'} entries held at the end. Heap and RSS after a GC:`,
    '',
    '| conversations | heap MB | RSS MB |',
    '| --- | --- | --- |',
    ...results.memory.samples.map(
      (s) => `| ${s.conversations} | ${fmt(s.heapUsedMB, 1)} | ${fmt(s.rssMB, 1)} |`,
    ),
    '',
    'State per conversation (conversation + user entries, JSON bytes) at the end of each journey: ' +
      Object.entries(results.memory.stateBytes)
        .map(([name, bytes]) => `${name} ${bytes} B`)
        .join(', ') +
      '.',
    '',
    notes.trim(),
    '',
  ];
  return lines.join('\n');
}

export function summary(results: BenchResults): string {
  return targets(results)
    .map(
      (r) =>
        `${r.met === undefined ? '  -' : r.met ? ' ok' : 'MISS'}  ${r.name}: ${r.measured}` +
        `${r.ratio === undefined ? '' : ` (ratio ${r.ratio.toFixed(2)}, ${r.target})`}`,
    )
    .join('\n');
}

async function formatted(file: string, text: string, parser: string): Promise<string> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, parser });
}

export async function writeReport(results: BenchResults): Promise<{ files: string[]; summary: string }> {
  const resultsDir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const files: string[] = [];
  const json = path.join(resultsDir, results.quick ? 'quick.json' : 'latest.json');
  fs.writeFileSync(
    json,
    await formatted(json, JSON.stringify({ ...results, targets: targets(results) }), 'json'),
  );
  files.push(path.relative(ROOT, json));
  if (!results.quick) {
    const notesFile = path.join(ROOT, 'bench', 'notes.md');
    const notes = fs.existsSync(notesFile) ? fs.readFileSync(notesFile, 'utf8') : '';
    const md = path.join(ROOT, 'docs', 'performance.md');
    fs.writeFileSync(md, await formatted(md, markdown(results, notes), 'markdown'));
    const svg = path.join(ROOT, 'docs', 'performance.svg');
    fs.writeFileSync(svg, chart(results));
    files.push(path.relative(ROOT, md), path.relative(ROOT, svg));
  }
  return { files, summary: summary(results) };
}
