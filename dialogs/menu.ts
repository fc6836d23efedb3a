import { ActionTypes, type Activity, MessageFactory } from 'botbuilder';
import type { TFunction } from 'i18next';
import type { Knowledge } from '../knowledge/loader';
import { matchChoiceDetailed, type MatcherVocabulary } from './prompts/choiceMatcher';

/** One choice of the main menu: its label is `menu.<key>` in every locale; choosing it is saying `intent`. */
export interface MenuItem {
  key: string;
  intent: string;
  order: number;
}

/** The choices that are not tree journeys (those declare their place in their tree file: `journey.menuOrder`). */
const FIXED_ITEMS: readonly MenuItem[] = [
  { key: 'help', intent: 'help', order: 50 },
  { key: 'autre', intent: 'other', order: 60 },
];

/** The main menu items, in the order they are offered: the journeys' (from the data) and the fixed ones. */
export function menuItems(knowledge: Knowledge): MenuItem[] {
  const journeys = knowledge
    .journeyTrees()
    .flatMap(({ journey }) =>
      journey.menuOrder === undefined
        ? []
        : [{ key: journey.intent, intent: journey.intent, order: journey.menuOrder }],
    );
  return [...journeys, ...FIXED_ITEMS].sort((a, b) => a.order - b.order);
}

/** At most four words: what a position can be (« plutôt la 2 », « le premier »). */
const SHORT = /^\s*\S+(?:\s+\S+){0,3}\s*$/;

/** The main menu, built once from the knowledge base. */
export class Menu {
  readonly items: readonly MenuItem[];

  constructor(knowledge: Knowledge) {
    this.items = Object.freeze(menuItems(knowledge));
  }

  labels(t: TFunction): string[] {
    return this.items.map((item) => t(`menu.${item.key}`));
  }

  /**
   * The intent behind a menu button's text, when the message is exactly one of the labels (any case/accents).
   * The labels are translated and normalised once per language, not at each call (several calls a turn).
   */
  intentFromLabel(text: string, t: TFunction, normalize: (s: string) => string): string | undefined {
    return this.labelIndex(t, normalize).get(normalize(text));
  }

  /**
   * The intent of the menu item a bare position names (« le 2 », « la deuxième », « le premier »), read at the top
   * level where the menu is the list last offered; never inside a journey, whose question has its own positions.
   */
  intentFromPosition(
    text: string,
    t: TFunction,
    normalize: (s: string) => string,
    vocabulary: MatcherVocabulary,
  ): string | undefined {
    // A position is a few words (« le 2 », « la deuxième »): a longer message is not matched at all (it was every
    // first message's cost).
    if (!SHORT.test(text)) return undefined;
    const options = this.items.map((item) => ({ value: item.intent, label: t(`menu.${item.key}`) }));
    const match = matchChoiceDetailed(text, options, normalize, vocabulary);
    return match.kind === 'position' ? options[match.index].value : undefined;
  }

  /** Normalised label → intent, per translation function (one per language) and normaliser. */
  private readonly labelIndexes = new WeakMap<
    TFunction,
    WeakMap<(s: string) => string, Map<string, string>>
  >();

  private labelIndex(t: TFunction, normalize: (s: string) => string): Map<string, string> {
    let byNormalizer = this.labelIndexes.get(t);
    if (!byNormalizer) {
      byNormalizer = new WeakMap();
      this.labelIndexes.set(t, byNormalizer);
    }
    let index = byNormalizer.get(normalize);
    if (!index) {
      index = new Map();
      // The first item wins when two labels normalise alike, as a linear search would.
      for (const item of this.items) {
        const label = normalize(t(`menu.${item.key}`));
        if (!index.has(label)) index.set(label, item.intent);
      }
      byNormalizer.set(normalize, index);
    }
    return index;
  }

  activity(t: TFunction, text: string = t('menu.prompt')): Partial<Activity> {
    return MessageFactory.suggestedActions(
      this.labels(t).map((label) => ({ type: ActionTypes.ImBack, title: label, value: label })),
      text,
    );
  }

  welcome(t: TFunction, firstName?: string): Partial<Activity>[] {
    const hello = firstName ? t('welcome.helloName', { name: firstName }) : t('welcome.hello');
    return [
      MessageFactory.text(`${hello} ${t('welcome.capabilities')}`),
      this.activity(t, t('welcome.prompt')),
    ];
  }
}
