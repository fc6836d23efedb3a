import { type Attachment, CardFactory } from 'botbuilder';

/** Minimal Adaptive Card 1.5 building blocks, so card builders read as content rather than JSON. */
export type CardElement = Record<string, unknown>;

export const ADAPTIVE_CARD_VERSION = '1.5';

export function textBlock(text: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

export function heading(text: string): CardElement {
  return textBlock(text, { weight: 'Bolder', size: 'Medium' });
}

export function label(text: string): CardElement {
  return textBlock(text, { weight: 'Bolder', spacing: 'Medium' });
}

export function bullets(items: string[], numbered = false): CardElement {
  return textBlock(items.map((item, i) => (numbered ? `${i + 1}. ${item}` : `- ${item}`)).join('\n'));
}

export function factSet(facts: Array<{ title: string; value: string }>): CardElement {
  return { type: 'FactSet', facts };
}

export function openUrl(title: string, url: string): CardElement {
  return { type: 'Action.OpenUrl', title, url };
}

export function adaptiveCard(
  body: CardElement[],
  actions: CardElement[] = [],
  fallbackText?: string,
): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
    ...(fallbackText ? { fallbackText } : {}),
  });
}
