/**
 * Orientation-tree walker: enumerates paths, validates the tree against the knowledge base and resolves the
 * answers given so far to either the leaf reached or the next question to ask.
 */
import { SLOT_VALUES } from '../contract';
import type { Entry, LeafNode, OrientationTree, QuestionNode, Slot, TreeNode } from './schema';
import { TREE_FILE } from './schema';
import type { Problem } from './problems';
import { entryStates, type FactField } from './facts';

export type Answers = Partial<Record<Slot, string>>;

/** One choice made on the way down. */
export interface PathStep {
  nodeId: string;
  slot: Slot;
  value: string;
  label: string;
}

/** A root-to-leaf path. */
export interface Path {
  steps: PathStep[];
  answers: Answers;
  leaf: LeafNode;
}

export type Resolution =
  | { kind: 'leaf'; leaf: LeafNode; steps: PathStep[] }
  | { kind: 'question'; question: QuestionNode; steps: PathStep[] };

/** What the tree validation needs to know about entries. */
export interface EntryLookup {
  get(id: string): Entry | undefined;
}

export function isLeaf(node: TreeNode): node is LeafNode {
  return node.type === 'leaf';
}

export function isQuestion(node: TreeNode): node is QuestionNode {
  return node.type === 'question';
}

/**
 * Node by id (the first of an id wins), kept per tree: `resolve` runs at every journey turn, and the trees of the
 * loaded knowledge base never change. Rebuilt when the node list is another array or has another length (a tree
 * being built or edited, as in the validation tests).
 */
const nodeMaps = new WeakMap<
  OrientationTree,
  { nodes: readonly TreeNode[]; count: number; map: Map<string, TreeNode> }
>();

function nodeMap(tree: OrientationTree): Map<string, TreeNode> {
  const known = nodeMaps.get(tree);
  if (known && known.nodes === tree.nodes && known.count === tree.nodes.length) return known.map;
  const map = new Map<string, TreeNode>();
  for (const node of tree.nodes) if (!map.has(node.id)) map.set(node.id, node);
  nodeMaps.set(tree, { nodes: tree.nodes, count: tree.nodes.length, map });
  return map;
}

/** Every root-to-leaf path with the choices made. Branches that loop or lead nowhere are left out. */
export function walkPaths(tree: OrientationTree): Path[] {
  const nodes = nodeMap(tree);
  const paths: Path[] = [];
  const visit = (id: string, steps: PathStep[], onPath: Set<string>): void => {
    const node = nodes.get(id);
    if (!node || onPath.has(id)) return;
    if (isLeaf(node)) {
      const answers: Answers = {};
      for (const s of steps) answers[s.slot] = s.value;
      paths.push({ steps, answers, leaf: node });
      return;
    }
    const next = new Set(onPath).add(id);
    for (const opt of node.options) {
      visit(
        opt.next,
        [...steps, { nodeId: node.id, slot: node.slot, value: opt.value, label: opt.label }],
        next,
      );
    }
  };
  visit(tree.root, [], new Set());
  return paths;
}

/**
 * Follows the answers from the root. Returns the leaf reached, or the first question whose slot has no
 * (valid) answer yet. Answers for slots not on the way are ignored.
 */
export function resolve(tree: OrientationTree, answers: Answers): Resolution {
  const nodes = nodeMap(tree);
  const steps: PathStep[] = [];
  let node = nodes.get(tree.root);
  for (let guard = 0; node && guard <= tree.nodes.length; guard++) {
    if (isLeaf(node)) return { kind: 'leaf', leaf: node, steps };
    const question: QuestionNode = node;
    const answer = answers[question.slot];
    const option = question.options.find((o) => o.value === answer);
    if (!option) return { kind: 'question', question, steps };
    steps.push({ nodeId: question.id, slot: question.slot, value: option.value, label: option.label });
    node = nodes.get(option.next);
  }
  throw new Error(
    `orientation tree is broken (dead end or cycle) after ${steps.map((s) => s.value).join(' > ')}`,
  );
}

/**
 * Structural and content checks: unique node ids, known root, no dead end, no cycle, no unreachable node,
 * contract slot values, every leaf answerable (an aid with a `form` link, or `help: true` with the HELP entry
 * holding a `referral` link).
 */
export function validateTree(
  tree: OrientationTree,
  knowledge: EntryLookup,
  file: string = TREE_FILE,
): Problem[] {
  const problems: Problem[] = [];
  const add = (id: string, field: string, message: string): void => {
    problems.push({ file, id, field, message });
  };
  const nodes = new Map<string, TreeNode>();
  tree.nodes.forEach((node, i) => {
    if (nodes.has(node.id)) add(node.id, 'id', `duplicate node id (nodes[${i}])`);
    else nodes.set(node.id, node);
  });

  const helpEntry = knowledge.get(tree.helpEntry);
  if (!helpEntry) add(tree.id, 'helpEntry', `unknown entry id "${tree.helpEntry}"`);
  const helpReferral = helpEntry?.links.some((l) => l.type === 'referral') ?? false;
  if (helpEntry && !helpReferral) add(tree.id, 'helpEntry', `entry "${tree.helpEntry}" has no referral link`);

  if (!nodes.has(tree.root)) add(tree.id, 'root', `unknown node id "${tree.root}"`);

  const offered = new Map<string, Set<string>>();
  for (const node of nodes.values()) {
    if (isQuestion(node)) {
      const seen = new Set<string>();
      const contract: readonly string[] | undefined = Object.hasOwn(SLOT_VALUES, node.slot)
        ? SLOT_VALUES[node.slot]
        : undefined;
      node.options.forEach((opt, i) => {
        if (seen.has(opt.value)) add(node.id, `options[${i}].value`, `duplicate value "${opt.value}"`);
        seen.add(opt.value);
        if (contract && !contract.includes(opt.value)) {
          add(
            node.id,
            `options[${i}].value`,
            `"${opt.value}" is not a value of slot "${node.slot}" (${contract.join(', ')})`,
          );
        }
        if (!offered.has(node.slot)) offered.set(node.slot, new Set());
        offered.get(node.slot)?.add(opt.value);
        if (!nodes.has(opt.next))
          add(node.id, `options[${i}].next`, `dead end: unknown node id "${opt.next}"`);
      });
    } else {
      node.aids.forEach((aid, i) => {
        if (!knowledge.get(aid)) add(node.id, `aids[${i}]`, `unknown entry id "${aid}"`);
      });
      if (node.aids.length === 0 && !node.help)
        add(node.id, 'aids', 'a leaf needs at least one aid or help: true');
      // The aids for a debt may be left out (`forDebt`): the form must be among the others.
      const forDebt = node.forDebt ?? [];
      const hasForm = node.aids
        .filter((aid) => !forDebt.includes(aid))
        .some((aid) => knowledge.get(aid)?.links.some((l) => l.type === 'form') ?? false);
      if (tree.requireForm && !hasForm && !(node.help && helpReferral)) {
        add(node.id, 'aids', 'no aid with a form link, and no HELP referral (help: true) to fall back on');
      }
      node.excludes.forEach((id, i) => {
        if (!knowledge.get(id)) add(node.id, `excludes[${i}]`, `unknown entry id "${id}"`);
        if (node.aids.includes(id)) add(node.id, `excludes[${i}]`, `"${id}" is both offered and excluded`);
      });
      forDebt.forEach((id, i) => {
        if (!node.aids.includes(id)) add(node.id, `forDebt[${i}]`, `"${id}" is not one of the leaf's aids`);
      });
      if (forDebt.length > 0 && node.aids.every((aid) => forDebt.includes(aid)) && !node.help)
        add(node.id, 'forDebt', 'without a debt, the leaf would offer nothing');
      if (node.noteWithoutDebt !== undefined && forDebt.length === 0)
        add(node.id, 'noteWithoutDebt', 'a note without debt needs forDebt aids');
      node.highlights.forEach((h, i) => {
        const entry = knowledge.get(h.entry);
        if (!entry) add(node.id, `highlights[${i}].entry`, `unknown entry id "${h.entry}"`);
        else if (![...entry.amounts, ...entry.durations].some((f) => f.label === h.figure)) {
          add(
            node.id,
            `highlights[${i}].figure`,
            `entry "${h.entry}" has no amount or duration labelled "${h.figure}"`,
          );
        }
      });
    }
  }

  // The entries that state a journey's facts must state them (`journey.facts`).
  for (const [field, ids] of Object.entries(tree.journey?.facts ?? {})) {
    ids.forEach((id, i) => {
      const entry = knowledge.get(id);
      if (!entry) add(tree.id, `journey.facts.${field}[${i}]`, `unknown entry id "${id}"`);
      else if (!entryStates(entry, field as FactField))
        add(tree.id, `journey.facts.${field}[${i}]`, `entry "${id}" has no ${field}`);
    });
  }

  // A tree asking a contract slot must offer all its values, so the recogniser never extracts a value it ignores.
  for (const slot of ['situation', 'difficulte'] as const) {
    if (!offered.has(slot)) continue;
    for (const value of SLOT_VALUES[slot]) {
      if (!offered.get(slot)?.has(value)) add(tree.id, 'nodes', `no question offers ${slot} = "${value}"`);
    }
  }

  // Cycles and reachability (depth-first from the root).
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, slotsAsked: Set<string>): void => {
    const node = nodes.get(id);
    if (!node) return;
    if (state.get(id) === 'open') {
      add(id, 'id', 'cycle: this node can be reached from itself');
      return;
    }
    if (isQuestion(node) && slotsAsked.has(node.slot))
      add(id, 'slot', `slot "${node.slot}" is asked twice on a path`);
    if (state.get(id) === 'done') return;
    state.set(id, 'open');
    if (isQuestion(node)) {
      const asked = new Set(slotsAsked).add(node.slot);
      for (const opt of node.options) visit(opt.next, asked);
    }
    state.set(id, 'done');
  };
  visit(tree.root, new Set());
  for (const id of nodes.keys()) {
    if (!state.has(id)) add(id, 'id', 'unreachable from the root');
  }
  return problems;
}
