/**
 * Incoming messages, channel by channel, before anything reads their text: card clicks turned back into text,
 * and on Microsoft Teams the bot's @mention removed and group conversations answered only when mentioned.
 */
import { type Activity, Channels, type Mention, TurnContext } from 'botbuilder';
import { isRecord } from '../../contract';

/** Teams conversation types in which several people talk and the bot speaks only when @mentioned. */
const GROUP_CONVERSATION_TYPES = new Set(['channel', 'groupchat']);

export function isTeams(activity: Pick<Activity, 'channelId'>): boolean {
  return activity.channelId === Channels.Msteams;
}

/** `channel` or `groupChat` on Teams (and, when the type is missing, any conversation marked as a group). */
export function isGroupConversation(activity: Pick<Activity, 'conversation'>): boolean {
  const type = activity.conversation?.conversationType;
  if (typeof type === 'string' && type !== '') return GROUP_CONVERSATION_TYPES.has(type.toLowerCase());
  return activity.conversation?.isGroup === true;
}

/** True when one of the activity's mention entities names the bot (the activity's recipient). */
export function mentionsBot(activity: Activity): boolean {
  const botId = activity.recipient?.id;
  if (!botId) return false;
  return TurnContext.getMentions(activity).some((mention: Mention) => mention.mentioned?.id === botId);
}

/**
 * The text behind a card click that arrived as a `value` without text: `msteams.imBack`/`messageBack` data,
 * or a `text`/`value` field of the submitted data, or the data itself when it is a string.
 */
export function textFromCardValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (!isRecord(value)) return undefined;
  const msteams = value.msteams;
  if (isRecord(msteams)) {
    for (const key of ['value', 'text', 'displayText']) {
      const candidate = msteams[key];
      if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
    }
  }
  for (const key of ['text', 'value']) {
    const candidate = value[key];
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
  }
  return undefined;
}

/** Removes the bot's `<at>…</at>` mention from the text (the SDK helper, then any leftover markup of it). */
export function stripBotMention(activity: Activity): string {
  if (typeof activity.text !== 'string') return '';
  TurnContext.removeRecipientMention(activity);
  const botId = activity.recipient?.id;
  for (const mention of TurnContext.getMentions(activity)) {
    if (mention.mentioned?.id !== botId || !mention.text) continue;
    activity.text = activity.text.split(mention.text).join(' ');
  }
  activity.text = activity.text
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return activity.text;
}

/**
 * Prepares an incoming message in place. Returns `false` when the bot must stay silent: a Teams channel or
 * group-chat message that does not mention it. Called first thing in `RelaisBot.onMessage`, before recognition.
 */
export function prepareIncomingMessage(context: TurnContext): boolean {
  const activity = context.activity;
  let cardClick = false;
  if ((activity.text ?? '').trim() === '' && activity.value !== undefined) {
    const fromCard = textFromCardValue(activity.value);
    if (fromCard !== undefined) activity.text = fromCard;
    cardClick = true;
  }
  if (!isTeams(activity)) return true;
  const mentioned = mentionsBot(activity);
  // A click on one of the bot's own cards is addressed to the bot even without a mention.
  if (isGroupConversation(activity) && !mentioned && !cardClick) return false;
  if (mentioned) stripBotMention(activity);
  return true;
}
