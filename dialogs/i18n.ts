import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import { deepFreeze } from '../contract';

export const SUPPORTED_LOCALES = ['fr', 'en'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

export const LOCALES_DIR = path.join(__dirname, '..', 'locales');

/** Reads every `locales/<lng>/*.json` file; each file is one i18next namespace named after the file. */
function readResources(dir: string): Record<string, Record<string, Record<string, unknown>>> {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const lng of SUPPORTED_LOCALES) {
    const lngDir = path.join(dir, lng);
    if (!existsSync(lngDir)) continue;
    resources[lng] = {};
    for (const file of readdirSync(lngDir).filter((f) => f.endsWith('.json'))) {
      resources[lng][path.basename(file, '.json')] = JSON.parse(
        readFileSync(path.join(lngDir, file), 'utf8'),
      );
    }
  }
  return resources;
}

let instance: I18n | undefined;

/** One i18next instance for the process, initialised synchronously from the JSON files. */
export function getI18n(): I18n {
  if (instance) return instance;
  const created = i18next.createInstance();
  void created.init({
    initAsync: false,
    resources: readResources(LOCALES_DIR),
    lng: 'fr',
    fallbackLng: 'fr',
    supportedLngs: [...SUPPORTED_LOCALES],
    nonExplicitSupportedLngs: true,
    defaultNS: 'translation',
    ns: ['translation'],
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  instance = created;
  return created;
}

/** Maps an activity locale such as `fr-FR`, `en-US` or `de` to a supported language (French by default). */
export function resolveLocale(locale: string | undefined, fallback: SupportedLocale = 'fr'): SupportedLocale {
  const lang = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return (SUPPORTED_LOCALES as readonly string[]).includes(lang) ? (lang as SupportedLocale) : fallback;
}

const translators = new Map<SupportedLocale, TFunction>();

/**
 * The translation function of a language, made once per language for the process. Strings are constant per
 * language, so a lookup without interpolation (`t('menu.prompt')`, `t('prompts.ordinals', { returnObjects: true })`)
 * is resolved by i18next once and then served from a per-language cache: several lookups a turn used to cost
 * about 6 % of the CPU under load (docs/performance.md). A lookup whose interpolation values are all strings,
 * numbers or booleans is kept too (bounded, per language): i18next's interpolation costs tens of microseconds and
 * the values come from a finite set (the knowledge base's texts, labels). Other lookups go to i18next each time.
 * Arrays and objects returned from the cache are frozen: callers must not change them.
 */
export function translator(locale: string | undefined, fallback: SupportedLocale = 'fr'): TFunction {
  const lng = resolveLocale(locale, fallback);
  let t = translators.get(lng);
  if (!t) {
    t = cachedT(getI18n().getFixedT(lng));
    translators.set(lng, t);
  }
  return t;
}

/** Most interpolated strings kept per language (the values are the knowledge base's texts and labels). */
const MAX_INTERPOLATED = 4096;

function cachedT(fixed: TFunction): TFunction {
  const plain = new Map<string, unknown>();
  const objects = new Map<string, unknown>();
  const interpolated = new Map<string, string>();
  const cached = (key: unknown, options?: unknown, ...rest: unknown[]): unknown => {
    if (typeof key === 'string' && rest.length === 0) {
      if (options === undefined) {
        if (!plain.has(key)) plain.set(key, (fixed as (k: string) => unknown)(key));
        return plain.get(key);
      }
      if (isReturnObjectsOnly(options)) {
        if (!objects.has(key)) {
          objects.set(key, deepFreeze((fixed as (k: string, o: unknown) => unknown)(key, options)));
        }
        return objects.get(key);
      }
      // Interpolation with plain values (`t('journey.inYourCase', { text })`): the same key and values always give
      // the same string, and the values come from a finite set (knowledge texts, labels), so the result is kept.
      const memo = primitiveOptionsKey(key, options);
      if (memo !== undefined) {
        let text = interpolated.get(memo);
        if (text === undefined) {
          const result = (fixed as (k: string, o: unknown) => unknown)(key, options);
          if (typeof result !== 'string') return result;
          if (interpolated.size >= MAX_INTERPOLATED) interpolated.clear();
          interpolated.set(memo, result);
          text = result;
        }
        return text;
      }
    }
    return (fixed as unknown as (...args: unknown[]) => unknown)(key, options, ...rest);
  };
  // The i18next function's own properties (lng, ns, keyPrefix) stay readable on the cached one.
  Object.assign(cached, fixed);
  // TFunction's overloads cannot be written as one implementation signature; the behaviour is i18next's own.
  return cached as unknown as TFunction;
}

/** A cache key for a lookup whose options are all strings, numbers or booleans; undefined otherwise. */
function primitiveOptionsKey(key: string, options: unknown): string | undefined {
  if (!options || typeof options !== 'object' || Array.isArray(options)) return undefined;
  const entries = Object.entries(options);
  for (const [, value] of entries) {
    const type = typeof value;
    if (type !== 'string' && type !== 'number' && type !== 'boolean') return undefined;
  }
  return JSON.stringify([key, entries]);
}

function isReturnObjectsOnly(options: unknown): boolean {
  if (!options || typeof options !== 'object') return false;
  const keys = Object.keys(options);
  return (
    keys.length === 1 &&
    keys[0] === 'returnObjects' &&
    (options as { returnObjects: unknown }).returnObjects === true
  );
}
