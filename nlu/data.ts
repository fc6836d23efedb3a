/** Training data: one YAML file per intent, `{ intent: name, utterances: [ ... ] }`. */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { isIntentName, type IntentName } from '../contract';

export interface Example {
  text: string;
  intent: IntentName;
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

/**
 * Where parsed training files are kept as JSON, by content hash: parsing the YAML was the largest part of building
 * the recogniser at start-up, even with a cached model (≈ 0.1 s; see docs/performance.md). Any read or write
 * problem simply means parsing.
 */
const YAML_CACHE_DIR = path.join(os.tmpdir(), 'relais-inde-intents');

function parseYamlCached(text: string): unknown {
  const cachePath = path.join(YAML_CACHE_DIR, `${createHash('sha1').update(text).digest('hex')}.json`);
  try {
    return JSON.parse(fs.readFileSync(cachePath, 'utf8')) as unknown;
  } catch {
    // not cached yet (or unreadable): parse below
  }
  const doc: unknown = parse(text);
  try {
    fs.mkdirSync(YAML_CACHE_DIR, { recursive: true });
    const temp = `${cachePath}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(doc));
    fs.renameSync(temp, cachePath);
  } catch {
    // a read-only temp folder only costs speed
  }
  return doc;
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
