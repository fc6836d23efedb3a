/** Training data: one YAML file per intent, `{ intent: name, utterances: [ ... ] }`. */
import * as fs from 'fs';
import * as path from 'path';
import { isIntentName, type IntentName } from '../contract';
import { parseYamlCached } from './yamlCache';

export interface Example {
  text: string;
  intent: IntentName;
}

/**
 * A training sentence's identity when texts from different files are compared (the real-world corpus, the intent
 * files, hardship.yaml): runs of white space count as one space, and the ends are trimmed.
 */
export function sameTextKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export const DEFAULT_DATA_DIR = path.join(__dirname, '../locales/fr/intents');

/** Reads every `*.yaml` of `dir`; throws on unknown intent names or a file/intent name mismatch. */
export function loadExamples(dir: string = DEFAULT_DATA_DIR): Example[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  const out: Example[] = [];
  for (const file of files) {
    const doc = parseYamlCached(fs.readFileSync(path.join(dir, file), 'utf8'));
    if (typeof doc !== 'object' || doc === null) throw new Error(`${file}: expected a mapping`);
    const { intent, utterances } = doc as { intent?: unknown; utterances?: unknown };
    if (typeof intent !== 'string' || !isIntentName(intent))
      throw new Error(`${file}: unknown intent ${String(intent)}`);
    if (path.basename(file).replace(/\.ya?ml$/, '') !== intent)
      throw new Error(`${file}: file name must be the intent`);
    if (!Array.isArray(utterances)) throw new Error(`${file}: utterances must be a list`);
    for (const u of utterances) {
      if (typeof u !== 'string' || u.trim() === '') throw new Error(`${file}: empty or non-string utterance`);
      out.push({ text: u, intent });
    }
  }
  return out;
}

/** `vocabulary.txt` beside the intents folder: words the spelling correction must leave as they are. */
export function loadVocabulary(dir: string = DEFAULT_DATA_DIR): string[] {
  const file = path.join(dir, '..', 'vocabulary.txt');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
