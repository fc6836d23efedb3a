/**
 * Parsed YAML kept as JSON in the temporary folder, by content hash: parsing the recogniser's YAML files (training
 * examples, lexicon, options, detectors' vocabularies) was a large part of its start-up even with a cached model
 * (see docs/performance.md). Same value as `parse(text)`; syntax errors are thrown as `parse` throws them. Any read
 * or write problem with the cache simply means parsing.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';

const YAML_CACHE_DIR = path.join(os.tmpdir(), 'relais-inde-intents');

export function parseYamlCached(text: string): unknown {
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
