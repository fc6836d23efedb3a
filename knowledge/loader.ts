/**
 * Loads the YAML knowledge base once, validates it with the zod schema and cross-file rules, and exposes it
 * through the read-only {@link Knowledge} store. Invalid knowledge throws a {@link KnowledgeError} listing every
 * problem as `file: id: field: message`.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  CONTACTS_FILE,
  ContactFileSchema,
  ENTRY_FILES,
  EntryFileSchema,
  IntentSchema,
  JOURNEY_TREE_FILE,
  OrientationTreeSchema,
  TREE_FILE,
  WORKED_EXAMPLES_FILE,
  WorkedExampleFileSchema,
} from './schema';
import type { Contact, Entry, Intent, Journey, OrientationTree, WorkedExample } from './schema';
import { KnowledgeError, formatPath } from './problems';
import type { Problem } from './problems';
import { resolve as resolvePath, validateTree } from './tree';
import { containsPhrase, tokens } from './text';
import { isRecord } from '../contract';

export { KnowledgeError, formatProblem } from './problems';
export type { Problem } from './problems';

/** Folder holding the YAML files (this file's folder). */
export const DEFAULT_KNOWLEDGE_DIR = path.join(__dirname);

interface SearchIndex {
  keywords: string[];
  keywordTokens: Set<string>;
  titleTokens: Set<string>;
  summaryTokens: Set<string>;
}

/** The validated knowledge base. Built by {@link loadKnowledge}; never mutated. */
export class Knowledge {
  readonly entries: readonly Entry[];
  readonly contacts: readonly Contact[];
  /** The orientation tree of `orientation.yaml` ("demander une aide financière"). */
  readonly tree: OrientationTree;
  /** Every question tree: the orientation tree first, then the journey trees (`parcours-*.yaml`). */
  readonly trees: readonly OrientationTree[];
  readonly workedExamples: readonly WorkedExample[];
  readonly dir: string;
  private readonly byId: Map<string, Entry>;
  private readonly fileById: Map<string, string>;
  private readonly contactById: Map<string, Contact>;
  private readonly index: Map<string, SearchIndex>;

  constructor(args: {
    dir: string;
    entries: { file: string; entry: Entry }[];
    contacts: Contact[];
    tree: OrientationTree;
    journeyTrees?: OrientationTree[];
    workedExamples: WorkedExample[];
  }) {
    this.dir = args.dir;
    this.trees = Object.freeze([args.tree, ...(args.journeyTrees ?? [])]);
    this.entries = Object.freeze(args.entries.map((e) => e.entry));
    this.contacts = Object.freeze([...args.contacts]);
    this.tree = args.tree;
    this.workedExamples = Object.freeze([...args.workedExamples]);
    this.byId = new Map();
    this.fileById = new Map();
    for (const { file, entry } of args.entries) {
      if (!this.byId.has(entry.id)) {
        this.byId.set(entry.id, entry);
        this.fileById.set(entry.id, file);
      }
    }
    this.contactById = new Map(args.contacts.map((c) => [c.id, c]));
    this.index = new Map(
      this.entries.map((e) => [
        e.id,
        {
          keywords: e.keywords,
          keywordTokens: new Set(e.keywords.flatMap(tokens)),
          titleTokens: new Set(tokens(e.title)),
          summaryTokens: new Set(tokens(e.summary)),
        },
      ]),
    );
  }

  /** The entry with this id. */
  get(id: string): Entry | undefined {
    return this.byId.get(id);
  }

  /** The trees walked as journeys (those with a `journey` block), orientation tree first. */
  journeyTrees(): (OrientationTree & { journey: Journey })[] {
    return this.trees.filter((t): t is OrientationTree & { journey: Journey } => t.journey !== undefined);
  }

  /** The question tree with this id; throws when there is none (a programming error, not a user one). */
  treeById(id: string): OrientationTree {
    const tree = this.trees.find((t) => t.id === id);
    if (!tree)
      throw new Error(`unknown question tree "${id}" (known: ${this.trees.map((t) => t.id).join(', ')})`);
    return tree;
  }

  /** The YAML file an entry comes from (`aides.yaml`, …). */
  fileOf(id: string): string | undefined {
    return this.fileById.get(id);
  }

  /** Entries answering an intent, the main one first (file order). */
  byIntent(intent: Intent | string): Entry[] {
    return this.entries.filter((e) => e.intent === intent);
  }

  /** The contact with this id. */
  contact(id: string): Contact | undefined {
    return this.contactById.get(id);
  }

  /**
   * Accent-insensitive keyword search: a keyword phrase found in the text weighs 6, a word of the text found
   * in the keywords 3, in the title 2, in the summary 1. Best first; entries scoring 0 are left out.
   */
  search(text: string, limit = 10): Entry[] {
    const words = [...new Set(tokens(text))];
    if (words.length === 0) return [];
    const scored: { entry: Entry; score: number; order: number }[] = [];
    this.entries.forEach((entry, order) => {
      const idx = this.index.get(entry.id);
      if (!idx) return;
      let score = 0;
      for (const k of idx.keywords) if (containsPhrase(text, k)) score += 6;
      for (const w of words) {
        if (idx.keywordTokens.has(w)) score += 3;
        if (idx.titleTokens.has(w)) score += 2;
        if (idx.summaryTokens.has(w)) score += 1;
      }
      if (score > 0) scored.push({ entry, score, order });
    });
    scored.sort((a, b) => b.score - a.score || a.order - b.order);
    return scored.slice(0, limit).map((s) => s.entry);
  }
}

const cache = new Map<string, Knowledge>();

/** Where parsed YAML is kept as JSON, by content hash (YAML parsing is the slow part of a cold start). */
const YAML_CACHE_DIR = path.join(os.tmpdir(), 'relais-inde-knowledge');

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

/** One journey per intent, one dialog id per journey. */
function checkJourneys(trees: { file: string; tree: OrientationTree }[]): Problem[] {
  const problems: Problem[] = [];
  const intents = new Map<string, string>();
  const dialogs = new Map<string, string>();
  for (const { file, tree } of trees) {
    if (!tree.journey) continue;
    const { intent } = tree.journey;
    const dialog = journeyDialogId(tree);
    const prevIntent = intents.get(intent);
    if (prevIntent)
      problems.push({
        file,
        id: tree.id,
        field: 'journey.intent',
        message: `intent "${intent}" already has a journey (${prevIntent})`,
      });
    const prevDialog = dialogs.get(dialog);
    if (prevDialog)
      problems.push({
        file,
        id: tree.id,
        field: 'journey.dialog',
        message: `dialog id "${dialog}" already used (${prevDialog})`,
      });
    intents.set(intent, file);
    dialogs.set(dialog, file);
  }
  return problems;
}

/** The id of a tree's journey dialog: `journey.dialog`, or the tree's id. */
export function journeyDialogId(tree: OrientationTree): string {
  return tree.journey?.dialog ?? tree.id;
}

function parseFile<S extends z.ZodType>(
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

function crossCheck(k: Knowledge, entries: { file: string; entry: Entry }[]): Problem[] {
  const problems: Problem[] = [];
  const firstFile = new Map<string, string>();
  for (const { file, entry } of entries) {
    const prev = firstFile.get(entry.id);
    if (prev)
      problems.push({ file, id: entry.id, field: 'id', message: `duplicate id (already used in ${prev})` });
    else firstFile.set(entry.id, file);
    entry.related.forEach((r, i) => {
      if (!k.get(r.id))
        problems.push({
          file,
          id: entry.id,
          field: `related[${i}].id`,
          message: `unknown entry id "${r.id}"`,
        });
      else if (r.id === entry.id) {
        problems.push({
          file,
          id: entry.id,
          field: `related[${i}].id`,
          message: 'an entry cannot relate to itself',
        });
      }
    });
    entry.contacts.forEach((c, i) => {
      if (!k.contact(c))
        problems.push({ file, id: entry.id, field: `contacts[${i}]`, message: `unknown contact id "${c}"` });
    });
  }
  const contactIds = new Set<string>();
  for (const c of k.contacts) {
    if (contactIds.has(c.id))
      problems.push({ file: CONTACTS_FILE, id: c.id, field: 'id', message: 'duplicate id' });
    contactIds.add(c.id);
  }
  for (const intent of IntentSchema.options) {
    if (k.byIntent(intent).length === 0) {
      problems.push({
        file: '*.yaml',
        id: '-',
        field: 'intent',
        message: `no entry answers intent "${intent}"`,
      });
    }
  }
  return problems;
}

function checkExamples(k: Knowledge): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  for (const ex of k.workedExamples) {
    const add = (field: string, message: string): void => {
      problems.push({ file: WORKED_EXAMPLES_FILE, id: ex.id, field, message });
    };
    if (ids.has(ex.id)) add('id', 'duplicate id');
    ids.add(ex.id);
    ex.expectedAids.forEach((aid, i) => {
      if (!k.get(aid)) add(`expectedAids[${i}]`, `unknown entry id "${aid}"`);
    });
    let reached;
    try {
      reached = resolvePath(k.tree, ex.path);
    } catch (err) {
      add('path', String(err));
      continue;
    }
    if (reached.kind !== 'leaf') {
      add('path', `does not reach a leaf (next question: ${reached.question.id})`);
      continue;
    }
    for (const aid of ex.expectedAids) {
      if (!reached.leaf.aids.includes(aid))
        add('expectedAids', `"${aid}" is not proposed by leaf ${reached.leaf.id}`);
    }
  }
  return problems;
}
