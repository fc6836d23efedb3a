import type { Activity } from 'botbuilder';
import { loadConfig } from '../../bot/config';
import { startBot, type StartedBot } from '../../bot/main';

/** Starts the real server on a free loopback port, as `npm start` does, with logs silenced. */
export async function startTestBot(env: Record<string, string> = {}): Promise<StartedBot> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env });
  return startBot(config);
}

let counter = 0;

/** An activity as the Bot Framework Emulator sends it, asking for the replies in the response body. */
export function emulatorActivity(
  partial: Partial<Activity>,
  conversationId = `conv-${++counter}`,
): Partial<Activity> {
  return {
    type: 'message',
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:1',
    deliveryMode: 'expectReplies',
    locale: 'fr-FR',
    from: { id: 'user-1', name: 'Utilisateur' },
    recipient: { id: 'bot', name: 'Relais Indé' },
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    id: `act-${++counter}`,
    timestamp: new Date(),
    ...partial,
  } as Partial<Activity>;
}

export interface PostResult {
  status: number;
  activities: Activity[];
  raw: unknown;
}

export async function postActivity(
  bot: Pick<StartedBot, 'url'>,
  activity: Partial<Activity>,
): Promise<PostResult> {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  const raw: unknown = text ? JSON.parse(text) : undefined;
  const activities = ((raw as { activities?: Activity[] } | undefined)?.activities ?? []) as Activity[];
  return { status: response.status, activities, raw };
}

/** The texts and suggested-action titles of a list of replies, for assertions. */
export function replyTexts(activities: Activity[]): string[] {
  return activities.filter((a) => a.type === 'message').map((a) => a.text ?? '');
}

export function suggestedTitles(activities: Activity[]): string[] {
  return activities.flatMap((a) => a.suggestedActions?.actions.map((action) => action.title ?? '') ?? []);
}
