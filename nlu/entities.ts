/**
 * Entity extraction with patterns over the normalised text (lower-case, no accents, elisions and SMS spellings
 * expanded: "n'arrive" → "ne arrive", "m'occuper" → "me occuper"). Amounts and dates read the folded raw text,
 * where digit groups, commas and slashes survive.
 */
import type {
  Entities,
  RecognizedDifficulty as Difficulte,
  RecognizedStatut as Statut,
  Situation,
} from '../contract';
import { ENTITY_PATTERNS as P } from './entityPatterns';
import { fold } from './normalize';
import { mayMatch } from './prefilter';

export interface EntityOptions {
  /** Year used for dates written without one ("le 12 mars"); defaults to the current year. */
  referenceDate?: Date;
}

/** `re.test(t)`, skipped when `re` needs a word `t` does not have (`prefilter.ts`). */
function has(re: RegExp, t: string): boolean {
  return mayMatch(re, t) && re.test(t);
}

/** `re.exec(t)`, skipped likewise. */
function find(re: RegExp, t: string): RegExpExecArray | null {
  return mayMatch(re, t) ? re.exec(t) : null;
}

/** The global copy of each pattern `firstKept` walks through (made once, not at every call). */
const GLOBAL_COPIES = new WeakMap<RegExp, RegExp>();

function globalCopy(re: RegExp): RegExp {
  let all = GLOBAL_COPIES.get(re);
  if (!all) {
    all = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    GLOBAL_COPIES.set(re, all);
  }
  return all;
}

/** The first match of `re` in `t` that `keep` accepts (every match walked, in order), or null. */
function firstKept(re: RegExp, t: string, keep: (m: RegExpExecArray) => boolean): RegExpExecArray | null {
  const all = globalCopy(re);
  all.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = all.exec(t)) !== null) {
    if (keep(m)) return m;
    if (m[0].length === 0) all.lastIndex++;
  }
  return null;
}

function toNumber(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : (P.numbers[s] ?? NaN);
}

function findStatut(t: string): Statut | undefined {
  for (const { statut, re } of P.statut.explicit) if (has(re, t)) return statut;
  let best: Statut | undefined;
  let bestPos = Infinity;
  for (const { statut, re } of P.statut.trades) {
    const at = mayMatch(re, t) ? ownTrade(re, t) : -1;
    if (at >= 0 && at < bestPos) {
      best = statut;
      bestPos = at;
    }
  }
  return best ?? (has(P.statut.independant, t) ? 'independant' : undefined);
}

/** A trade named after a possessive is someone else's (« mon expert-comptable », « ma coiffeuse »). */
const SOMEONE_ELSES = /(?:^| )(?:mon|ma|mes|notre|nos|votre|vos|son|sa|ses|leur|leurs)$/;

/** Where a match starts its first word (a word-start pattern may begin with the space before it). */
const wordStart = (m: RegExpExecArray): number => m.index + (m[0].startsWith(' ') ? 1 : 0);

/** Where the first trade of `re` in `t` that is not someone else's starts, or -1. */
function ownTrade(re: RegExp, t: string): number {
  const m = firstKept(re, t, (match) => {
    const start = wordStart(match);
    return !SOMEONE_ELSES.test(t.slice(Math.max(0, start - 8), start).trimEnd());
  });
  return m ? wordStart(m) : -1;
}

// ---------------------------------------------------------------------------------------------- difficultes
/** True when one match of `re` in `t` is not negated (« pas de dettes » is no debt; « des dettes » is). */
function affirmed(re: RegExp, t: string): boolean {
  return firstKept(re, t, (m) => !P.negatedBefore.test(t.slice(Math.max(0, m.index - 30), m.index))) !== null;
}

function findDifficultes(t: string): Difficulte[] {
  const out: Difficulte[] = [];
  for (const { difficulte, prefilter, re } of P.difficultes) {
    if ((prefilter === undefined || has(prefilter, t)) && has(re, t) && affirmed(re, t)) out.push(difficulte);
  }
  const healthThreatensWork = has(P.health, t) && has(P.santeActivite, t);
  if (
    healthThreatensWork ||
    (has(P.seriousHealth, t) && !out.includes('frais_sante') && !out.includes('aidant'))
  ) {
    // A serious illness alone counts; when the message is only about the cost of care it stays frais_sante, and
    // when it is a relative's whom the person cares for (« mon fils a une leucémie »), aidant.
    out.push('sante_activite');
  }
  return out;
}

function findSituation(t: string, difficultes: Difficulte[], past: boolean): Situation | undefined {
  if (difficultes.includes('invalidite')) return 'invalide';
  if (difficultes.includes('retraite')) return 'retraite_proche';
  if (difficultes.includes('deces_conjoint')) return 'conjoint_survivant';
  // A nurse, a physiotherapist, a doctor… still working: the CPSTI's aids are not theirs (source 003), so the
  // situation is read as such rather than as « en activité » from the trade (which would lead to ACED and AFE).
  if (!past && has(P.pamc, t)) return 'pamc';
  if (has(P.situationActive, t)) {
    return 'actif';
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------- enfants
function findEnfants(t: string): number | undefined {
  if (has(P.enfants.quadruples, t)) return 4;
  if (has(P.enfants.triples, t)) return 3;
  if (has(P.enfants.jumeaux, t)) return 2;
  const m = find(P.enfants.expecting, t);
  if (m) {
    const n = toNumber(m[1]);
    if (n >= 1 && n <= 6) return n;
  }
  return undefined;
}

function findRang(t: string): number | undefined {
  const ord = find(P.rang.numbered, t);
  if (ord) return Number(ord[1]);
  const ordW = find(P.rang.ordinal, t);
  if (ordW) return P.ordinals[ordW[1]];
  if (has(P.rang.birthContext, t)) {
    const bare = find(P.rang.bare, t);
    const n = bare && (/^\d/.test(bare[1]) ? parseInt(bare[1], 10) : P.ordinals[bare[1]]);
    if (n && n >= 1 && n < 15) return n;
  }
  const already = find(P.rang.alreadyHave, t);
  if (already) {
    const n = toNumber(already[1]);
    if (n >= 0 && n < 15) return n + 1;
  }
  const have = find(P.rang.haveChildren, t);
  if (have && has(P.rang.birthContext, t)) {
    const n = toNumber(have[1]);
    if (n >= 0 && n < 15) return n + 1;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------- ald
function findAld(t: string): boolean | undefined {
  if (!has(P.ald.mention, t)) return undefined;
  if (has(P.ald.negated, t)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------- affiliation
/** Up to this many words, a message is an answer: a bare duration in it is the activity's. */
const SHORT_ANSWER_WORDS = 8;

function findAffiliation(t: string): number | undefined {
  const re = P.affiliation.since;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (mayMatch(re, t) && (m = re.exec(t)) !== null) {
    const n = toNumber(m[1]);
    if (!Number.isFinite(n)) continue;
    let months = m[2] === 'mois' ? n : n * 12;
    if (m[3] === 'demi') months += m[2] === 'mois' ? 0 : 6;
    else if (m[3]) months += Number(m[3].split(' ')[0]);
    const clauseStart = Math.max(t.lastIndexOf(' et ', m.index), t.lastIndexOf(' mais ', m.index), 0);
    const before = t.slice(Math.max(clauseStart, m.index - 60), m.index);
    const after = t.slice(m.index, m.index + m[0].length + 25);
    if (P.affiliation.positive.test(before) || P.affiliation.positive.test(after.slice(m[0].length)))
      return months;
    // A bare duration is the activity's only in a short answer (« depuis 2 ans »); in a story it is anything's
    // (« je ne me payais plus depuis huit mois »).
    if (
      !P.affiliation.negative.test(before) &&
      !P.affiliation.negative.test(after) &&
      t.split(' ').length <= SHORT_ANSWER_WORDS
    )
      return months;
  }
  const dur = find(P.affiliation.duration, t);
  if (dur) {
    const n = toNumber(dur[1]);
    if (Number.isFinite(n)) return dur[2] === 'mois' ? n : n * 12;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------- montants
function findMontants(folded: string): number[] {
  const out: number[] = [];
  const re = P.montants;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded)) !== null) {
    let value: number;
    if (m[5] !== undefined) {
      value = Number(m[5].replace(',', '.')) * 1000;
    } else {
      value = Number(m[1].replace(/[ .\u00a0\u202f]/g, ''));
      if (m[2]) value += Number(`0.${m[2]}`);
      if (m[3] === 'k') value *= 1000;
      else if (m[3] === 'm') value *= 1_000_000;
    }
    if (Number.isFinite(value) && !out.includes(value)) out.push(Math.round(value * 100) / 100);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- dates
function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1) return undefined;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > dim) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}
function findDates(folded: string, ref: Date): string[] {
  const out: string[] = [];
  const push = (s: string | undefined): void => {
    if (s && !out.includes(s)) out.push(s);
  };
  const year = ref.getFullYear();
  const numeric = P.dates.numeric;
  numeric.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = numeric.exec(folded)) !== null) {
    // "12.5" is a number, not a date: require a year or a slash.
    if (!m[3] && !m[0].includes('/')) continue;
    push(iso(m[3] ? fullYear(m[3]) : year, Number(m[2]), Number(m[1])));
  }
  const named = P.dates.named;
  named.lastIndex = 0;
  // The dates read the folded text as typed: not pre-tested (its words are looked up nowhere else).
  while ((m = named.exec(folded)) !== null) {
    const d = m[1] === '1er' || m[1] === 'premier' ? 1 : Number(m[1]);
    push(iso(m[3] ? Number(m[3]) : year, P.months[m[2]], d));
  }
  for (const { re, days } of P.dates.relative) {
    if (re.test(folded)) {
      const d = new Date(Date.UTC(ref.getFullYear(), ref.getMonth(), ref.getDate() + days));
      push(iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
    }
  }
  return out;
}

/**
 * @param normalized the normalised (and spell-corrected) text, tokens joined by single spaces
 * @param raw the user's text as typed
 */
export function extractEntities(normalized: string, raw: string, options: EntityOptions = {}): Entities {
  return extractEntitiesFolded(normalized, fold(raw), options);
}

/** `extractEntities` with the user's text already passed through `fold` (the recogniser folds it once). */
export function extractEntitiesFolded(
  normalized: string,
  folded: string,
  options: EntityOptions = {},
): Entities {
  const t = normalized;
  const e: Entities = {};
  const statut = findStatut(t);
  if (statut) e.statut = statut;
  if (has(P.pastActivity, t)) e.activiteTerminee = true;
  const difficultes = findDifficultes(t);
  if (difficultes.length > 0) e.difficultes = difficultes;
  const situation = findSituation(t, difficultes, e.activiteTerminee === true);
  if (situation) e.situation = situation;
  const enfants = findEnfants(t);
  if (enfants !== undefined) e.enfants = enfants;
  const rang = findRang(t);
  if (rang !== undefined) e.rangEnfant = rang;
  const ald = findAld(t);
  if (ald !== undefined) e.ald = ald;
  const aff = findAffiliation(t);
  if (aff !== undefined) e.affiliationMois = aff;
  const montants = findMontants(folded);
  if (montants.length > 0) e.montants = montants;
  const dates = findDates(folded, options.referenceDate ?? new Date());
  if (dates.length > 0) e.dates = dates;
  return e;
}
