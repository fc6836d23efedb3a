/**
 * Copies the DEVELOPMENT part of the real-world corpus into the training files: each `split: dev` message, verbatim,
 * goes to the intent file its label names (outcome `out_of_scope` → `None`), in the section of real public messages
 * at the end of that file. Messages already present in any training file are left where they are. Every dev message
 * also goes, with its `hardship` label, to `locales/fr/nlu/hardship.yaml` (the learned hardship head's real
 * examples; the file is rewritten). The `val` and `test` parts are never copied: the command refuses to run if one
 * of their messages is found in a training file or in hardship.yaml.
 *
 *   npm run realworld:train -- [corpus.yaml] [--dry-run]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { DEFAULT_DATA_DIR, isIntentName, loadExamples, sameTextKey } from '../nlu';
import { loadHardshipExamples } from '../nlu/hardship';
import { loadCorpus } from './realWorld';

export const SECTION =
  '  # Real public messages (forums, press testimonies), verbatim, from the development part of the real-world corpus.';

/** The utterance as a YAML scalar on one line (double quotes, JSON escapes are valid YAML). */
const scalar = (text: string): string => JSON.stringify(sameTextKey(text));

export interface TrainPlan {
  /** intent → messages to add */
  additions: Map<string, string[]>;
  /** val/test messages found in the training files or in hardship.yaml (must be empty). */
  leaks: string[];
}

export function planTraining(corpusFile: string, dir: string = DEFAULT_DATA_DIR): TrainPlan {
  const corpus = loadCorpus(corpusFile, { part: 'all' });
  if (!corpus) throw new Error(`${corpusFile} does not exist`);
  const present = new Set(loadExamples(dir).map((e) => sameTextKey(e.text)));
  // The hardship head's real examples beside the intents (as `Recognizer.fromDirectory` reads them) are training
  // data too: a val or test message there is a leak as well.
  const hardshipFile = join(dir, '..', 'nlu', 'hardship.yaml');
  const real = existsSync(hardshipFile) ? loadHardshipExamples(hardshipFile) : undefined;
  const inHardship = new Set([...(real?.difficulty ?? []), ...(real?.no_difficulty ?? [])].map(sameTextKey));
  const additions = new Map<string, string[]>();
  const leaks: string[] = [];
  for (const item of corpus.items) {
    const text = sameTextKey(item.text);
    if (item.split !== 'dev') {
      if (present.has(text) || inHardship.has(text))
        leaks.push(`${item.id ?? text.slice(0, 40)} (${item.split ?? 'no part'})`);
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

/** Writes a YAML file in the project's one formatting style (Prettier), so that `npm run lint` stays clean. */
function writeYaml(file: string, body: string): void {
  writeFileSync(file, body);
  execFileSync(process.execPath, [
    require.resolve('prettier/bin/prettier.cjs'),
    '--log-level',
    'warn',
    '--write',
    file,
  ]);
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
    writeYaml(file, body);
    added += texts.length;
  }
  return added;
}

export const HARDSHIP_FILE = join(__dirname, '..', 'locales/fr/nlu/hardship.yaml');

const HARDSHIP_HEADER = `# Relais Indé — messages réels (partie dev du corpus tests/nlu/real-world.fr.yaml), avec ou sans difficulté.
# Exemples de la lecture apprise des difficultés (nlu/hardship.ts). Fichier ÉCRIT par \`npm run realworld:train\` :
# ne pas le modifier à la main (corriger l'étiquette dans le corpus, puis relancer la commande).
`;

/** The dev part's messages by their `hardship` label (val and test never). */
export function hardshipExamples(corpusFile: string): { difficulty: string[]; no_difficulty: string[] } {
  const corpus = loadCorpus(corpusFile, { part: 'dev' });
  if (!corpus) throw new Error(`${corpusFile} does not exist`);
  const dev = corpus.items.filter((i) => i.split === 'dev');
  return {
    difficulty: dev.filter((i) => i.hardship).map((i) => sameTextKey(i.text)),
    no_difficulty: dev.filter((i) => !i.hardship).map((i) => sameTextKey(i.text)),
  };
}

export function writeHardshipExamples(
  examples: { difficulty: string[]; no_difficulty: string[] },
  file: string = HARDSHIP_FILE,
): void {
  writeYaml(file, HARDSHIP_HEADER + stringify(examples, { lineWidth: 0 }));
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
  const hardship = hardshipExamples(file);
  if (values['dry-run']) console.log(`${n} messages would be added (dry run).`);
  if (!values['dry-run']) {
    console.log(`${applyTraining(plan)} messages added to the training files (${DEFAULT_DATA_DIR}).`);
    writeHardshipExamples(hardship);
  }
  console.log(
    `hardship.yaml: ${hardship.difficulty.length} with difficulty, ${hardship.no_difficulty.length} without.`,
  );
}
