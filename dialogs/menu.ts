import { ActionTypes, type Activity, MessageFactory } from 'botbuilder';
import type { TFunction } from 'i18next';

/** The main choices, in the order they are offered; each maps to the intent its journey answers. */
export const MENU_ITEMS = [
  { key: 'aide_financiere', intent: 'aide_financiere' },
  { key: 'maternite', intent: 'maternite' },
  { key: 'indemnites_journalieres', intent: 'indemnites_journalieres' },
  { key: 'invalidite', intent: 'invalidite' },
  { key: 'help', intent: 'help' },
  { key: 'autre', intent: 'other' },
] as const;

export function menuLabels(t: TFunction): string[] {
  return MENU_ITEMS.map((item) => t(`menu.${item.key}`));
}

/** Normalised menu label → intent, built once per translation function (one per language) and normaliser. */
const labelIndexes = new WeakMap<TFunction, WeakMap<(s: string) => string, Map<string, string>>>();

function labelIndex(t: TFunction, normalize: (s: string) => string): Map<string, string> {
  let byNormalizer = labelIndexes.get(t);
  if (!byNormalizer) {
    byNormalizer = new WeakMap();
    labelIndexes.set(t, byNormalizer);
  }
  let index = byNormalizer.get(normalize);
  if (!index) {
    index = new Map();
    // The first item wins when two labels normalise alike, as the former linear search did.
    for (const item of MENU_ITEMS) {
      const label = normalize(t(`menu.${item.key}`));
      if (!index.has(label)) index.set(label, item.intent);
    }
    byNormalizer.set(normalize, index);
  }
  return index;
}

/**
 * The intent behind a menu button's text, when the message is exactly one of the labels (any case/accents).
 * The labels are translated and normalised once per language, not at each call (several calls a turn).
 */
export function intentFromMenuLabel(
  text: string,
  t: TFunction,
  normalize: (s: string) => string,
): string | undefined {
  return labelIndex(t, normalize).get(normalize(text));
}

export function menuActivity(t: TFunction, text: string = t('menu.prompt')): Partial<Activity> {
  return MessageFactory.suggestedActions(
    menuLabels(t).map((label) => ({ type: ActionTypes.ImBack, title: label, value: label })),
    text,
  );
}

export function welcomeActivities(t: TFunction, firstName?: string): Partial<Activity>[] {
  const hello = firstName ? t('welcome.helloName', { name: firstName }) : t('welcome.hello');
  return [MessageFactory.text(`${hello} ${t('welcome.capabilities')}`), menuActivity(t, t('welcome.prompt'))];
}
