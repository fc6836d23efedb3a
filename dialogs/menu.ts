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

/** The intent behind a menu button's text, when the message is exactly one of the labels (any case/accents). */
export function intentFromMenuLabel(
  text: string,
  t: TFunction,
  normalize: (s: string) => string,
): string | undefined {
  const wanted = normalize(text);
  return MENU_ITEMS.find((item) => normalize(t(`menu.${item.key}`)) === wanted)?.intent;
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
