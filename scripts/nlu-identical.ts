/**
 * Identity check for recogniser optimisations: `recognize(text)` (serialised) and `normalize(text)` over tens of
 * thousands of texts, written by one version of the code and compared, byte for byte, by another.
 *
 *   node --import tsx scripts/nlu-identical.ts --write /tmp/before.jsonl     (with the code before a change)
 *   node --import tsx scripts/nlu-identical.ts --compare /tmp/before.jsonl   (with the code after it)
 *   add --cache to build the recogniser from the model cache instead of training it
 *
 * The texts: the training sentences, the dev set and both held-out sets, each as written, folded, upper-cased,
 * with a polite suffix, with accents and typographic apostrophes added, with one or two seeded misspellings per
 * long word (two generations), with amounts, dates and symbols appended; and long messages made of six of them
 * joined by full stops, « mais », semicolons, new lines or « du coup ». Only the held-out files' texts are read
 * (their labels are not), and nothing learns from them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { fold, loadExamples, normalize, Recognizer } from '../nlu';
import { seededRandom } from '../nlu/model';

const ROOT = path.join(__dirname, '..');
const TEXT_FILES = ['tests/nlu/dev.fr.yaml', 'tests/nlu/heldout.fr.yaml', 'tests/nlu/heldout-2.fr.yaml'];
/** Dates in the results are relative to this day (« demain », dates without a year). */
const REFERENCE_DATE = new Date(Date.UTC(2026, 5, 15, 12));

function fileTexts(file: string): string[] {
  const full = path.join(ROOT, file);
  if (!fs.existsSync(full)) return [];
  const doc = parse(fs.readFileSync(full, 'utf8')) as { utterances?: { text: string }[] };
  return (doc.utterances ?? []).map((u) => u.text);
}

/** One seeded misspelling in each word of five letters or more: a letter dropped, doubled, swapped or replaced. */
function misspell(text: string, rand: () => number): string {
  return text
    .split(' ')
    .map((w) => {
      if (w.length < 5 || !/^[a-zà-ÿ]+$/i.test(w) || rand() < 0.4) return w;
      const i = 1 + Math.floor(rand() * (w.length - 2));
      const kind = Math.floor(rand() * 4);
      if (kind === 0) return w.slice(0, i) + w.slice(i + 1);
      if (kind === 1) return w.slice(0, i) + w[i] + w.slice(i);
      if (kind === 2) return w.slice(0, i - 1) + w[i] + w[i - 1] + w.slice(i + 1);
      const letter = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rand() * 26)];
      return w.slice(0, i) + letter + w.slice(i + 1);
    })
    .join(' ');
}

const ACCENTS: [RegExp, string][] = [
  [/e(?=[rz]?\b)/g, 'é'],
  [/a\b/g, 'à'],
  [/'/g, '’'],
  [/oe/g, 'œ'],
];
const SUFFIXES = [
  ' svp',
  ' merci !!!',
  ' le 12/03/2025 pour 1 200,50 €',
  ' (2 500€ & 30 % + 3k)',
  ", c'est urgent demain",
  ' depuis 3 ans et demi, 2ème enfant',
];
const JOINERS = ['. ', ', mais ', ' ; ', '\n', ', du coup ', ' ! ', ', sauf que '];

export function corpus(): string[] {
  const base = [...TEXT_FILES.flatMap(fileTexts), ...loadExamples().map((e) => e.text)];
  const rand = seededRandom(20261201);
  const out: string[] = [];
  for (const [i, t] of base.entries()) {
    out.push(t, fold(t), t.toUpperCase(), t + SUFFIXES[i % SUFFIXES.length]);
    out.push(ACCENTS.reduce((s, [re, by]) => s.replace(re, by), t));
    const once = misspell(t, rand);
    out.push(once, misspell(once, rand));
  }
  for (let i = 0; i < base.length; i++) {
    const six = Array.from({ length: 6 }, (_, k) => base[(i + k * 37) % base.length]);
    out.push(six.join(JOINERS[i % JOINERS.length]));
    if (i % 3 === 0) out.push(misspell(six.join('. '), rand) + SUFFIXES[i % SUFFIXES.length]);
  }
  return out;
}

function lines(recognizer: Recognizer, texts: readonly string[]): string[] {
  return texts.map((t) =>
    JSON.stringify([normalize(t), recognizer.recognize(t, { referenceDate: REFERENCE_DATE })]),
  );
}

function main(): void {
  const args = process.argv.slice(2);
  const write = args.indexOf('--write');
  const compare = args.indexOf('--compare');
  const file = args[Math.max(write, compare) + 1];
  if ((write < 0 && compare < 0) || !file) {
    console.error('usage: nlu-identical.ts (--write | --compare) <file> [--cache]');
    process.exit(2);
  }
  const recognizer = Recognizer.fromDirectory(undefined, { cache: args.includes('--cache') });
  const texts = corpus();
  const t0 = performance.now();
  const got = lines(recognizer, texts);
  const ms = performance.now() - t0;
  if (write >= 0) {
    fs.writeFileSync(file, got.join('\n') + '\n');
    console.log(`${got.length} results written to ${file} (${ms.toFixed(0)} ms)`);
    return;
  }
  const want = fs.readFileSync(file, 'utf8').split('\n').slice(0, -1);
  let differ = 0;
  if (want.length !== got.length) console.log(`different counts: ${want.length} expected, ${got.length} now`);
  for (let i = 0; i < Math.min(want.length, got.length); i++) {
    if (want[i] === got[i]) continue;
    if (differ++ < 5)
      console.log(`text ${i}: ${JSON.stringify(texts[i])}\n  before ${want[i]}\n  now    ${got[i]}`);
  }
  const corrected = got.filter((l) => l.includes('"alteredText"')).length;
  console.log(
    `${got.length} texts (${corrected} with an altered text), ${differ} different (${ms.toFixed(0)} ms)`,
  );
  if (differ > 0 || want.length !== got.length) process.exit(1);
}

if (require.main === module) main();
