/**
 * The few Adaptive Card 1.5 shapes the bot sends (answer cards everywhere, Teams buttons and agent views), typed
 * just enough to build them safely, and helpers to wrap them as attachments. Cards are plain JSON: the `adaptivecards` renderer is never needed on the server.
 */
import type { Attachment, CardAction } from 'botbuilder';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const ADAPTIVE_CARD_VERSION = '1.5';
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  weight?: 'Default' | 'Bolder' | 'Lighter';
  size?: 'Small' | 'Default' | 'Medium' | 'Large';
  isSubtle?: boolean;
  spacing?: Spacing;
  separator?: boolean;
  style?: 'default' | 'heading';
}

export interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
  spacing?: Spacing;
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: 'default' | 'emphasis' | 'accent';
  spacing?: Spacing;
  separator?: boolean;
}

export interface ActionSet {
  type: 'ActionSet';
  actions: CardActionElement[];
  spacing?: Spacing;
}

export type CardElement = TextBlock | FactSet | Container | ActionSet;

/** `msteams.imBack`: Teams posts `value` back as if the user had typed it. */
export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: { msteams: { type: 'imBack'; value: string } };
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export interface ShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  card: AdaptiveCard;
}

export type CardActionElement = SubmitAction | OpenUrlAction | ShowCardAction;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema?: string;
  version: string;
  body: CardElement[];
  actions?: CardActionElement[];
  fallbackText?: string;
  msteams?: { width: 'Full' };
}

export function adaptiveCard(body: CardElement[], extra: Partial<AdaptiveCard> = {}): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    body,
    ...extra,
  };
}

export function cardAttachment(card: AdaptiveCard): Attachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

export function text(value: string, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

export function heading(value: string, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return text(value, { weight: 'Bolder', size: 'Medium', style: 'heading', ...options });
}

/** One line per item, tight spacing: reads as a list on every host, without relying on Markdown lists. */
export function bullets(items: readonly string[], prefix = '• '): TextBlock[] {
  return items.map((item) => text(`${prefix}${item}`, { spacing: 'None' }));
}

/** A button whose click sends `value` (its title by default) back to the bot as a typed message. */
export function imBackAction(title: string, value: string = title): SubmitAction {
  return { type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value } } };
}

export function openUrlAction(title: string, url: string): OpenUrlAction {
  return { type: 'Action.OpenUrl', title, url };
}

/**
 * Buttons stacked vertically, one `ActionSet` each: long French labels stay readable and the host's limit on
 * the number of actions in one set never truncates the list.
 */
export function stackedActions(actions: readonly CardActionElement[]): ActionSet[] {
  return actions.map((action) => ({ type: 'ActionSet', actions: [action], spacing: 'Small' }));
}

/** The text a suggested action or hero-card button sends back when clicked. */
export function cardActionText(action: CardAction): string {
  const value: unknown = action.value;
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof action.text === 'string' && action.text.trim() !== '') return action.text;
  return action.title ?? '';
}

/** Every button of a card, whether in `actions`, in body `ActionSet`s or nested containers. */
export function cardButtons(card: AdaptiveCard): CardActionElement[] {
  const fromElements = (elements: readonly CardElement[]): CardActionElement[] =>
    elements.flatMap((el) => {
      if (el.type === 'ActionSet') return el.actions;
      if (el.type === 'Container') return fromElements(el.items);
      return [];
    });
  return [...fromElements(card.body), ...(card.actions ?? [])];
}

/** A bold label introducing a part of a card ("Démarche", "Pièces justificatives"). */
export function label(value: string): TextBlock {
  return text(value, { weight: 'Bolder', spacing: 'Medium' });
}

/** A list in one text block: "- item" lines, or "1. item" when `numbered`. */
export function list(items: readonly string[], numbered = false): TextBlock {
  return text(items.map((item, i) => (numbered ? `${i + 1}. ${item}` : `- ${item}`)).join('\n'));
}

export function factSet(facts: FactSet['facts']): FactSet {
  return { type: 'FactSet', facts };
}
