/**
 * k-fold cross-validation of what the bot DOES on a labelled file of real messages (the development part of the
 * real-world corpus): for each fold, the training files are copied without the fold's own messages (verbatim
 * matches, whatever the intent file), and `realworld-eval` runs the fold's messages on a recogniser trained on
 * that copy. The figures are summed over the folds.
 *
 *   npm run realworld:cv -- <file.yaml> [--folds 2] [--part all|dev|val|test] [--verbose]
 *
 * The judging is realworld-eval's (scripts/realWorld.ts, the rules of `npm run nlu:eval`): this script sums the
 * lines `label  xx.x %  (n/d)` and `bare « pas compris »…` it prints for each fold. `--part` as realworld-eval
 * (default all; a file without `split` is all).
 *
 * Items go to folds by a hash of their id (or text), so a fold is the same from one run to the next.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { sameTextKey } from '../nlu';
import { loadHardshipExamples } from '../nlu/hardship';
import { CORPUS_PARTS, type CorpusPart, loadCorpus } from './realWorld';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    folds: { type: 'string', default: '2' },
    part: { type: 'string', default: 'dev' },
    verbose: { type: 'boolean', default: false },
  },
});
const part = values.part as CorpusPart;
const corpus = positionals.length === 1 ? loadCorpus(positionals[0], { part }) : undefined;
if (!corpus || !CORPUS_PARTS.includes(part)) {
  console.error(
    'Usage: npm run realworld:cv -- <file.yaml> [--folds 2] [--part all|dev|val|test] [--verbose]',
  );
  process.exit(2);
}
const k = Number(values.folds);
const items = corpus.items;
const foldOf = (item: { id?: string; text: string }): number =>
  createHash('sha256')
    .update(item.id ?? item.text)
    .digest()[0] % k;

const root = join(__dirname, '..');
const intents = join(root, 'locales/fr/intents');
const work = mkdtempSync(join(tmpdir(), 'relais-cv-'));
const totals = new Map<string, [number, number]>();
let bare = [0, 0];
try {
  for (let f = 0; f < k; f++) {
    const heldOut = items.filter((i) => foldOf(i) === f);
    const texts = new Set(heldOut.map((i) => sameTextKey(i.text)));
    const dir = join(work, `fold${f}`, 'intents');
    cpSync(intents, dir, { recursive: true });
    cpSync(join(intents, '..', 'vocabulary.txt'), join(work, `fold${f}`, 'vocabulary.txt'));
    let removed = 0;
    for (const file of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
      const doc = parse(readFileSync(join(dir, file), 'utf8')) as { intent: string; utterances: string[] };
      const kept = doc.utterances.filter((u) => !texts.has(sameTextKey(u)));
      removed += doc.utterances.length - kept.length;
      writeFileSync(join(dir, file), stringify({ ...doc, utterances: kept }));
    }
    // The learned hardship head's real examples, without the fold's messages either.
    const hardshipFile = join(intents, '..', 'nlu', 'hardship.yaml');
    if (existsSync(hardshipFile)) {
      const h = loadHardshipExamples(hardshipFile);
      const keep = (list: string[]) => list.filter((t) => !texts.has(sameTextKey(t)));
      mkdirSync(join(work, `fold${f}`, 'nlu'), { recursive: true });
      writeFileSync(
        join(work, `fold${f}`, 'nlu', 'hardship.yaml'),
        stringify({ difficulty: keep(h.difficulty), no_difficulty: keep(h.no_difficulty) }),
      );
    }
    const fold = join(work, `fold${f}.yaml`);
    writeFileSync(fold, stringify({ items: heldOut }));
    console.log(`fold ${f + 1}/${k}: ${heldOut.length} messages, ${removed} training utterances removed`);
    const out = execFileSync(
      process.execPath,
      [
        '--disable-warning=DEP0111',
        '--import',
        'tsx',
        join(root, 'scripts/realworld-eval.ts'),
        fold,
        '--part',
        'all',
        '--intents',
        dir,
        ...(values.verbose ? ['--verbose'] : []),
      ],
      { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    for (const line of out.split('\n')) {
      const m = /^\s+(.+?)\s+[\d.–]+\s*%?\s+\((\d+)\/(\d+)\)$/.exec(line);
      if (m) {
        const t = totals.get(m[1]) ?? [0, 0];
        totals.set(m[1], [t[0] + Number(m[2]), t[1] + Number(m[3])]);
      }
      const b = /bare « pas compris », ≥ 12 words: (\d+)\s+\(any length: (\d+)\)/.exec(line);
      if (b) bare = [bare[0] + Number(b[1]), bare[1] + Number(b[2])];
      if (values.verbose && line.startsWith('  ✗')) console.log(line);
      if (values.verbose && line.startsWith('    ') && !/^\s+outcome /.test(line)) console.log(line);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`\n== ${k}-fold cross-validation on ${positionals[0]} — ${items.length} messages`);
for (const [name, [n, d]] of totals)
  console.log(`  ${name.padEnd(34)} ${d ? ((100 * n) / d).toFixed(1).padStart(5) : '   – '} %  (${n}/${d})`);
console.log(`  bare « pas compris », ≥ 12 words: ${bare[0]}   (any length: ${bare[1]})`);
