/**
 * The read-only store of the validated knowledge base: entries, contacts, question trees and worked examples, with
 * look-ups by id and intent and a keyword search. Built by `loadKnowledge` (loader.ts); never mutated.
 */
import type { Contact, Entry, Intent, Journey, OrientationTree, WorkedExample } from './schema';
import { containsPhrase, normalize, tokens } from './text';

/** A name of an entry found in a text, at `at` of the text's flat words. */
interface NameFound {
  readonly entry: Entry;
  readonly key: string;
  readonly at: number;
}

interface SearchIndex {
  keywords: string[];
  keywordTokens: Set<string>;
  titleTokens: Set<string>;
  summaryTokens: Set<string>;
  /** The entry's names, conditions, details and who decides: what an adviser searches for (« PamC », « CASS »). */
  bodyTokens: Set<string>;
}

/** The validated knowledge base. Built by `loadKnowledge`; never mutated. */
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
  /** Entries by intent, in file order (`byIntent` was a scan of every entry, at every answer). */
  private readonly entriesByIntent = new Map<string, Entry[]>();
  private readonly index: Map<string, SearchIndex>;
  /** Every entry's names, normalised once and between spaces (`named`, `namedAll`). */
  private readonly names: { entry: Entry; key: string }[];
  /** The trees walked as journeys, once (`journeyTrees`). */
  private readonly journeys: readonly (OrientationTree & { journey: Journey })[];
  /** The last text `namesFound` read, and what it found: a turn asks about the same message several times. */
  private lastNamesText: string | undefined;
  private lastNamesFound: readonly NameFound[] = [];

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
    this.journeys = Object.freeze(
      this.trees.filter((t): t is OrientationTree & { journey: Journey } => t.journey !== undefined),
    );
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
    for (const entry of this.entries) {
      if (entry.intent === undefined) continue;
      const same = this.entriesByIntent.get(entry.intent);
      if (same) same.push(entry);
      else this.entriesByIntent.set(entry.intent, [entry]);
    }
    this.names = this.entries.flatMap((entry) =>
      entry.names.map((name) => ({ entry, key: ` ${flatWords(name)} ` })),
    );
    this.index = new Map(
      this.entries.map((e) => [
        e.id,
        {
          keywords: e.keywords,
          keywordTokens: new Set(e.keywords.flatMap(tokens)),
          titleTokens: new Set(tokens(e.title)),
          summaryTokens: new Set(tokens(e.summary)),
          bodyTokens: new Set(
            [...e.names, ...e.conditions, ...e.details, e.decidedBy?.text ?? ''].flatMap(tokens),
          ),
        },
      ]),
    );
  }

  /**
   * The entry a text names by one of its `names` (« c'est quoi l'ACED ? » → aced): the longest name found wins
   * (« questionnaire HELP » over « HELP »); undefined when none, or when two entries' names are found at that length.
   */
  named(text: string): Entry | undefined {
    const found = this.namesFound(text);
    const longest = Math.max(0, ...found.map((f) => f.key.length));
    const entries = new Set(found.filter((f) => f.key.length === longest).map((f) => f.entry));
    return entries.size === 1 ? [...entries][0] : undefined;
  }

  /**
   * Every entry a text names (« c'est quoi l'ACED et l'AFE ? » → aced, afe), in the order of the text; a name inside
   * a longer name found (« aide financière exceptionnelle » in « … aux invalides ») does not count.
   */
  namedAll(text: string): Entry[] {
    return [...new Set(this.namesFound(text).map((f) => f.entry))];
  }

  /**
   * The names a text holds, in its order, without those inside a longer name it holds. The last text's answer is
   * kept (the store never changes; several checks of a turn may ask about the same message).
   */
  private namesFound(text: string): readonly NameFound[] {
    if (text === this.lastNamesText) return this.lastNamesFound;
    const flat = ` ${flatWords(text)} `;
    const found: NameFound[] = [];
    for (const { entry, key } of this.names) {
      const at = flat.indexOf(key);
      if (at >= 0) found.push({ entry, key, at });
    }
    const result = Object.freeze(
      found
        .filter((f) => !found.some((g) => g !== f && g.key.length > f.key.length && g.key.includes(f.key)))
        .sort((a, b) => a.at - b.at),
    );
    this.lastNamesText = text;
    this.lastNamesFound = result;
    return result;
  }

  /** The entry with this id. */
  get(id: string): Entry | undefined {
    return this.byId.get(id);
  }

  /** The trees walked as journeys (those with a `journey` block), orientation tree first. */
  journeyTrees(): (OrientationTree & { journey: Journey })[] {
    // A copy: the caller may sort or cut it.
    return this.journeys.slice();
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
    // A copy: the caller may sort or cut it.
    return this.entriesByIntent.get(intent)?.slice() ?? [];
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
        if (idx.summaryTokens.has(w) || idx.bodyTokens.has(w)) score += 1;
      }
      if (score > 0) scored.push({ entry, score, order });
    });
    scored.sort((a, b) => b.score - a.score || a.order - b.order);
    return scored.slice(0, limit).map((s) => s.entry);
  }
}

/** A text's words, normalised, separated by single spaces (punctuation and apostrophes are spaces). */
function flatWords(text: string): string {
  return normalize(text)
    .replace(/[^a-z0-9% ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The id of a tree's journey dialog: `journey.dialog`, or the tree's id. */
export function journeyDialogId(tree: OrientationTree): string {
  return tree.journey?.dialog ?? tree.id;
}
