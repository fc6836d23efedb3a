/** Helpers to build broken copies of the real knowledge base in a temporary folder. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseDocument } from 'yaml';
import type { Document } from 'yaml';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const KNOWLEDGE_DIR = path.join(REPO_ROOT, 'knowledge');
export const SEEDS_DIR = path.resolve(REPO_ROOT, '../shared/seeds');

/** Copies every YAML file of the real knowledge base into a fresh temporary folder. */
export function copyKnowledge(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-kb-'));
  for (const f of fs.readdirSync(KNOWLEDGE_DIR).filter((n) => n.endsWith('.yaml'))) {
    fs.copyFileSync(path.join(KNOWLEDGE_DIR, f), path.join(dir, f));
  }
  return dir;
}

/** Index of the item with this id in a top-level list (`entries`, `contacts`, `nodes`, `examples`). */
export function indexOf(doc: Document, listKey: string, id: string): number {
  const raw: unknown = doc.toJS();
  const list = (raw as Record<string, unknown>)[listKey];
  if (!Array.isArray(list)) throw new Error(`no list ${listKey}`);
  const i = list.findIndex((item: unknown) => (item as { id?: unknown }).id === id);
  if (i < 0) throw new Error(`no ${id} in ${listKey}`);
  return i;
}

/** Edits one YAML file of a knowledge folder through the `yaml` Document API. */
export function mutate(dir: string, file: string, edit: (doc: Document) => void): void {
  const full = path.join(dir, file);
  const doc = parseDocument(fs.readFileSync(full, 'utf8'));
  edit(doc);
  fs.writeFileSync(full, doc.toString());
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
