/**
 * The cross-file rules of the knowledge base, checked once every file passed its schema: ids unique and known,
 * every intent answered, one journey per intent, worked examples reaching the aids they name.
 */
import type { Entry, OrientationTree } from './schema';
import { CONTACTS_FILE, IntentSchema, WORKED_EXAMPLES_FILE } from './schema';
import type { Problem } from './problems';
import { type Knowledge, journeyDialogId } from './store';
import { resolve as resolvePath } from './tree';
import { normalize } from './text';

/** One journey per intent, one dialog id per journey. */
export function checkJourneys(trees: { file: string; tree: OrientationTree }[]): Problem[] {
  const problems: Problem[] = [];
  const intents = new Map<string, string>();
  const dialogs = new Map<string, string>();
  for (const { file, tree } of trees) {
    if (!tree.journey) continue;
    const { intent } = tree.journey;
    const dialog = journeyDialogId(tree);
    // Each must be unique; a repeat is reported with the last file that used it.
    const unique: [seen: Map<string, string>, key: string, field: string, message: string][] = [
      [intents, intent, 'journey.intent', `intent "${intent}" already has a journey`],
      [dialogs, dialog, 'journey.dialog', `dialog id "${dialog}" already used`],
    ];
    for (const [seen, key, field, message] of unique) {
      const prev = seen.get(key);
      if (prev) problems.push({ file, id: tree.id, field, message: `${message} (${prev})` });
      seen.set(key, file);
    }
  }
  return problems;
}

export function crossCheck(k: Knowledge, entries: { file: string; entry: Entry }[]): Problem[] {
  const problems: Problem[] = [];
  const firstFile = new Map<string, string>();
  const nameOwner = new Map<string, string>();
  for (const { file, entry } of entries) {
    const prev = firstFile.get(entry.id);
    if (prev)
      problems.push({ file, id: entry.id, field: 'id', message: `duplicate id (already used in ${prev})` });
    else firstFile.set(entry.id, file);
    entry.names.forEach((name, i) => {
      const key = normalize(name);
      const owner = nameOwner.get(key);
      if (owner && owner !== entry.id)
        problems.push({
          file,
          id: entry.id,
          field: `names[${i}]`,
          message: `name already used by "${owner}"`,
        });
      else nameOwner.set(key, entry.id);
    });
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

export function checkExamples(k: Knowledge): Problem[] {
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
