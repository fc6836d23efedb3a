import { TOPIC_INTENTS } from '../knowledge/intents';

export { TOPIC_INTENTS };

export const CONVERSATION_INTENTS = [
  'greeting',
  'thanks',
  'goodbye',
  'menu',
  'restart',
  'cancel',
  'back',
  'human',
  'capabilities',
] as const;

export const ALL_INTENTS = [...TOPIC_INTENTS, ...CONVERSATION_INTENTS, 'None'] as const;

export type TopicIntent = (typeof TOPIC_INTENTS)[number];
export type ConversationIntent = (typeof CONVERSATION_INTENTS)[number];
export type IntentName = TopicIntent | ConversationIntent | 'None';

const KNOWN = new Set<string>(ALL_INTENTS);
export function isIntentName(name: string): name is IntentName {
  return KNOWN.has(name);
}
