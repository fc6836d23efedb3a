/**
 * Marker phrases of the locale's resources (« c'est quoi », « combien », « mon mari »…), found in a message after
 * normalisation. Each list is normalised once per normalising function (i18next returns the same array at each call).
 */
type Normalize = (s: string) => string;

const normalizedLists = new WeakMap<Normalize, WeakMap<readonly string[], readonly string[]>>();

/** The phrases of `list`, normalised and between spaces, once per list. */
export function markerPhrases(list: readonly string[], normalize: Normalize): readonly string[] {
  let lists = normalizedLists.get(normalize);
  if (!lists) {
    lists = new WeakMap();
    normalizedLists.set(normalize, lists);
  }
  let normalized = lists.get(list);
  if (!normalized) {
    normalized = list.map((marker) => ` ${normalize(marker)} `);
    lists.set(list, normalized);
  }
  return normalized;
}

/** The first word of a phrase between spaces. */
function firstWord(phrase: string): string {
  return phrase.slice(1, phrase.indexOf(' ', 1));
}

/** The phrases of a list by their first word, once per list (a message is searched for only those of its words). */
const byFirstWord = new WeakMap<readonly string[], ReadonlyMap<string, readonly string[]>>();

function indexOf(phrases: readonly string[]): ReadonlyMap<string, readonly string[]> {
  let index = byFirstWord.get(phrases);
  if (!index) {
    const built = new Map<string, string[]>();
    for (const phrase of phrases) {
      const first = firstWord(phrase);
      const same = built.get(first);
      if (same) same.push(phrase);
      else built.set(first, [phrase]);
    }
    index = built;
    byFirstWord.set(phrases, index);
  }
  return index;
}

/** Up to this many phrases, a list is searched phrase by phrase (those whose first word the text has). */
const SHORT_LIST = 12;

/** The last text padded by `paddedText`, its normalising function and the result. */
let lastRaw: string | undefined;
let lastRawNormalize: Normalize | undefined;
let lastPadded = '';

/**
 * ` ${normalize(text)} `, the form `hasPhrase` searches: the same string for the same text asked again (a turn pads
 * its message for ten-odd marker lists), so that the words of the last text searched are found by identity.
 */
export function paddedText(text: string, normalize: Normalize): string {
  if (text !== lastRaw || normalize !== lastRawNormalize) {
    lastRaw = text;
    lastRawNormalize = normalize;
    lastPadded = ` ${normalize(text)} `;
  }
  return lastPadded;
}

/** The words of the last text searched (the same message is searched for several lists in a row). */
let lastText = '';
let lastWords: ReadonlySet<string> = new Set();

function wordsOf(padded: string): ReadonlySet<string> {
  if (padded !== lastText) {
    lastText = padded;
    lastWords = new Set(padded.split(' '));
  }
  return lastWords;
}

/**
 * `padded` (a normalised text between spaces) has one of the phrases of `list`, as whole words (`at: 'start'`: it
 * begins with one).
 */
export function hasPhrase(
  padded: string,
  list: readonly string[],
  normalize: Normalize,
  at: 'anywhere' | 'start' = 'anywhere',
): boolean {
  const { phrases, firsts, index } = preparedOf(list, normalize);
  if (at === 'start') {
    for (const m of phrases) if (padded.startsWith(m)) return true;
    return false;
  }
  const words = wordsOf(padded);
  // A short list: each phrase searched for only when the text has its first word (a set look-up, not a scan).
  if (index === undefined) {
    for (let i = 0; i < phrases.length; i++)
      if (words.has(firsts[i]) && padded.includes(phrases[i])) return true;
    return false;
  }
  // Only the phrases that begin with one of the text's words can be in it (≈ 100 `includes` a message before).
  for (const word of words) {
    const candidates = index.get(word);
    if (candidates) for (const m of candidates) if (padded.includes(m)) return true;
  }
  return false;
}

/** A list's phrases and, past `SHORT_LIST`, their index by first word: one look-up a call (`hasPhrase`). */
interface Prepared {
  readonly normalize: Normalize;
  readonly phrases: readonly string[];
  /** Each phrase's first word. */
  readonly firsts: readonly string[];
  readonly index: ReadonlyMap<string, readonly string[]> | undefined;
}

const preparedLists = new WeakMap<readonly string[], Prepared>();

function preparedOf(list: readonly string[], normalize: Normalize): Prepared {
  const known = preparedLists.get(list);
  if (known && known.normalize === normalize) return known;
  const phrases = markerPhrases(list, normalize);
  const prepared = {
    normalize,
    phrases,
    firsts: phrases.map(firstWord),
    index: phrases.length <= SHORT_LIST ? undefined : indexOf(phrases),
  };
  preparedLists.set(list, prepared);
  return prepared;
}

/** The whole of `text` (as typed) is one of the phrases of `list` (« jsais plus », « nan », « et pour moi ? »). */
export function isPhrase(text: string, list: readonly string[], normalize: Normalize): boolean {
  return markerPhrases(list, normalize).includes(` ${normalize(text)} `);
}

/** The phrase of `list` that `text` (as typed) begins with, normalised and between spaces, if any. */
export function startingPhrase(
  text: string,
  list: readonly string[],
  normalize: Normalize,
): string | undefined {
  const padded = ` ${normalize(text)} `;
  return markerPhrases(list, normalize).find((phrase) => padded.startsWith(phrase));
}

/**
 * `padded` (a normalised text between spaces) without any phrase of `list`, each removed wherever it stands, again
 * until none is left (« svp svp »); still between spaces.
 */
export function withoutPhrases(padded: string, list: readonly string[], normalize: Normalize): string {
  let rest = padded;
  for (const phrase of markerPhrases(list, normalize))
    while (rest.includes(phrase)) rest = rest.replace(phrase, ' ');
  return rest;
}

/** `hasPhrase` for a text as typed. */
export function saysAny(
  text: string,
  list: readonly string[],
  normalize: Normalize,
  at: 'anywhere' | 'start' = 'anywhere',
): boolean {
  return hasPhrase(paddedText(text, normalize), list, normalize, at);
}
