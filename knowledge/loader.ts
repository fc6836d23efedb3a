/**
 * Loads the YAML knowledge base once, validates it with the zod schema (read.ts) and the cross-file rules
 * (validate.ts, tree.ts), and returns the read-only {@link Knowledge} store (store.ts). Invalid knowledge throws a
 * {@link KnowledgeError} listing every problem as `file: id: field: message`.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  CONTACTS_FILE,
  ContactFileSchema,
  ENTRY_FILES,
  EntryFileSchema,
  JOURNEY_TREE_FILE,
  OrientationTreeSchema,
  TREE_FILE,
  WORKED_EXAMPLES_FILE,
  WorkedExampleFileSchema,
} from './schema';
import type { Entry, OrientationTree } from './schema';
import { KnowledgeError } from './problems';
import type { Problem } from './problems';
import { parseFile } from './read';
import { Knowledge } from './store';
import { validateTree } from './tree';
import { checkExamples, checkJourneys, crossCheck } from './validate';

export { KnowledgeError, formatProblem } from './problems';
export type { Problem } from './problems';
export { Knowledge, journeyDialogId } from './store';

/** Folder holding the YAML files (this file's folder). */
export const DEFAULT_KNOWLEDGE_DIR = path.join(__dirname);

const cache = new Map<string, Knowledge>();

export interface LoadOptions {
  /**
   * Reuse the JSON form of YAML files already parsed (content-addressed in the OS temp folder, so it is never
   * stale; validation always runs). Default true.
   */
  yamlCache?: boolean;
}

/**
 * Loads and validates the knowledge base in `dir` (default: the `knowledge/` folder). Loaded once per folder:
 * later calls return the same instance. Throws a {@link KnowledgeError} when anything is invalid.
 */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR, options: LoadOptions = {}): Knowledge {
  const key = path.resolve(dir);
  const cached = cache.get(key);
  if (cached) return cached;
  const { knowledge, problems } = checkKnowledge(key, options);
  if (!knowledge || problems.length > 0) throw new KnowledgeError(problems);
  cache.set(key, knowledge);
  return knowledge;
}

/** Validates without throwing and without caching (used by `kb:check`). */
export function checkKnowledge(
  dir: string = DEFAULT_KNOWLEDGE_DIR,
  options: LoadOptions = {},
): {
  knowledge: Knowledge | undefined;
  problems: Problem[];
} {
  const useCache = options.yamlCache ?? true;
  const problems: Problem[] = [];
  const special = new Set([CONTACTS_FILE, TREE_FILE, WORKED_EXAMPLES_FILE]);
  const isSpecial = (f: string): boolean => special.has(f) || JOURNEY_TREE_FILE.test(f);
  let present: string[] = [];
  try {
    present = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  } catch (err) {
    problems.push({ file: dir, id: '-', field: '-', message: `cannot read folder: ${String(err)}` });
    return { knowledge: undefined, problems };
  }
  const entryFiles = [
    ...ENTRY_FILES.filter((f) => present.includes(f)),
    ...present.filter((f) => !isSpecial(f) && !(ENTRY_FILES as readonly string[]).includes(f)).sort(),
  ];

  const entries: { file: string; entry: Entry }[] = [];
  for (const file of entryFiles) {
    const data = parseFile(dir, file, EntryFileSchema, 'entries', problems, useCache);
    for (const entry of data?.entries ?? []) entries.push({ file, entry });
  }
  const contacts =
    parseFile(dir, CONTACTS_FILE, ContactFileSchema, 'contacts', problems, useCache)?.contacts ?? [];
  const tree = parseFile(dir, TREE_FILE, OrientationTreeSchema, 'nodes', problems, useCache);
  const journeyTreeFiles = present.filter((f) => JOURNEY_TREE_FILE.test(f)).sort();
  const journeyTrees: { file: string; tree: OrientationTree }[] = [];
  for (const file of journeyTreeFiles) {
    const t = parseFile(dir, file, OrientationTreeSchema, 'nodes', problems, useCache);
    if (t) journeyTrees.push({ file, tree: t });
  }
  const examples =
    parseFile(dir, WORKED_EXAMPLES_FILE, WorkedExampleFileSchema, 'examples', problems, useCache)?.examples ??
    [];
  // Cross-file rules only make sense on schema-valid files (otherwise one typo would cascade).
  if (!tree || problems.length > 0) return { knowledge: undefined, problems };

  const knowledge = new Knowledge({
    dir,
    entries,
    contacts,
    tree,
    journeyTrees: journeyTrees.map((j) => j.tree),
    workedExamples: examples,
  });
  problems.push(...crossCheck(knowledge, entries));
  problems.push(...validateTree(tree, knowledge));
  const treeIds = new Map<string, string>([[tree.id, TREE_FILE]]);
  for (const j of journeyTrees) {
    const prev = treeIds.get(j.tree.id);
    if (prev)
      problems.push({
        file: j.file,
        id: j.tree.id,
        field: 'id',
        message: `duplicate tree id (already used in ${prev})`,
      });
    treeIds.set(j.tree.id, j.file);
    problems.push(...validateTree(j.tree, knowledge, j.file));
  }
  problems.push(...checkJourneys([{ file: TREE_FILE, tree }, ...journeyTrees]));
  problems.push(...checkExamples(knowledge));
  return { knowledge, problems };
}
