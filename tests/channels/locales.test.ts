import { readFileSync } from 'node:fs';
import path from 'node:path';

const read = (lng: string): Record<string, unknown> =>
  JSON.parse(
    readFileSync(path.join(__dirname, '..', '..', 'locales', lng, 'translation.json'), 'utf8'),
  ) as Record<string, unknown>;

/** Dotted paths of every string in a nested object. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('channel strings', () => {
  it('exist in French and English with the same keys', () => {
    const fr = keys(read('fr').channels).sort();
    const en = keys(read('en').channels).sort();
    expect(fr.length).toBeGreaterThan(10);
    expect(en).toEqual(fr);
  });

  it('keep the interpolation variables of the French text in English', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const get = (root: unknown, dotted: string) =>
      dotted.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], root);
    const fr = read('fr').channels;
    const en = read('en').channels;
    for (const key of keys(fr)) {
      expect([key, vars(String(get(en, key)))]).toEqual([key, vars(String(get(fr, key)))]);
    }
  });
});
