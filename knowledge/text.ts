/** Text normalisation shared by the search, the option matcher and the source-traceability check. */

/** Lowercase, no accents, straight apostrophes, plain spaces, single spaces. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u00a0\u202f\u2007\u2009]/g, ' ')
    .replace(/[\u2010\u2011\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Normalisation used to compare a quote with its seed file: on top of {@link normalize}, drops Markdown
 * emphasis (`*`, `_`) and link targets (`[text](url)` → text), joins thousands separators ("6 000" → "6000") and removes the space inside « ».
 */
export function normalizeForQuote(text: string): string {
  return normalize(text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_]/g, ''))
    .replace(/(\d) (?=\d{3}(?!\d))/g, '$1')
    .replace(/« /g, '«')
    .replace(/ »/g, '»');
}

/** Every number written in a text ("6 000 €" → 6000, "48 h" → 48, "100 %" → 100). */
export function numbersIn(text: string): number[] {
  const flat = normalizeForQuote(text);
  return [...flat.matchAll(/\d+(?:,\d+)?/g)].map((m) => Number(m[0].replace(',', '.')));
}

const STOPWORDS = new Set(
  (
    'les des une un le la de du au aux et ou en est sur pour par avec dans que qui quoi ce ces cette mon ma mes ' +
    'ton ta tes son sa ses je tu il elle on nous vous ils elles pas ne plus se sont suis ai as a etre avoir ' +
    "comment quel quelle quels quelles faire fait peux peut veux voudrais besoin d' l' j' qu' c' s' n'"
  ).split(' '),
);

/** Normalised words of a text, without stop-words, plural `s`/`x` stripped. */
export function tokens(text: string): string[] {
  return normalize(text)
    .replace(/[^a-z0-9% ]+/g, ' ')
    .split(' ')
    .filter((w) => w.length > 1 && !STOPWORDS.has(w))
    .map(stem);
}

function stem(word: string): string {
  return word.length > 3 && /[sx]$/.test(word) ? word.slice(0, -1) : word;
}

/** True when `phrase` occurs in `text` as whole words (both normalised first). */
export function containsPhrase(text: string, phrase: string): boolean {
  const t = ` ${normalize(text).replace(/[^a-z0-9% ]+/g, ' ')} `.replace(/\s+/g, ' ');
  const p = normalize(phrase)
    .replace(/[^a-z0-9% ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return p.length > 0 && t.includes(` ${p} `);
}
