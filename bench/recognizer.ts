/**
 * Recogniser micro-benchmark: time per `recognize()` call, median and p99, on short messages (the dev set and the
 * training sentences, lightly perturbed so that caches do not make every call a repeat) and on long ones (six of
 * them joined, 300–600 characters: someone telling their whole situation at once). Baseline in the same process:
 * a bare fold + split + French stem pass with `natural`, the least any stemming recogniser has to do.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { fold, loadExamples, Recognizer } from '../nlu';
import { stemFr } from '../nlu/natural';
import { percentile } from './lib/stats';

export interface Timing {
  median: number;
  p99: number;
  calls: number;
  meanChars: number;
}

export interface RecognizerResult {
  buildMs: number;
  short: Timing;
  long: Timing;
  baselineShort: Timing;
  baselineLong: Timing;
}

function timeEach(texts: string[], calls: number, fn: (t: string) => unknown): Timing {
  for (let i = 0; i < Math.min(300, calls); i++) fn(texts[(i * 7) % texts.length]);
  const times: number[] = [];
  let sink = 0;
  for (let i = 0; i < calls; i++) {
    const t = texts[i % texts.length];
    const t0 = process.hrtime.bigint();
    if (fn(t)) sink++;
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  if (sink < 0) console.log(sink);
  times.sort((a, b) => a - b);
  return {
    median: percentile(times, 0.5),
    p99: percentile(times, 0.99),
    calls,
    meanChars: texts.reduce((n, t) => n + t.length, 0) / texts.length,
  };
}

export function runRecognizer(calls: number): RecognizerResult {
  const t0 = performance.now();
  const recognizer = Recognizer.fromDirectory();
  const buildMs = performance.now() - t0;
  const devFile = path.join(__dirname, '../tests/nlu/dev.fr.yaml');
  const dev = (parse(fs.readFileSync(devFile, 'utf8')) as { utterances: { text: string }[] }).utterances.map(
    (u) => u.text,
  );
  const base = [...dev, ...loadExamples().map((e) => e.text)];
  const short = base.flatMap((t, i) => [t, fold(t), `${t} ${i % 2 ? 'svp' : 'merci'}`]);
  const long = base.map((_, i) =>
    Array.from({ length: 6 }, (_, k) => base[(i + k * 37) % base.length]).join('. '),
  );
  const stemOnly = (t: string) =>
    fold(t)
      .split(/[^a-z0-9]+/)
      .map(stemFr);
  return {
    buildMs,
    short: timeEach(short, calls, (t) => recognizer.recognize(t)),
    long: timeEach(long, calls, (t) => recognizer.recognize(t)),
    baselineShort: timeEach(short, calls, stemOnly),
    baselineLong: timeEach(long, calls, stemOnly),
  };
}

if (require.main === module) {
  const result = runRecognizer(Number(process.argv[2] ?? 4000));
  console.log(JSON.stringify(result, null, 2));
}
