/**
 * Renders Bot Framework activities as plain text for a terminal: texts, Adaptive Cards (TextBlocks, FactSets,
 * containers, actions), hero and thumbnail cards, suggested actions. The clickable choices (suggested actions,
 * imBack/postBack buttons, `Action.Submit`) of the last reply that has any — the question waiting — are numbered from
 * 1, as the bot itself reads a typed number (the first option of the question asked); the buttons of the replies
 * before it (a card's « Demander une aide financière ») are shown with ▸ and chosen by typing their text. Links are
 * written out with their URL.
 */
import type { Activity, Attachment, CardAction } from 'botbuilder';
import { isRecord } from '../../contract';

/** What sending a choice posts back: a text message, or a `value` (a card submit without text). */
export interface Choice {
  title: string;
  text?: string;
  value?: unknown;
}

export interface RenderOptions {
  /** Name written before the bot's messages. */
  botName?: string;
  /** Show trace activities (the Emulator's recogniser trace) as one summary line each. */
  showTraces?: boolean;
  /** Number of the first choice (to continue a numbering). */
  firstChoice?: number;
}

export interface Rendered {
  lines: string[];
  /** The numbered choices, in order: a typed `n` is `choices[n - 1]`. */
  choices: Choice[];
  /** The other buttons of the batch (shown with ▸), chosen by typing their title. */
  others: Choice[];
}

/** How a button that is not numbered is shown. */
const UNNUMBERED = '▸';

type Json = Record<string, unknown>;

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** Light clean-up of the Markdown the bot uses, so the terminal shows words rather than markup. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1')
    .replace(/<\/?at>/g, '')
    .replace(/\r\n?/g, '\n');
}

class Builder {
  readonly lines: string[] = [];
  readonly choices: Choice[] = [];
  readonly others: Choice[] = [];
  /** Whether the choices of the activity being rendered are numbered. */
  numbering = true;
  private readonly links: string[] = [];
  private readonly pending: string[] = [];

  constructor(private readonly firstChoice: number) {}

  text(value: string, indent: string): void {
    for (const line of plainText(value).split('\n')) this.lines.push(`${indent}${line}`.trimEnd());
  }

  choice(choice: Choice): void {
    if (!this.numbering) {
      this.others.push(choice);
      this.pending.push(`  ${UNNUMBERED} ${choice.title}`);
      return;
    }
    this.choices.push(choice);
    this.pending.push(`  ${this.firstChoice + this.choices.length - 1}. ${choice.title}`);
  }

  /** A link, once per flush: two cards of one reply that give the same link show it once in a terminal. */
  link(title: string, url: string): void {
    const line = title && title !== url ? `  ↗ ${title} : ${url}` : `  ↗ ${url}`;
    if (!this.links.includes(line)) this.links.push(line);
  }

  /** Writes the links and numbered choices gathered since the last flush. */
  flush(): void {
    this.lines.push(...this.links.splice(0), ...this.pending.splice(0));
  }
}

/** A Bot Framework card action (suggested action, hero card button). */
function cardAction(b: Builder, action: CardAction): void {
  const title = action.title ?? str(action.value) ?? '';
  switch (action.type) {
    case 'openUrl':
    case 'downloadFile':
    case 'playAudio':
    case 'playVideo':
    case 'showImage':
      b.link(title, String(action.value ?? ''));
      return;
    case 'messageBack': {
      const text = str(action.text) ?? str(action.displayText);
      b.choice(text !== undefined ? { title, text, value: action.value } : { title, value: action.value });
      return;
    }
    default:
      b.choice({ title, text: str(action.value) ?? title });
  }
}

/** An `Action.Submit` (or `Action.Execute`) data: what Teams or Web Chat would post back. */
function submitChoice(title: string, data: unknown): Choice {
  if (typeof data === 'string') return { title, text: data };
  if (isRecord(data)) {
    const msteams = data.msteams;
    if (isRecord(msteams)) {
      const text = str(msteams.value) ?? str(msteams.text) ?? str(msteams.displayText);
      if (msteams.type === 'imBack' && text !== undefined) return { title, text };
      if (msteams.type === 'messageBack')
        return { title, text: str(msteams.text) ?? title, value: msteams.value };
    }
    return { title, value: data };
  }
  return { title, text: title };
}

function adaptiveAction(b: Builder, action: unknown, indent: string): void {
  if (!isRecord(action)) return;
  const title = str(action.title) ?? '';
  switch (action.type) {
    case 'Action.OpenUrl':
      b.link(title, str(action.url) ?? '');
      return;
    case 'Action.Submit':
    case 'Action.Execute':
      b.choice(submitChoice(title, action.data));
      return;
    case 'Action.ShowCard':
      b.text(`${title} :`, indent);
      if (isRecord(action.card)) adaptiveCard(b, action.card, `${indent}  `);
      return;
    default:
      return;
  }
}

function adaptiveElement(b: Builder, element: unknown, indent: string): void {
  if (!isRecord(element) || element.isVisible === false) return;
  switch (element.type) {
    case 'TextBlock':
      if (str(element.text)) b.text(String(element.text), indent);
      return;
    case 'RichTextBlock':
      b.text(
        list(element.inlines)
          .map((inline) =>
            typeof inline === 'string' ? inline : isRecord(inline) ? (str(inline.text) ?? '') : '',
          )
          .join(''),
        indent,
      );
      return;
    case 'FactSet':
      for (const fact of list(element.facts)) {
        if (isRecord(fact)) b.text(`${str(fact.title) ?? ''} : ${str(fact.value) ?? ''}`, `${indent}  `);
      }
      return;
    case 'Image':
      b.text(`[${str(element.altText) ?? 'image'}]`, indent);
      return;
    case 'Container':
      list(element.items).forEach((item) => adaptiveElement(b, item, indent));
      return;
    case 'ColumnSet':
      list(element.columns).forEach((column) => adaptiveElement(b, column, indent));
      return;
    case 'Column':
      list(element.items).forEach((item) => adaptiveElement(b, item, indent));
      return;
    case 'ActionSet':
      list(element.actions).forEach((action) => adaptiveAction(b, action, indent));
      return;
    default:
      if (str(element.label)) b.text(String(element.label), indent);
  }
}

function adaptiveCard(b: Builder, card: Json, indent: string): void {
  list(card.body).forEach((element) => adaptiveElement(b, element, indent));
  list(card.actions).forEach((action) => adaptiveAction(b, action, indent));
}

/** A hero-card button from untyped JSON. */
function toCardAction(button: Json): CardAction {
  return {
    type: str(button.type) ?? 'imBack',
    title: str(button.title) ?? '',
    value: button.value,
    ...(str(button.text) ? { text: String(button.text) } : {}),
    ...(str(button.displayText) ? { displayText: String(button.displayText) } : {}),
  };
}

function heroCard(b: Builder, card: Json, indent: string): void {
  for (const key of ['title', 'subtitle', 'text']) {
    const value = str(card[key]);
    if (value) b.text(value, indent);
  }
  list(card.buttons).forEach((button) => {
    if (isRecord(button)) cardAction(b, toCardAction(button));
  });
}

function attachment(b: Builder, att: Attachment, indent: string): void {
  const content: unknown = att.content;
  switch (att.contentType) {
    case 'application/vnd.microsoft.card.adaptive':
      if (isRecord(content)) adaptiveCard(b, content, indent);
      return;
    case 'application/vnd.microsoft.card.hero':
    case 'application/vnd.microsoft.card.thumbnail':
      if (isRecord(content)) heroCard(b, content, indent);
      return;
    default:
      if (att.contentUrl) b.link(att.name ?? att.contentType, att.contentUrl);
  }
}

function traceLine(activity: Partial<Activity>): string {
  const value: unknown = activity.value;
  const result = isRecord(value) && isRecord(value.recognizerResult) ? value.recognizerResult : undefined;
  if (!result) return `  [trace ${activity.label ?? activity.name ?? ''}]`;
  const intents = isRecord(result.intents) ? Object.entries(result.intents) : [];
  const top = intents
    .map(
      ([name, score]) =>
        [name, isRecord(score) && typeof score.score === 'number' ? score.score : 0] as const,
    )
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, score]) => `${name} ${score.toFixed(2)}`)
    .join(', ');
  const altered = str(result.alteredText) ? ` « ${String(result.alteredText)} »` : '';
  return `  [${activity.label ?? 'trace'}]${altered} ${top} ${JSON.stringify(result.entities ?? {})}`;
}

function message(b: Builder, activity: Partial<Activity>, prefix: string): void {
  const text = str(activity.text);
  if (text) b.text(`${prefix}${text}`, '');
  else if (prefix && (activity.attachments?.length ?? 0) > 0) b.lines.push(prefix.trimEnd());
  for (const att of activity.attachments ?? []) attachment(b, att, text || prefix ? '  ' : '');
  for (const action of activity.suggestedActions?.actions ?? []) cardAction(b, action);
  b.flush();
}

/**
 * Renders a batch of replies. Only the choices of the last reply that has any are numbered (from `firstChoice`):
 * numbering a card's button and the next question's options in one list made « 1 » the card's button while the
 * question's first option — what « 1 » means to the bot — was shown as « 2 ».
 */
export function renderActivities(
  activities: readonly Partial<Activity>[],
  options: RenderOptions = {},
): Rendered {
  const first = options.firstChoice ?? 1;
  const prefix = options.botName ? `${options.botName} : ` : '';
  let numberedAt = -1;
  activities.forEach((activity, index) => {
    if (activity.type !== 'message') return;
    const probe = new Builder(first);
    message(probe, activity, prefix);
    if (probe.choices.length > 0) numberedAt = index;
  });
  const b = new Builder(first);
  activities.forEach((activity, index) => {
    if (activity.type === 'trace') {
      if (options.showTraces) b.lines.push(traceLine(activity));
      return;
    }
    if (activity.type !== 'message') return;
    b.numbering = index === numberedAt;
    message(b, activity, prefix);
  });
  return { lines: b.lines, choices: b.choices, others: b.others };
}

/**
 * What to post for a line the user typed: the numbered choice (`2`), a choice whose title was typed in full
 * (any case; the numbered ones first, then `others`, the buttons shown with ▸), or the text itself.
 */
export function resolveInput(
  input: string,
  choices: readonly Choice[],
  others: readonly Choice[] = [],
): { text?: string; value?: unknown } {
  const trimmed = input.trim();
  const byNumber = /^\d{1,3}$/.test(trimmed) ? choices[Number(trimmed) - 1] : undefined;
  const byTitle = [...choices, ...others].find((c) => c.title.toLowerCase() === trimmed.toLowerCase());
  const choice = byNumber ?? byTitle;
  if (!choice) return { text: trimmed };
  return {
    ...(choice.text !== undefined ? { text: choice.text } : {}),
    ...(choice.value !== undefined ? { value: choice.value } : {}),
  };
}
