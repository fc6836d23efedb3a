/**
 * Reading the knowledge base's files: YAML text → plain values (cached as JSON by content hash) → objects checked
 * against a zod schema, every problem reported as `file: id: field: message`.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { isRecord } from '../contract';
import { formatPath, type Problem } from './problems';

/** Where parsed YAML is kept as JSON, by content hash (YAML parsing is the slow part of a cold start). */
const YAML_CACHE_DIR = path.join(os.tmpdir(), 'relais-inde-knowledge');

/** Reads `dir/file` and validates it with `schema`; undefined (and problems) when missing or invalid. */
export function parseFile<S extends z.ZodType>(
  dir: string,
  file: string,
  schema: S,
  listKey: string,
  problems: Problem[],
  useCache: boolean,
): z.output<S> | undefined {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) {
    problems.push({ file, id: '-', field: '-', message: 'file is missing' });
    return undefined;
  }
  const raw = readYaml(file, fs.readFileSync(full, 'utf8'), problems, useCache);
  if (raw === undefined) return undefined;
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push(issueToProblem(file, raw, listKey, issue));
  }
  return undefined;
}

/** YAML text → plain JS value; undefined (and problems) on syntax errors. */
function readYaml(file: string, text: string, problems: Problem[], useCache: boolean): unknown {
  const cachePath = path.join(YAML_CACHE_DIR, `${createHash('sha1').update(text).digest('hex')}.json`);
  if (useCache) {
    try {
      return JSON.parse(fs.readFileSync(cachePath, 'utf8')) as unknown;
    } catch {
      // not cached yet (or unreadable): parse below
    }
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const line = err.linePos?.[0];
      problems.push({
        file,
        id: '-',
        field: line ? `line ${line.line}` : '-',
        message: `YAML syntax error: ${err.message.split('\n')[0]}`,
      });
    }
    return undefined;
  }
  const raw: unknown = doc.toJS();
  if (useCache) {
    try {
      fs.mkdirSync(YAML_CACHE_DIR, { recursive: true });
      fs.writeFileSync(cachePath, JSON.stringify(raw));
    } catch {
      // a read-only temp folder only costs speed
    }
  }
  return raw;
}

function issueToProblem(file: string, raw: unknown, listKey: string, issue: z.core.$ZodIssue): Problem {
  const p = issue.path;
  let id = '-';
  let rest: PropertyKey[] = [...p];
  if (p[0] === listKey && typeof p[1] === 'number') {
    const item = listItem(raw, listKey, p[1]);
    id = item ?? `${listKey}[${p[1]}]`;
    rest = p.slice(2);
  } else if (isRecord(raw) && typeof raw.id === 'string') {
    id = raw.id;
  }
  let field = formatPath(rest);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    field = formatPath([...rest, issue.keys[0] ?? '-']);
    message = `unknown field (check the spelling): ${issue.keys.join(', ')}`;
  }
  return { file, id, field, message };
}

function listItem(raw: unknown, key: string, index: number): string | undefined {
  if (!isRecord(raw)) return undefined;
  const list = raw[key];
  if (!Array.isArray(list)) return undefined;
  const item: unknown = list[index];
  return isRecord(item) && typeof item.id === 'string' && item.id !== '' ? item.id : undefined;
}
