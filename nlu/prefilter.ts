/**
 * Cheap pre-tests for the detectors' and the entity extractor's regular expressions, derived from the patterns
 * themselves (nothing is listed by hand): most patterns need a word that a given message does not have, and
 * can then be skipped without scanning the text.
 *
 * `requirementOf(re)` reads the pattern's source and finds what any match needs: a word of the text starting with
 * some literal (`(?:^| )dette` needs a word starting with « dette »), or, when the literal may start inside a word,
 * the literal anywhere in the text; alternatives need one of their own requirements. `mayMatch(re, text)` is
 * false only when the text has none of them — then `re` cannot match it, and the result of skipping it is the
 * result of running it. Words are what lies between single spaces (`text.split(' ')`): a literal the pattern
 * places right after a space or at the start is the start of such a word, whatever the text. A pattern this
 * reader does not fully understand (flags other than `g`, unusual escapes) gets no requirement: always run.
 */

import { NeedsMemo } from './prefilterCache';

/** One way of satisfying a requirement: a word starting with `s` (`prefix`), or `s` anywhere in the text. */
export interface Atom {
  s: string;
  prefix: boolean;
}

// ------------------------------------------------------------------------------------------------ parsing
type Node =
  | { kind: 'char'; c: string }
  | { kind: 'any' }
  | { kind: 'zero' }
  | { kind: 'start' }
  | { kind: 'group'; alternatives: Item[][] };
interface Item {
  node: Node;
  min: number;
  max: number;
}

class Unsupported extends Error {}

/** A small reader of JavaScript regular expressions (non-unicode), enough to find literals and their places. */
class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Item[][] {
    const alternatives = this.alternation();
    if (this.i < this.src.length) throw new Unsupported('unbalanced )');
    return alternatives;
  }

  private alternation(): Item[][] {
    const alternatives = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alternatives.push(this.sequence());
    }
    return alternatives;
  }

  private sequence(): Item[] {
    const items: Item[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const node = this.atom();
      const [min, max] = this.quantifier();
      items.push({ node, min, max });
    }
    return items;
  }

  private atom(): Node {
    const src = this.src;
    const c = src[this.i++];
    if (c === '(') {
      let zero = false;
      if (src[this.i] === '?') {
        if (src.startsWith('?:', this.i)) this.i += 2;
        else if (src.startsWith('?=', this.i) || src.startsWith('?!', this.i)) {
          this.i += 2;
          zero = true;
        } else if (src.startsWith('?<=', this.i) || src.startsWith('?<!', this.i)) {
          this.i += 3;
          zero = true;
        } else if (/^\?<[A-Za-z_$][\w$]*>/.test(src.slice(this.i))) this.i = src.indexOf('>', this.i) + 1;
        else throw new Unsupported('group');
      }
      const alternatives = this.alternation();
      if (src[this.i++] !== ')') throw new Unsupported('unclosed group');
      return zero ? { kind: 'zero' } : { kind: 'group', alternatives };
    }
    if (c === '[') {
      if (src[this.i] === '^') this.i++;
      while (this.i < src.length && src[this.i] !== ']') this.i += src[this.i] === '\\' ? 2 : 1;
      if (src[this.i++] !== ']') throw new Unsupported('unclosed class');
      return { kind: 'any' };
    }
    if (c === '.') return { kind: 'any' };
    if (c === '^') return { kind: 'start' };
    if (c === '$') return { kind: 'zero' };
    if (c === '\\') {
      const e = src[this.i++];
      if (e === undefined) throw new Unsupported('trailing backslash');
      if (e === 'b' || e === 'B') return { kind: 'zero' };
      if ('dDwWsS'.includes(e)) return { kind: 'any' };
      if (/[A-Za-z0-9]/.test(e)) {
        // Control characters match no letter, digit or space; other letters (\u, \x, \k, \p…) and back-references
        // are not read here.
        if ('nrtfv'.includes(e)) return { kind: 'char', c: '\n' };
        throw new Unsupported(`escape \\${e}`);
      }
      return { kind: 'char', c: e };
    }
    if ('*+?{}|)'.includes(c)) throw new Unsupported(`unexpected ${c}`);
    return { kind: 'char', c };
  }

  private quantifier(): [number, number] {
    const src = this.src;
    let q: [number, number] = [1, 1];
    const c = src[this.i];
    if (c === '?') q = [0, 1];
    else if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(this.i));
      if (!m) throw new Unsupported('literal {');
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
      q = [min, max];
    } else return q;
    this.i++;
    if (src[this.i] === '?') this.i++; // lazy: same matches for our purpose
    return q;
  }
}

// ------------------------------------------------------------------------------------------------ analysis
const WORD_CHAR = /^[a-z0-9]$/;

/** Any one of these atoms. */
type Clause = Atom[];
/**
 * What a match needs, in disjunctive form: one of the conjunctions holds, each a list of clauses that must all
 * hold. `[[]]` (one empty conjunction) needs nothing.
 */
type Needs = Clause[][];
const NOTHING: Needs = [[]];

/** How selective a clause is: its weakest atom's length (a word start counts more than a part of a word). */
function strength(clause: Clause): number {
  let min = Infinity;
  for (const a of clause) min = Math.min(min, a.s.length + (a.prefix ? 2 : 0));
  return min;
}

function needsNothing(n: Needs): boolean {
  return n.some((conj) => conj.length === 0);
}

/** A single clause implied by `n` (each conjunction's most selective clause, joined). */
function weaken(n: Needs): Clause {
  return n.flatMap((conj) => conj.reduce((best, c) => (strength(c) > strength(best) ? c : best)));
}

/** All of `candidates` (each non-empty and needing something). */
function all(candidates: Needs[]): Needs {
  if (candidates.length === 0) return NOTHING;
  // One disjunction is kept as it is (the most alternatives); the others are weakened to one clause each, so
  // the form never multiplies out.
  let main = candidates[0];
  for (const c of candidates) if (c.length > main.length) main = c;
  const extra: Clause[] = [];
  for (const c of candidates) {
    if (c === main) continue;
    if (c.length === 1) extra.push(...c[0]);
    else extra.push(weaken(c));
  }
  return main.map((conj) => tidy([...conj, ...extra]));
}

/** Clauses without repeats, the most selective first (the first to fail is tried first). */
function tidy(conj: Clause[]): Clause[] {
  const seen = new Set<string>();
  const out: Clause[] = [];
  for (const c of conj) {
    const key = c
      .map((a) => `${a.prefix ? '^' : '*'}${a.s}`)
      .sort()
      .join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out.sort((x, y) => strength(y) - strength(x));
}

/**
 * A sequence read from a position that is (`atStart`) or may not be the start of a word: what any match of it
 * needs, and whether every match of it ends at the start of a word.
 */
function sequence(items: readonly Item[], atStart: boolean): { needs: Needs; atStart: boolean } {
  const candidates: Needs[] = [];
  let run = '';
  let runAtStart = false;
  let here = atStart;
  const close = (): void => {
    if (run.length > 0) candidates.push([[[{ s: run, prefix: runAtStart }]]]);
    run = '';
  };
  for (const { node, min, max } of items) {
    if (node.kind === 'zero') continue; // assertions consume nothing
    if (node.kind === 'char' && min === 1 && max === 1) {
      if (WORD_CHAR.test(node.c)) {
        if (run === '') runAtStart = here;
        run += node.c;
        here = false;
      } else {
        close();
        here = node.c === ' ';
      }
      continue;
    }
    close();
    if (node.kind === 'start') {
      here = true;
      continue;
    }
    if (max === 0) continue;
    if (node.kind === 'group') {
      const first = alternation(node.alternatives, here);
      if (min >= 1 && !needsNothing(first.needs)) candidates.push(first.needs);
      // Where the repetitions may end: after one, two, three of them (a yes/no that settles by then), or before.
      const ends = [first.atStart];
      if (max > 1) {
        const second = alternation(node.alternatives, first.atStart).atStart;
        ends.push(second, alternation(node.alternatives, second).atStart);
      }
      if (min === 0) ends.push(here);
      here = ends.every(Boolean);
    } else if (node.kind === 'char' && node.c === ' ') here = min === 0 ? here : true;
    else here = false;
  }
  close();
  return { needs: all(candidates), atStart: here };
}

function alternation(alternatives: readonly Item[][], atStart: boolean): { needs: Needs; atStart: boolean } {
  let needs: Needs = [];
  let end = true;
  for (const alt of alternatives) {
    const r = sequence(alt, atStart);
    needs = needsNothing(needs) || needsNothing(r.needs) ? NOTHING : needs.concat(r.needs);
    end &&= r.atStart;
  }
  return { needs, atStart: end };
}

/**
 * What any match of `source` needs: one of the returned conjunctions, each a list of clauses (any one atom of
 * each); null when nothing is known.
 */
export function requiredAtoms(source: string, flags = ''): Atom[][][] | null {
  return memo.get(source, flags, () => deriveAtoms(source, flags));
}

/** The requirements derived at earlier starts (`prefilterCache.ts`), keyed by this file's code. */
const memo = new NeedsMemo(__filename);

/** `requiredAtoms`, derived from the pattern's source. */
export function deriveAtoms(source: string, flags = ''): Atom[][][] | null {
  if (flags.replace('g', '') !== '') return null;
  try {
    const { needs } = alternation(new Parser(source).parse(), false);
    return needsNothing(needs) ? null : needs;
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
}

// ------------------------------------------------------------------------------------------------ checking
/**
 * Every atom some requirement uses, numbered, by kind: a word start, or a part of a word. Atoms hold no space, so
 * a text contains one exactly when one of its words does: both kinds are looked up word by word, and what each
 * word holds is remembered.
 */
const prefixAtoms = new Map<string, number>();
const innerAtoms = new Map<string, number>();
let atomCount = 0;
let longestPrefix = 0;
let longestInner = 0;
/** Bumped when atoms are added: what was computed for words and texts before is stale. */
let registryVersion = 0;

function atomId(a: Atom): number {
  const atoms = a.prefix ? prefixAtoms : innerAtoms;
  let id = atoms.get(a.s);
  if (id === undefined) {
    id = atomCount++;
    atoms.set(a.s, id);
    if (a.prefix) longestPrefix = Math.max(longestPrefix, a.s.length);
    else longestInner = Math.max(longestInner, a.s.length);
    registryVersion++;
  }
  return id;
}

/** What a match needs: one of the conjunctions, each a list of clauses (atom ids, any one of which). */
export interface Requirement {
  /** Its number among all requirements. */
  index: number;
  conjunctions: readonly (readonly Int32Array[])[];
}

const requirements = new WeakMap<RegExp, Requirement | null>();
const allRequirements: Requirement[] = [];
/**
 * For each atom, the conjunctions whose first (most selective) clause holds it, as pairs of numbers: requirement,
 * conjunction. A text's requirements are found from the atoms it has, not by trying every requirement.
 */
const byFirstAtom: number[][] = [];

/** `re`'s requirement (derived once per pattern), or null when it must always be run. */
export function requirementOf(re: RegExp): Requirement | null {
  let req = requirements.get(re);
  if (req === undefined) {
    const needs = requiredAtoms(re.source, re.flags);
    req = needs
      ? {
          index: allRequirements.length,
          conjunctions: needs.map((conj) =>
            conj.map((clause) => Int32Array.from(new Set(clause.map(atomId)))),
          ),
        }
      : null;
    if (req) {
      const { index } = req;
      allRequirements.push(req);
      req.conjunctions.forEach((conj, k) => {
        for (const id of conj[0]) (byFirstAtom[id] ??= []).push(index, k);
      });
      textsSinceRegistration = 0;
    }
    requirements.set(re, req);
  }
  return req;
}

/** The atoms each word holds (bounded; cleared when atoms are added). */
const wordAtoms = new Map<string, Int32Array>();
let wordAtomsVersion = 0;
const WORD_MEMO_MAX = 20_000;
const NONE = new Int32Array(0);

/** Empties the words' memo when patterns or atoms were added since it was filled (its entries may lack some). */
function forgetStaleWordAtoms(): void {
  if (wordAtomsVersion === registryVersion) return;
  wordAtoms.clear();
  wordAtomsVersion = registryVersion;
}

function atomsOfWord(word: string): Int32Array {
  let ids = wordAtoms.get(word);
  if (ids) return ids;
  const found = new Set<number>();
  for (let n = Math.min(word.length, longestPrefix); n >= 1; n--) {
    const id = prefixAtoms.get(word.slice(0, n));
    if (id !== undefined) found.add(id);
  }
  if (innerAtoms.size > 0) {
    for (let i = 0; i < word.length; i++) {
      for (let n = Math.min(word.length - i, longestInner); n >= 1; n--) {
        const id = innerAtoms.get(word.slice(i, i + n));
        if (id !== undefined) found.add(id);
      }
    }
  }
  ids = found.size > 0 ? Int32Array.from(found) : NONE;
  if (wordAtoms.size >= WORD_MEMO_MAX) wordAtoms.clear();
  wordAtoms.set(word, ids);
  return ids;
}

/**
 * The last few texts (the detectors read the same texts in turn): `satisfied[r] === generation` when the text meets
 * requirement `r`.
 */
interface TextAtoms {
  text: string;
  version: number;
  generation: number;
  satisfied: Uint32Array;
  /** How many requirements (the first of `allRequirements`) `satisfied` has been worked out for. */
  requirements: number;
}
/**
 * `stamps[id] === generation` when the text being read holds atom `id`: needed only while its requirements are
 * checked, so one array serves every text (it stays in the processor's caches).
 */
let stamps = new Uint32Array(0);
/**
 * The atoms of the text being read, each once: the first `presentCount`. Emptied by its count, not by `length = 0`
 * (which frees an array's elements in V8: ≈ 3 KB of garbage a long message; bench/notes.md, twenty-seventh look).
 */
const present: number[] = [];
let presentCount = 0;
const RECENT = 4;
const recentTexts: TextAtoms[] = [];
let nextSlot = 0;
let generation = 0;

/** The slot last asked for: the detectors ask about the same text many times in a row. */
let lastSlot: TextAtoms | undefined;

function atomsOfText(
  text: string,
  words?: readonly string[],
  knownAtoms?: readonly (Int32Array | undefined)[],
): TextAtoms {
  if (lastSlot !== undefined && lastSlot.text === text && lastSlot.version === registryVersion) {
    if (upToDate(lastSlot)) return lastSlot;
  } else {
    for (const t of recentTexts) {
      if (t.text === text && t.version === registryVersion && upToDate(t)) {
        lastSlot = t;
        return t;
      }
    }
  }
  forgetStaleWordAtoms();
  textsSinceRegistration++;
  let slot = recentTexts[nextSlot];
  if (!slot || slot.satisfied.length < allRequirements.length) {
    slot = {
      text,
      version: 0,
      generation: 0,
      satisfied: new Uint32Array(allRequirements.length + 64),
      requirements: 0,
    };
    recentTexts[nextSlot] = slot;
  }
  // A new array holds no current stamp: `generation` is at least 1 below.
  if (stamps.length < atomCount) stamps = new Uint32Array(atomCount + 64);
  nextSlot = (nextSlot + 1) % RECENT;
  if (++generation === 0xffffffff) {
    stamps.fill(0);
    for (const t of recentTexts) {
      t.satisfied.fill(0);
      t.version = -1; // its marks are gone: never found again
    }
    generation = 1;
  }
  slot.text = text;
  slot.version = registryVersion;
  slot.generation = generation;
  lastSlot = slot;
  presentCount = 0;
  if (words) for (let w = 0; w < words.length; w++) mark(knownAtoms?.[w] ?? atomsOfWord(words[w]));
  else {
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf(' ', start);
      if (end < 0) end = text.length;
      if (end > start) mark(atomsOfWord(text.slice(start, end)));
      start = end + 1;
    }
  }
  // The requirements met: only the conjunctions led by an atom the text has need checking.
  const satisfied = slot.satisfied;
  const { starts, pairs, conjunctions, requirements, atoms } = flatRequirements();
  for (let p = 0; p < presentCount; p++) {
    const id = present[p];
    if (id >= atoms) continue; // an atom added since the layout leads none of its requirements
    for (let i = starts[id], end = starts[id + 1]; i < end; i += 2) {
      const r = pairs[i];
      if (satisfied[r] !== generation && allHold(conjunctions, pairs[i + 1], stamps, generation))
        satisfied[r] = generation;
    }
  }
  // The requirements registered since the layout, one by one.
  checkFrom(slot, requirements);
  return slot;
}

/**
 * Whether `slot` (its atoms current) can answer for every requirement: the requirements registered since it was
 * worked out are checked on it when its text is still the one whose atoms are stamped; otherwise it must be
 * worked out again.
 */
function upToDate(slot: TextAtoms): boolean {
  if (slot.requirements === allRequirements.length) return true;
  if (slot.generation !== generation || slot.satisfied.length < allRequirements.length) return false;
  checkFrom(slot, slot.requirements);
  return true;
}

/** Works out `slot`'s requirements from number `first` on, from the stamps (its text's), one by one. */
function checkFrom(slot: TextAtoms, first: number): void {
  const { satisfied } = slot;
  const g = slot.generation;
  for (let r = first; r < allRequirements.length; r++) {
    if (satisfied[r] !== g && meets(allRequirements[r], g)) satisfied[r] = g;
  }
  slot.requirements = allRequirements.length;
}

/** One of `req`'s conjunctions has, in every clause, an atom stamped `g`. */
function meets(req: Requirement, g: number): boolean {
  for (const conj of req.conjunctions) {
    let all = true;
    for (const clause of conj) {
      let any = false;
      for (let i = 0; i < clause.length; i++) {
        if (stamps[clause[i]] === g) {
          any = true;
          break;
        }
      }
      if (!any) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

/** Stamps the atoms `ids` (a word's) for the text being read. */
function mark(ids: Int32Array): void {
  const g = generation;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (stamps[id] === g) continue;
    stamps[id] = g;
    present[presentCount++] = id;
  }
}

/**
 * The requirements' conjunctions laid out in typed arrays, for the loop above (≈ 200 atom checks per long
 * message, which the pointer-chasing through nested arrays made memory-bound): `conjunctions` holds each
 * conjunction as its number of clauses, then each clause as its length and its atom ids; `pairs` holds, atom
 * after atom, the (requirement, offset of the conjunction) pairs led by that atom, from `starts[atom]` to
 * `starts[atom + 1]`. Made again once enough requirements were added since (`flatRequirements`).
 */
interface FlatRequirements {
  /** The requirements laid out: the first `requirements` of `allRequirements`, whose atoms are below `atoms`. */
  requirements: number;
  atoms: number;
  starts: Int32Array;
  pairs: Int32Array;
  conjunctions: Int32Array;
}
let flat: FlatRequirements | undefined;

/**
 * Requirements registered since the layout are checked one by one (`checkFrom`) until there are this many, or
 * until `SETTLED_TEXTS` texts were read without a new one: then the layout is made again. The patterns register
 * their requirements as they are first met, hundreds in a new process's first long messages: laying everything out
 * again at each of them took 80 % of the first long message's 400–500 ms (bench/notes.md, twenty-fifth look).
 */
const PENDING_MAX = 64;
const SETTLED_TEXTS = 16;
/** Texts worked out since the last requirement was registered. */
let textsSinceRegistration = 0;

function flatRequirements(): FlatRequirements {
  const pending = flat ? allRequirements.length - flat.requirements : Infinity;
  if (flat && (pending === 0 || (pending <= PENDING_MAX && textsSinceRegistration < SETTLED_TEXTS)))
    return flat;
  const conjunctions: number[] = [];
  const offsets = allRequirements.map((req) =>
    req.conjunctions.map((conj) => {
      const offset = conjunctions.length;
      conjunctions.push(conj.length);
      for (const clause of conj) conjunctions.push(clause.length, ...clause);
      return offset;
    }),
  );
  const starts = new Int32Array(atomCount + 1);
  const pairs: number[] = [];
  for (let id = 0; id < atomCount; id++) {
    starts[id] = pairs.length;
    const led = byFirstAtom[id];
    if (led) for (let i = 0; i < led.length; i += 2) pairs.push(led[i], offsets[led[i]][led[i + 1]]);
  }
  starts[atomCount] = pairs.length;
  flat = {
    requirements: allRequirements.length,
    atoms: atomCount,
    starts,
    pairs: Int32Array.from(pairs),
    conjunctions: Int32Array.from(conjunctions),
  };
  return flat;
}

/** Every clause of the conjunction at `offset` of `conjunctions` has an atom the text holds. */
function allHold(conjunctions: Int32Array, offset: number, stamps: Uint32Array, g: number): boolean {
  let at = offset + 1;
  for (let c = conjunctions[offset]; c > 0; c--) {
    const end = at + 1 + conjunctions[at];
    let any = false;
    for (let i = at + 1; i < end; i++) {
      if (stamps[conjunctions[i]] === g) {
        any = true;
        break;
      }
    }
    if (!any) return false;
    at = end;
  }
  return true;
}

/**
 * Tells the pre-tests that `text` is `words.join(' ')`, about to be read by several detectors: its words need not
 * be split out again (and the same word strings are looked up faster).
 */
export function readingText(
  text: string,
  words: readonly string[],
  knownAtoms?: readonly (Int32Array | undefined)[],
): void {
  if (text.length >= MIN_LENGTH) atomsOfText(text, words, knownAtoms);
}

/**
 * The atoms a word holds, for a caller that keeps them with the word (`readingText`'s `knownAtoms`), valid while
 * `atomsVersion()` stays the same.
 */
export function atomsOf(word: string): Int32Array {
  forgetStaleWordAtoms();
  return atomsOfWord(word);
}

/**
 * Changes when atoms are added (with a pattern that needs them): the atoms of words obtained before may then be
 * incomplete.
 */
export function atomsVersion(): number {
  return registryVersion;
}

/**
 * Texts of a few words are not pre-tested: scanning them is about as cheap as looking up their words. From a
 * line on, the pre-tests pay even more than on long messages, inside a turn above all, where the patterns' compiled
 * code is no longer in the processor's caches: a first message of 40–60 characters costs ≈ 40 µs less CPU per
 * turn pre-tested (bench/notes.md, fifth pass; the threshold was 100 characters before).
 */
const MIN_LENGTH = 32;

/** Whether `text` is long enough to be pre-tested (otherwise `satisfies` is always true). */
export function preTested(text: string): boolean {
  return text.length >= MIN_LENGTH;
}

/**
 * False only when `re` cannot match `text` (see the module comment); true otherwise. When false, a global `re`'s
 * `lastIndex` is reset as a failed search would have.
 */
export function mayMatch(re: RegExp, text: string): boolean {
  const req = requirementOf(re);
  return req === null || satisfies(req, re, text);
}

/** `mayMatch` with `re`'s requirement already at hand (`requirementOf`). */
export function satisfies(req: Requirement, re: RegExp, text: string): boolean {
  if (!preTested(text) || holds(req, text)) return true;
  if (re.global) re.lastIndex = 0;
  return false;
}

/** `mayMatch` whatever the text's length (to check the requirements themselves). */
export function couldMatch(re: RegExp, text: string): boolean {
  const req = requirementOf(re);
  return req === null || holds(req, text);
}

function holds(req: Requirement, text: string): boolean {
  const slot = atomsOfText(text);
  return slot.satisfied[req.index] === slot.generation;
}
