/**
 * Recogniser benchmark: model build time, then median / p95 recognition time per utterance over a few thousand
 * calls, compared with a baseline measured in the same process (a bare tokenize + French stem pass with `natural`,
 * i.e. the least any stemming recogniser has to do). Utterances are the training sentences and the dev set,
 * lightly perturbed so that caches do not make every call a repeat.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { fold, loadExamples, Recognizer } from '../nlu';
import { stemFr } from '../nlu/natural';

const CALLS = 4000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

function timeEach(
  texts: string[],
  fn: (t: string) => unknown,
): { median: number; p95: number; mean: number } {
  // Warm-up (JIT, caches) on other inputs.
  for (let i = 0; i < 300; i++) fn(texts[(i * 7) % texts.length]);
  const times: number[] = [];
  let sink = 0;
  for (let i = 0; i < CALLS; i++) {
    const t = texts[i % texts.length];
    const t0 = process.hrtime.bigint();
    const r = fn(t);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r) sink++;
  }
  if (sink < 0) console.log(sink);
  times.sort((a, b) => a - b);
  return {
    median: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
  };
}

export function run(): void {
  const t0 = performance.now();
  const recognizer = Recognizer.fromDirectory();
  const buildMs = performance.now() - t0;

  const devFile = path.join(__dirname, '../tests/nlu/dev.fr.yaml');
  const dev = (parse(fs.readFileSync(devFile, 'utf8')) as { utterances: { text: string }[] }).utterances.map(
    (u) => u.text,
  );
  const base = [...dev, ...loadExamples().map((e) => e.text)];
  // Variants: lower-case without accents, and an unseen suffix, so inputs are not all cached repeats.
  const texts = base.flatMap((t, i) => [t, fold(t), `${t} ${i % 2 ? 'svp' : 'merci'}`]);

  const baseline = timeEach(texts, (t) =>
    fold(t)
      .split(/[^a-z0-9]+/)
      .map(stemFr),
  );
  const ours = timeEach(texts, (t) => recognizer.recognize(t));
  const fmt = (x: number): string => `${(x * 1000).toFixed(1)} µs`;
  console.log(
    `recognizer: model build ${buildMs.toFixed(0)} ms (training ${recognizer.buildMs.toFixed(0)} ms), ${CALLS} calls over ${texts.length} distinct texts`,
  );
  console.log(
    `  recognize()          median ${fmt(ours.median)}  p95 ${fmt(ours.p95)}  mean ${fmt(ours.mean)}`,
  );
  console.log(
    `  baseline tokenize+stem median ${fmt(baseline.median)}  p95 ${fmt(baseline.p95)}  mean ${fmt(baseline.mean)}`,
  );
  console.log(
    `  ratio recognize/baseline: median ×${(ours.median / baseline.median).toFixed(1)}, p95 ×${(ours.p95 / baseline.p95).toFixed(1)}`,
  );
}

if (require.main === module) run();
