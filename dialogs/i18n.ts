import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import i18next, { type i18n as I18n, type TFunction } from 'i18next';

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

export function translator(locale: string | undefined, fallback: SupportedLocale = 'fr'): TFunction {
  return getI18n().getFixedT(resolveLocale(locale, fallback));
}
