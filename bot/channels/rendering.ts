/**
 * Outgoing rendering, channel by channel, in one place: the dialogs write channel-neutral activities (text,
 * suggested actions, `channelData.relaisEntries`) and this middleware adapts them just before they are sent.
 *
 * On Microsoft Teams:
 * - Teams shows at most 3 suggested actions, so a message with more becomes an Adaptive Card 1.5 whose
 *   `Action.Submit` buttons post their title back (`msteams.imBack`), and loses its suggested actions;
 * - an answer about knowledge entries (`channelData.relaisEntries`) gets an extra card for agents: the sources
 *   (document, section, quote) and a plain-text version to paste into an e-mail.
 */
import { type Activity, ActivityTypes, type CardAction, type Middleware, type TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import { translator } from '../../dialogs/i18n';
import { agentBlocksCard } from './agentView';
import {
  adaptiveCard,
  cardActionText,
  cardAttachment,
  imBackAction,
  stackedActions,
  text,
} from '../../dialogs/cards/adaptive';
import type { Entry, KnowledgeProvider } from './knowledgeSource';
import { isTeams } from './teams';

/** Teams displays only the first three suggested actions. */
export const TEAMS_MAX_SUGGESTED_ACTIONS = 3;

/** Contract with the dialogs: an answer about knowledge entries lists their ids here. */
export const RELAIS_ENTRIES_KEY = 'relaisEntries';

/** The entry ids an outgoing activity is about, from `channelData.relaisEntries`. */
export function relaisEntryIds(activity: Partial<Activity>): string[] {
  const data: unknown = activity.channelData;
  if (typeof data !== 'object' || data === null) return [];
  const ids: unknown = (data as Record<string, unknown>)[RELAIS_ENTRIES_KEY];
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string' && id !== '') : [];
}

/** Removes `relaisEntries` from the channel data sent to Teams (and the channel data itself when empty). */
function dropRelaisEntries(activity: Partial<Activity>): void {
  const data: unknown = activity.channelData;
  if (typeof data !== 'object' || data === null) return;
  const rest = { ...(data as Record<string, unknown>) };
  delete rest[RELAIS_ENTRIES_KEY];
  activity.channelData = Object.keys(rest).length > 0 ? rest : undefined;
}

/** Moves suggested actions into an Adaptive Card 1.5 of `Action.Submit` buttons (imBack), in place. */
export function suggestedActionsToCard(activity: Partial<Activity>, t: TFunction): void {
  const actions: CardAction[] = activity.suggestedActions?.actions ?? [];
  if (actions.length === 0) return;
  const buttons = actions.map((action) =>
    imBackAction(action.title ?? cardActionText(action), cardActionText(action)),
  );
  const prompt = activity.text?.trim() ? activity.text : t('channels.choices');
  const card = adaptiveCard([text(prompt), ...stackedActions(buttons)], {
    fallbackText: [prompt, ...buttons.map((b) => `- ${b.title}`)].join('\n'),
  });
  activity.attachments = [...(activity.attachments ?? []), cardAttachment(card)];
  // The prompt now lives in the card; keep it as the notification summary rather than a duplicate bubble.
  activity.summary = activity.summary ?? prompt;
  activity.text = undefined;
  activity.suggestedActions = undefined;
}

/** Appends the agent card (sources + plain text) for the entries the activity is about, in place. */
export function appendAgentBlocks(
  activity: Partial<Activity>,
  entries: readonly Entry[],
  t: TFunction,
): void {
  if (entries.length === 0) return;
  activity.attachments = [...(activity.attachments ?? []), cardAttachment(agentBlocksCard(entries, t))];
}

/** Adapts one outgoing activity to Teams, in place. */
export function renderForTeams(
  activity: Partial<Activity>,
  knowledge: KnowledgeProvider,
  t: TFunction,
): void {
  if ((activity.type ?? ActivityTypes.Message) !== ActivityTypes.Message) return;
  if ((activity.suggestedActions?.actions.length ?? 0) > TEAMS_MAX_SUGGESTED_ACTIONS) {
    suggestedActionsToCard(activity, t);
  }
  const ids = relaisEntryIds(activity);
  if (ids.length > 0) {
    const kb = knowledge();
    const entries = kb ? ids.map((id) => kb.get(id)).filter((e): e is Entry => e !== undefined) : [];
    appendAgentBlocks(activity, entries, t);
    dropRelaisEntries(activity);
  }
}

export class ChannelRenderingMiddleware implements Middleware {
  constructor(private readonly knowledge: KnowledgeProvider) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (isTeams(context.activity)) {
      context.onSendActivities(async (ctx, activities, nextSend) => {
        const t = translator(ctx.activity.locale);
        for (const activity of activities) renderForTeams(activity, this.knowledge, t);
        return nextSend();
      });
    }
    await next();
  }
}
