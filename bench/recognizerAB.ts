/**
 * Same-process A/B of two builds of the recogniser (bench/notes.md, fifth pass): `npm run build` of each version
 * (its `dist/` folder, copied aside), both loaded in one process (each with its own caches), timed on the same
 * messages of `bench/recognizer.ts` in alternated blocks, so that a change of a few per cent shows through the
 * machine's noise. Checks first that both give the same `recognize()` on every seventh message. Prints each
 * version's median per block and the ratio B/A block by block (an A/A run shows the order's own bias, ≈ 1–2 %),
 * then each version's p99 over all its timed calls.
 *
 * Usage: node --import tsx bench/recognizerAB.ts <distA> <distB> [long|short] [rounds=16]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type * as Nlu from '../nlu';
import { median, percentile } from './lib/stats';

type NluModule = typeof Nlu;

function load(dist: string): NluModule {
  // A compiled tree chosen at run time: its module has the shape of this version's `nlu/index.ts`.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.resolve(dist, 'nlu')) as NluModule;
}

function main(): void {
  const [distA, distB, kind = 'long', roundsArg = '16'] = process.argv.slice(2);
  if (!distA || !distB) throw new Error('usage: bench/recognizerAB.ts <distA> <distB> [long|short] [rounds]');
  const a = load(distA);
  const b = load(distB);
  const ra = a.Recognizer.fromDirectory();
  const rb = b.Recognizer.fromDirectory();
  const devFile = path.join(__dirname, '../tests/nlu/dev.fr.yaml');
  const dev = (parse(fs.readFileSync(devFile, 'utf8')) as { utterances: { text: string }[] }).utterances.map(
    (u) => u.text,
  );
  // The messages of bench/recognizer.ts.
  const base = [...dev, ...a.loadExamples().map((e) => e.text)];
  const texts =
    kind === 'long'
      ? base.map((_, i) => Array.from({ length: 6 }, (_, k) => base[(i + k * 37) % base.length]).join('. '))
      : base.flatMap((t, i) => [t, a.fold(t), `${t} ${i % 2 ? 'svp' : 'merci'}`]);
  for (let i = 0; i < texts.length; i += 7) {
    if (JSON.stringify(ra.recognize(texts[i])) !== JSON.stringify(rb.recognize(texts[i]))) {
      throw new Error(`different results for: ${texts[i]}`);
    }
  }
  const block = 1500;
  let offset = 0;
  // Every timed call of each build (after the warm-up), for its p99.
  const pooled = new Map<Nlu.Recognizer, number[]>([
    [ra, []],
    [rb, []],
  ]);
  let warm = true;
  const run = (r: Nlu.Recognizer): number => {
    const times: number[] = [];
    for (let i = 0; i < block; i++) {
      const text = texts[(offset + i) % texts.length];
      const t0 = process.hrtime.bigint();
      r.recognize(text);
      times.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    if (!warm) pooled.get(r)?.push(...times);
    return median(times);
  };
  for (let w = 0; w < 2; w++) {
    run(ra);
    run(rb);
  }
  warm = false;
  const ma: number[] = [];
  const mb: number[] = [];
  for (let k = 0; k < Number(roundsArg); k++) {
    offset = k * block;
    if (k % 2 === 0) {
      ma.push(run(ra));
      mb.push(run(rb));
    } else {
      mb.push(run(rb));
      ma.push(run(ra));
    }
  }
  const ratio = mb.map((x, i) => x / ma[i]);
  process.stdout.write(
    `${kind}: A ${median(ma).toFixed(1)} µs, B ${median(mb).toFixed(1)} µs (medians of ${block}-call blocks), ` +
      `B/A ×${median(ratio).toFixed(3)} [${ratio.map((r) => r.toFixed(2)).join(' ')}]\n`,
  );
  const p99 = (r: Nlu.Recognizer): number =>
    percentile(
      [...(pooled.get(r) ?? [])].sort((x, y) => x - y),
      0.99,
    );
  process.stdout.write(
    `${kind} p99 of all timed calls: A ${p99(ra).toFixed(1)} µs, B ${p99(rb).toFixed(1)} µs, ` +
      `B/A ×${(p99(rb) / p99(ra)).toFixed(3)}\n`,
  );
}

main();
