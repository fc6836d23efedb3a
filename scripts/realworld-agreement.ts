/**
 * How far two annotators agree on the real-world corpus's dev messages: the corpus's labels against a second,
 * blind labelling of a sample (scripts/agreement.ts). Prints the agreement on the outcome (and Cohen's kappa), on
 * the outcome with its topic, on hardship, per kind and per the second annotator's confidence, and the confusion of
 * the two. `--corpus-out <file>` writes the sample with the second labels, in the corpus's format, for
 * `npm run realworld:cv -- <file> --part dev` (the bot judged against the second annotator).
 *
 *   npm run realworld:agreement -- [corpus.yaml] [second-labels.yaml] [--corpus-out <file>]
 */
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { agreement, loadSecondLabels, relabelled, type Share } from './agreement';
import { loadCorpus, OUTCOMES } from './realWorld';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'corpus-out': { type: 'string' } },
});
const corpusFile = positionals[0] ?? 'tests/nlu/real-world.fr.yaml';
const secondFile = positionals[1] ?? 'tests/nlu/real-world.second-labels.yaml';
// The dev part only: the frozen test part is never read here.
const corpus = loadCorpus(corpusFile, { part: 'dev' });
if (!corpus) {
  console.error(`${corpusFile} does not exist`);
  process.exit(2);
}
const second = loadSecondLabels(secondFile);
const result = agreement(corpus.items, second);
const pc = (s: Share) => `${((100 * s.agree) / s.n).toFixed(1)} %  (${s.agree}/${s.n})`;
console.log(`== ${secondFile} against ${corpusFile} — ${result.n} dev messages labelled twice`);
console.log(
  `  outcome                       ${pc(result.outcome)}   Cohen's kappa ${result.kappa.toFixed(3)}`,
);
console.log(`  outcome and topic             ${pc(result.full)}`);
console.log(`  hardship                      ${pc(result.hardship)}`);
for (const [kind, s] of Object.entries(result.byKind))
  console.log(`  outcome and topic, ${kind.padEnd(10)} ${pc(s)}`);
for (const [confidence, s] of Object.entries(result.byConfidence))
  console.log(`  …second annotator ${confidence.padEnd(7)}   ${pc(s)}`);
console.log(`  confusion (rows: corpus; columns: second annotator): ${OUTCOMES.join(' | ')}`);
for (const row of OUTCOMES)
  console.log(
    `    ${row.padEnd(16)} ${OUTCOMES.map((col) => String(result.confusion[row][col]).padStart(4)).join(' ')}`,
  );
const out = values['corpus-out'];
if (out) {
  fs.writeFileSync(out, stringify({ items: relabelled(corpus.items, second) }, { lineWidth: 0 }));
  console.log(`wrote ${out}`);
}
