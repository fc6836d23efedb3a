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
  /** An adviser writes (Teams): « ma cliente », « mon client » are the insured person (`insured.adviserWords`). */
  adviser?: boolean;
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

/** The words just before position `at` (a window wide enough for the `…Before` patterns, which end at `$`). */
const before = (t: string, at: number, width = 40): string => t.slice(Math.max(0, at - width), at).trimEnd();

/** The `width` characters just after match `m` (a window for the `…After` patterns, which start at `^`). */
const after = (t: string, m: RegExpExecArray, width: number): string =>
  t.slice(m.index + m[0].length, m.index + m[0].length + width);

/** How far after a health profession or a trade « salariée » is looked for (« infirmière salariée à l'hôpital »). */
const SALARIED_AFTER_WIDTH = 30;

/** The first match of `re` in `t` that is the person's now: not negated nor past (« je ne suis plus … »). */
function presentMatch(re: RegExp, t: string): RegExpExecArray | null {
  if (!mayMatch(re, t)) return null;
  return firstKept(re, t, (m) => !P.notNowBefore.test(before(t, wordStart(m))));
}

/** The first match of `re` in `t` that is the person's now and not a relative's (« mon mari est artisan »). */
function ownPresentMatch(re: RegExp, t: string): RegExpExecArray | null {
  if (!mayMatch(re, t)) return null;
  return firstKept(re, t, (m) => !P.relativeOrPastBefore.test(before(t, wordStart(m))));
}

function findStatut(t: string): Statut | undefined {
  // A person who says they are an employee (« mon mari était artisan et il est décédé, moi je suis salariée ») has
  // no relative's status.
  const employee = has(P.salarieSoi, t);
  for (const { statut, re } of P.statut.explicit) {
    if (!employee ? presentMatch(re, t) : ownPresentMatch(re, t)) return statut;
  }
  // The person's own trade first; a relative's (« ma fille est infirmière libérale ») only when no other is named
  // (« mon mari est plombier, il ne peut plus travailler » speaks of his business).
  // (The second reading only when some trade's words are in the message: most messages name none.)
  // Nor when the person says they are an employee (« mon mari était artisan…, moi je suis salariée »).
  const own = firstTrade(t, true);
  return (
    own.statut ??
    (own.candidates && !employee ? firstTrade(t, false).statut : undefined) ??
    (has(P.statut.independant, t) ? 'independant' : undefined)
  );
}

/**
 * The status of the trade named first in `t`; `ownOnly`: not one a relative has. `candidates`: some trade's words
 * are in the message (pre-tested), whoever has it.
 */
function firstTrade(t: string, ownOnly: boolean): { statut?: Statut; candidates: boolean } {
  let best: Statut | undefined;
  let bestPos = Infinity;
  let candidates = false;
  for (const { statut, re } of P.statut.trades) {
    if (!mayMatch(re, t)) continue;
    candidates = true;
    const at = ownTrade(re, t, ownOnly);
    if (at >= 0 && at < bestPos) {
      best = statut;
      bestPos = at;
    }
  }
  return { statut: best, candidates };
}

/**
 * A trade named after a possessive or an article is someone else's (« mon expert-comptable », « la sage-femme m'a
 * arrêtée », « l'huissier est passé »), unless the person says it is theirs (« je suis la coiffeuse du village ») or
 * it is a place (« j'ai un commerce »).
 */
function someoneElses(t: string, match: RegExpExecArray, start: number): boolean {
  const words = before(t, start, 12);
  return (
    P.statut.someoneElseBefore.test(words) &&
    !P.statut.ownBefore.test(before(t, start, 30)) &&
    !P.statut.places.test(match[0])
  );
}

/** Where a match starts its first word (a word-start pattern may begin with the space before it). */
const wordStart = (m: RegExpExecArray): number => m.index + (m[0].startsWith(' ') ? 1 : 0);

/**
 * Where the first trade of `re` in `t` that is not someone else's starts, or -1; one denied (« je ne suis plus
 * plombier ») is not the person's now.
 */
function ownTrade(re: RegExp, t: string, ownOnly: boolean): number {
  const m = firstKept(re, t, (match) => {
    const start = wordStart(match);
    return (
      !someoneElses(t, match, start) &&
      !P.notNowBefore.test(before(t, start)) &&
      !P.salariedAfter.test(after(t, match, SALARIED_AFTER_WIDTH)) &&
      !(ownOnly && P.relativeOrPastBefore.test(before(t, start)))
    );
  });
  return m ? wordStart(m) : -1;
}

// ---------------------------------------------------------------------------------------------- difficultes
/**
 * True when one match of `re` in `t` is not negated (« pas de dettes » is no debt; « des dettes » is), nor preceded
 * by `notBefore` (a difficulty's own words for « not now »).
 */
function affirmed(re: RegExp, t: string, notBefore?: RegExp): boolean {
  return (
    firstKept(re, t, (m) => {
      const at = wordStart(m);
      return !P.negatedBefore.test(before(t, at, 30)) && !(notBefore && notBefore.test(before(t, at)));
    }) !== null
  );
}

/** `t` with every match of `re` blanked (same length, so positions hold). */
function without(re: RegExp, t: string): string {
  return t.replace(globalCopy(re), (m) => ' '.repeat(m.length));
}

function findDifficultes(t: string): Difficulte[] {
  const out: Difficulte[] = [];
  // A child's ordinary illness (« mon fils a la grippe, je dois arrêter ») is not the person's own health either.
  let own = has(P.childIllness, t) ? without(P.childIllness, t) : t;
  // Nor an illness supposed (« si je tombe malade, est-ce que je suis couvert ? »).
  if (has(P.hypotheticalHealth, own)) own = without(P.hypotheticalHealth, own);
  for (const { difficulte, prefilter, re, notBefore } of P.difficultes) {
    if ((prefilter === undefined || has(prefilter, t)) && has(re, t) && affirmed(re, t, notBefore)) {
      // A sick relative who runs or works in the business (« il est conjoint collaborateur dans notre garage »): a
      // health that threatens an activity (the AMA pays for their replacement), not a dependant cared for.
      out.push(difficulte === 'aidant' && has(P.sickRelativeWorks, t) ? 'sante_activite' : difficulte);
      // A relative's illness (« mon fils de 8 ans a un cancer ») is not the person's: their own health is read
      // without it.
      if (difficulte === 'aidant') own = without(re, own);
    }
  }
  if (out.includes('sante_activite')) return out;
  const healthThreatensWork = has(P.health, own) && has(P.santeActivite, own);
  if (healthThreatensWork || (has(P.seriousHealth, own) && !out.includes('frais_sante'))) {
    // A serious illness alone counts; when the message is only about the cost of care it stays frais_sante.
    out.push('sante_activite');
  }
  return out;
}

/**
 * @param past the activity is over (`activiteTerminee`): no situation the tree offers says so (its « retraite »
 *   is a retirement, not a closed business), so nothing is read from it — the question is asked.
 * @param resumed the activity goes on after retirement or invalidity (« je continue mon activité »): active.
 */
function findSituation(
  t: string,
  difficultes: Difficulte[],
  past: boolean,
  resumed: boolean,
): Situation | undefined {
  if (difficultes.includes('invalidite')) return 'invalide';
  if (difficultes.includes('retraite')) return 'retraite_proche';
  if (difficultes.includes('deces_conjoint')) return 'conjoint_survivant';
  // A nurse, a physiotherapist, a doctor… still working: the CPSTI's aids are not theirs (source 003), so the
  // situation is read as such rather than as « en activité » from the trade (which would lead to ACED and AFE).
  if (
    !past &&
    mayMatch(P.pamc, t) &&
    firstKept(
      P.pamc,
      t,
      (m) =>
        !P.relativeOrPastBefore.test(before(t, wordStart(m))) &&
        !P.salariedAfter.test(after(t, m, SALARIED_AFTER_WIDTH)),
    ) !== null &&
    !has(P.pamcDenied, t)
  )
    return 'pamc';
  if (resumed || (!past && presentMatch(P.situationActive, t))) return 'actif';
  // The activity over by retirement (« je suis déjà à la retraite depuis 2019 »): the tree's « déjà à la retraite ».
  if (past && has(P.retired, t)) return 'retraite';
  return undefined;
}

// ---------------------------------------------------------------------------------------------- enfants
/** A match of `re` not told as a mere possibility (« peut-être des jumeaux »). */
function certain(re: RegExp, t: string): boolean {
  return mayMatch(re, t) && firstKept(re, t, (m) => !P.hedgedBefore.test(before(t, wordStart(m)))) !== null;
}

function findEnfants(t: string): number | undefined {
  if (certain(P.enfants.quadruples, t)) return 4;
  if (certain(P.enfants.triples, t)) return 3;
  if (certain(P.enfants.jumeaux, t)) return 2;
  const m = find(P.enfants.expecting, t);
  if (m) {
    // The number of whichever wording matched (« on en attend 2 », « 2 bébés »).
    const n = toNumber(m.slice(1).find((group) => group !== undefined) ?? '');
    if (n >= 1 && n <= 6) return n;
  }
  return undefined;
}

function findRang(t: string): number | undefined {
  // Children the person already has (« j'ai déjà 2 enfants ») say the rank of the one to come, whatever the
  // pregnancy's number (« c'est ma deuxième grossesse mais j'ai déjà 2 enfants »: the third).
  const already = find(P.rang.alreadyHave, t);
  if (already) {
    const n = toNumber(already[1]);
    if (n >= 0 && n < 15) return n + 1;
  }
  const ord = find(P.rang.numbered, t);
  if (ord) return Number(ord[1] ?? ord[2]);
  const ordW = find(P.rang.ordinal, t);
  if (ordW) return P.ordinals[ordW[1]];
  if (has(P.rang.birthContext, t)) {
    const bare = find(P.rang.bare, t);
    const n = bare && (/^\d/.test(bare[1]) ? parseInt(bare[1], 10) : P.ordinals[bare[1]]);
    if (n && n >= 1 && n < 15) return n;
  }
  const have = find(P.rang.haveChildren, t);
  if (have && has(P.rang.birthContext, t)) {
    const n = toNumber(have[1]);
    if (n >= 0 && n < 15) return n + 1;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------- ald
/** How far after a mention of an ALD its denial is looked for (« mon ALD est terminée »), in characters. */
const ALD_AFTER_WIDTH = 40;

/**
 * Whether the sick leave is due to an ALD, from each mention and the words just before it: denied (« pas d'ALD »)
 * or unrelated (« sans lien avec l'ALD ») → false; a relative's (« mon mari est en ALD »), a doubt or a past one
 * (« j'étais en ALD l'année dernière »), or another cause of the leave told (« je me suis cassé la jambe ») →
 * nothing; otherwise true.
 * One mention of the person's own ALD wins over a denial.
 */
function findAld(t: string): boolean | undefined {
  if (!mayMatch(P.ald.mention, t)) return undefined;
  let ald: boolean | undefined;
  firstKept(P.ald.mention, t, (m) => {
    const words = before(t, wordStart(m));
    const next = after(t, m, ALD_AFTER_WIDTH);
    if (P.ald.negated.test(words) || P.ald.unrelated.test(words) || P.ald.deniedAfter.test(next)) ald = false;
    else if (
      !P.ald.others.test(words) &&
      !P.ald.doubted.test(words) &&
      // Over (« j'étais en ALD l'année dernière »): the tense is read, as for a past activity.
      !P.ald.past.test(words) &&
      !P.ald.pastAfter.test(next)
    )
      ald = true;
    return ald === true;
  });
  // Having an ALD is no answer when the leave's own cause is told and is another (« diabète en ALD, là je me suis
  // cassé la jambe »): the question is asked.
  return ald === true && has(P.ald.otherCause, t) ? undefined : ald;
}

// ---------------------------------------------------------------------------------------------- affiliation
/** How far before a duration a trade makes it the activity's (« je suis coiffeuse depuis 5 ans »), in characters. */
const TRADE_BEFORE_DURATION = 30;

/** The duration `m` is the whole message, give or take « environ » or « à peu près » after it. */
function wholeAnswer(t: string, m: RegExpExecArray): boolean {
  return wordStart(m) === 0 && /^(?: (?:environ|a peu pres|deja))?$/.test(t.slice(m.index + m[0].length));
}

/** Up to this many words, a message is an answer: a bare duration in it is the activity's. */
const SHORT_ANSWER_WORDS = 8;

/** How long the person has been affiliated, in months, as far as the message tells. */
export interface AffiliationBounds {
  /** At least this many months (« depuis 2 ans », « plus de 2 ans »). */
  atLeast?: number;
  /** Fewer than this many months (« moins d'un an », « presque un an », « pas encore un an »). */
  under?: number;
}

/** Where the last match of `re` in `s` starts, or -1. */
function lastMatch(re: RegExp, s: string): number {
  let at = -1;
  firstKept(re, s, (m) => {
    at = m.index;
    return false;
  });
  return at;
}

/** Where the first match of `re` in `s` starts, or Infinity. */
function firstMatch(re: RegExp, s: string): number {
  return firstKept(re, s, () => true)?.index ?? Infinity;
}

/** Whose a duration is, from its clause: the activity's (`true`), something else's (`false`), or not said. */
function durationOwner(t: string, m: RegExpExecArray, previousEnd: number): boolean | undefined {
  const { positive, negative } = P.affiliation;
  // The clause before the duration, not reaching into the previous duration's (« en arrêt depuis 3 mois, à mon
  // compte depuis 10 ans »): the nearest telling word wins (« je suis à mon compte depuis moins d'un an »).
  const clauseStart = Math.max(
    t.lastIndexOf(' et ', m.index),
    t.lastIndexOf(' mais ', m.index),
    previousEnd,
    0,
  );
  const head = t.slice(Math.max(clauseStart, m.index - 60), m.index);
  const pos = lastMatch(positive, head);
  const neg = lastMatch(negative, head);
  if (pos >= 0 || neg >= 0) return pos > neg;
  // The person's trade just before it (« je suis coiffeuse depuis 5 ans ») is the activity's duration.
  const lastWords = head.slice(-TRADE_BEFORE_DURATION);
  if (P.statut.trades.some(({ re }) => ownTrade(re, lastWords, false) >= 0)) return true;
  // Otherwise the words right after it, up to the next clause (« depuis 2 ans je suis à mon compte », not « pendant
  // 10 ans et je suis à mon compte »).
  let tail = after(t, m, 25);
  const cut = tail.search(/ (?:et|mais|depuis|il y a|pendant) /);
  if (cut >= 0) tail = tail.slice(0, cut);
  const posAfter = firstMatch(positive, tail);
  const negAfter = firstMatch(negative, tail);
  if (posAfter === Infinity && negAfter === Infinity) return undefined;
  return posAfter < negAfter;
}

function findAffiliation(t: string, today: Date): AffiliationBounds | undefined {
  const re = P.affiliation.since;
  if (mayMatch(re, t)) {
    let previousEnd = 0;
    const owned = firstKept(re, t, (m) => {
      const g = m.groups ?? {};
      // A duration alone is read only as the whole answer (« 11 mois », « plus de 5 ans », « 2 ans et demi » to
      // « Êtes-vous affilié depuis au moins 12 mois ? »), never inside a sentence (« j'ai 45 ans et deux enfants »).
      if (g.since === undefined && g.under === undefined && !wholeAnswer(t, m)) return false;
      const owner = durationOwner(t, m, previousEnd);
      previousEnd = m.index + m[0].length;
      if (owner !== undefined) return owner;
      // A bare duration is the activity's only in a short answer (« depuis 2 ans »); in a story it is anything's
      // (« je ne me payais plus depuis huit mois »).
      return t.replace(globalCopy(P.answerFillers), ' ').trim().split(/ +/).length <= SHORT_ANSWER_WORDS;
    });
    if (owned) {
      const g = owned.groups ?? {};
      const n = toNumber(g.n);
      if (!Number.isFinite(n)) return undefined;
      let months = g.unit === 'mois' ? n : n * 12;
      if (g.extra === 'demi') months += g.unit === 'mois' ? 0 : 6;
      else if (g.extra) months += Number(g.extra.split(' ')[0]);
      return g.under === undefined ? { atLeast: months } : { under: months };
    }
  }
  const dur = find(P.affiliation.duration, t);
  if (dur) {
    const n = toNumber(dur[1]);
    if (Number.isFinite(n)) return { atLeast: dur[2] === 'mois' ? n : n * 12 };
  }
  return affiliationSinceYear(t, today);
}

/**
 * « électricien à mon compte depuis 2015 »: at least the months from the end of that year to today (started on 31
 * December at the latest), when the words around say it is the activity's (`durationOwner`); « installée en mars
 * 2025 »: the months from the end of that month.
 */
function affiliationSinceYear(t: string, today: Date): AffiliationBounds | undefined {
  const re = P.affiliation.sinceYear;
  if (!mayMatch(re, t)) return undefined;
  // « installé en 2019 » says whose it is by its own verb; « depuis 2019 », by the words around.
  const owned = firstKept(re, t, (m) => !/^ ?depuis /.test(m[0]) || durationOwner(t, m, 0) === true);
  const year = Number(owned?.groups?.year);
  if (!owned || !Number.isFinite(year)) return undefined;
  const month = owned.groups?.month ? P.months[owned.groups.month] : undefined;
  // The month said: the full months since its end; the year alone: since its last day.
  const months =
    month !== undefined
      ? (today.getUTCFullYear() - year) * 12 + today.getUTCMonth() - month
      : (today.getUTCFullYear() - year - 1) * 12 + today.getUTCMonth();
  return months > 0 ? { atLeast: months } : undefined;
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
/** Adds date `s` to `out` unless it is undefined or already there. */
function pushDate(out: string[], s: string | undefined): void {
  if (s && !out.includes(s)) out.push(s);
}
function findDates(folded: string, ref: Date): string[] {
  const out: string[] = [];
  const year = ref.getFullYear();
  const numeric = P.dates.numeric;
  numeric.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = numeric.exec(folded)) !== null) {
    // "12.5" is a number, not a date: require a year or a slash.
    if (!m[3] && !m[0].includes('/')) continue;
    pushDate(out, iso(m[3] ? fullYear(m[3]) : year, Number(m[2]), Number(m[1])));
  }
  const named = P.dates.named;
  named.lastIndex = 0;
  // The dates read the folded text as typed: not pre-tested (its words are looked up nowhere else).
  while ((m = named.exec(folded)) !== null) {
    const d = m[1] === '1er' || m[1] === 'premier' ? 1 : Number(m[1]);
    pushDate(out, iso(m[3] ? Number(m[3]) : year, P.months[m[2]], d));
  }
  for (const { re, days } of P.dates.relative) {
    if (re.test(folded)) {
      const d = new Date(Date.UTC(ref.getFullYear(), ref.getMonth(), ref.getDate() + days));
      pushDate(out, iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
    }
  }
  return out;
}

/**
 * The insured person an adviser speaks of, read in the first person (« mon assuré est retraité » → « je suis
 * retraité »); « il », « elle » too, up to the first relative named (who may be the one they mean).
 */
function insuredAsSelf(t: string): string {
  const mention = find(P.insured.mention, t);
  if (!mention) return t;
  let out = t;
  for (const { re, to } of P.insured.rewrites) out = out.replace(re, to);
  const relative = P.insured.relative.exec(out.slice(mention.index));
  const end = relative ? mention.index + relative.index : out.length;
  let head = out.slice(0, end);
  for (const { re, to } of P.insured.pronouns) head = head.replace(re, to);
  return `${head}${out.slice(end)}`.trim();
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
  // An adviser's own job and years of service are not the insured's (« je suis conseillère Urssaf depuis 15 ans et
  // j'ai un cotisant … qui a créé sa boîte il y a 6 mois »).
  const adviser = mayMatch(P.agentSelf, normalized) ? without(P.agentSelf, normalized) : normalized;
  // An adviser's « ma cliente » is the insured (« ma cliente est kiné conventionnée »), read as « mon assurée ».
  const insured = options.adviser ? adviser.replace(P.insured.adviserWords, 'assure') : adviser;
  const t = insuredAsSelf(insured);
  const e: Entities = {};
  const statut = findStatut(t);
  if (statut) e.statut = statut;
  const resumed = presentMatch(P.resumedActivity, t) !== null;
  if (!resumed && has(P.pastActivity, t)) e.activiteTerminee = true;
  const difficultes = findDifficultes(t);
  if (difficultes.length > 0) e.difficultes = difficultes;
  const situation = findSituation(t, difficultes, e.activiteTerminee === true, resumed);
  if (situation) e.situation = situation;
  const enfants = findEnfants(t);
  if (enfants !== undefined) e.enfants = enfants;
  const rang = findRang(t);
  if (rang !== undefined) e.rangEnfant = rang;
  const ald = findAld(t);
  if (ald !== undefined) e.ald = ald;
  const aff = findAffiliation(t, options.referenceDate ?? new Date());
  if (aff?.atLeast !== undefined) e.affiliationMois = aff.atLeast;
  if (aff?.under !== undefined) e.affiliationMoisMoinsDe = aff.under;
  if (has(P.grossesse.own, t)) e.enceinte = true;
  else if (has(P.grossesse.others, t) || has(P.grossesse.partner, t)) e.grossesseAutrui = true;
  if (!e.enceinte && !e.grossesseAutrui && has(P.grossesse.couple, t)) e.grossesseCommune = true;
  if (has(P.grossesse.born, t)) e.naissanceFaite = true;
  if (has(P.adoption, t)) e.adoption = true;
  if (has(P.arretProche, t)) e.arretProche = true;
  // A question of a relative's rights (« ma fille est enceinte, elle a droit à quoi ? »), not an adviser's insured.
  if (
    !options.adviser &&
    has(P.pourProche.asks, t) &&
    has(P.pourProche.relative, t) &&
    !has(P.pourProche.own, t)
  )
    e.pourProche = true;
  const montants = findMontants(folded);
  if (montants.length > 0) e.montants = montants;
  const dates = findDates(folded, options.referenceDate ?? new Date());
  if (dates.length > 0) e.dates = dates;
  return e;
}
