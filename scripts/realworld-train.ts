/**
 * Copies the DEVELOPMENT part of the real-world corpus into the training files: each `split: dev` message, verbatim,
 * goes to the intent file its label names (outcome `out_of_scope` → `None`), in the section of real public messages
 * at the end of that file. Messages already present in any training file are left where they are. The `val` and
 * `test` parts are never copied: the command refuses to run if one of their messages is found in a training file.
 *
 *   npm run realworld:train -- [corpus.yaml] [--dry-run]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { DEFAULT_DATA_DIR, isIntentName, loadExamples } from '../nlu';
import { loadCorpus } from './realWorld';

export const SECTION =
  '  # Real public messages (forums, press testimonies), verbatim, from the development part of the real-world corpus.';

const squash = (t: string): string => t.replace(/\s+/g, ' ').trim();

/** The utterance as a YAML scalar on one line (double quotes, JSON escapes are valid YAML). */
const scalar = (text: string): string => JSON.stringify(squash(text));

export interface TrainPlan {
  /** intent → messages to add */
  additions: Map<string, string[]>;
  /** val/test messages found in the training files (must be empty). */
  leaks: string[];
}

export function planTraining(corpusFile: string, dir: string = DEFAULT_DATA_DIR): TrainPlan {
  const corpus = loadCorpus(corpusFile, { part: 'all' });
  if (!corpus) throw new Error(`${corpusFile} does not exist`);
  const present = new Set(loadExamples(dir).map((e) => squash(e.text)));
  const additions = new Map<string, string[]>();
  const leaks: string[] = [];
  for (const item of corpus.items) {
    const text = squash(item.text);
    if (item.split !== 'dev') {
      if (present.has(text)) leaks.push(`${item.id ?? text.slice(0, 40)} (${item.split ?? 'no part'})`);
      continue;
    }
    if (present.has(text)) continue;
    const intent = item.outcome === 'out_of_scope' ? 'None' : item.intent;
    if (!isIntentName(intent)) throw new Error(`${item.id}: unknown intent ${intent}`);
    present.add(text);
    additions.set(intent, [...(additions.get(intent) ?? []), text]);
  }
  return { additions, leaks };
}

export function applyTraining(plan: TrainPlan, dir: string = DEFAULT_DATA_DIR): number {
  let added = 0;
  for (const [intent, texts] of plan.additions) {
    const file = join(dir, `${intent}.yaml`);
    let body = readFileSync(file, 'utf8').replace(/\s*$/, '\n');
    if (!body.includes(SECTION)) body += `${SECTION}\n`;
    body += texts.map((t) => `  - ${scalar(t)}\n`).join('');
    // The file must still parse to the same intent with every message in it.
    const doc = parse(body) as { intent: string; utterances: string[] };
    if (doc.intent !== intent || !texts.every((t) => doc.utterances.includes(t)))
      throw new Error(`${file}: could not append the messages`);
    writeFileSync(file, body);
    added += texts.length;
  }
  return added;
}

if (require.main === module) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false } },
  });
  const file = positionals[0] ?? join(__dirname, '..', 'tests/nlu/real-world.fr.yaml');
  const plan = planTraining(file);
  if (plan.leaks.length > 0) {
    console.error(
      `Refused: messages of the val/test parts are in the training files: ${plan.leaks.join(', ')}`,
    );
    process.exit(1);
  }
  const n = [...plan.additions.values()].reduce((a, b) => a + b.length, 0);
  for (const [intent, texts] of plan.additions) console.log(`${intent}: +${texts.length}`);
  if (values['dry-run']) console.log(`${n} messages would be added (dry run).`);
  else console.log(`${applyTraining(plan)} messages added to the training files (${DEFAULT_DATA_DIR}).`);
}
