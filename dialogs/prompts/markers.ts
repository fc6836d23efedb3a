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
  return markerPhrases(list, normalize).some((m) =>
    at === 'start' ? padded.startsWith(m) : padded.includes(m),
  );
}

/** `hasPhrase` for a text as typed. */
export function saysAny(
  text: string,
  list: readonly string[],
  normalize: Normalize,
  at: 'anywhere' | 'start' = 'anywhere',
): boolean {
  return hasPhrase(` ${normalize(text)} `, list, normalize, at);
}
