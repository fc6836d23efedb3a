/**
 * Marker phrases of the locale's resources (« c'est quoi », « combien »…), found in a message after normalisation.
 * Each list is normalised once (i18next returns the same array at each call).
 */
const normalizedLists = new WeakMap<readonly string[], string[]>();

function normalizedList(list: readonly string[], normalize: (s: string) => string): string[] {
  let normalized = normalizedLists.get(list);
  if (!normalized) {
    normalized = list.map((marker) => ` ${normalize(marker)} `);
    normalizedLists.set(list, normalized);
  }
  return normalized;
}

/** The message has one of the phrases of `list`, as whole words (`at: 'start'`: it begins with one). */
export function saysAny(
  text: string,
  list: readonly string[],
  normalize: (s: string) => string,
  at: 'anywhere' | 'start' = 'anywhere',
): boolean {
  const normalized = ` ${normalize(text)} `;
  return normalizedList(list, normalize).some((m) =>
    at === 'start' ? normalized.startsWith(m) : normalized.includes(m),
  );
}
