import { z } from 'zod';

/**
 * The minimal shape an incoming activity must have before it reaches the adapter. The SDK's own validation
 * throws on a wrong type (a 500); this turns such bodies into a clear 400 instead.
 */
const account = z.looseObject({ id: z.string().optional(), name: z.string().optional() });

export const incomingActivitySchema = z.looseObject({
  type: z.string().min(1, 'type must be a non-empty string'),
  text: z.string().optional(),
  locale: z.string().optional(),
  channelId: z.string().optional(),
  serviceUrl: z.string().optional(),
  from: account.optional(),
  recipient: account.optional(),
  conversation: z.looseObject({ id: z.string() }).optional(),
});

/** `undefined` when the body looks like an activity, otherwise a short English reason. */
export function activityShapeProblem(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return 'The body must be a JSON Bot Framework activity.';
  }
  const result = incomingActivitySchema.safeParse(body);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  return `Invalid activity: ${issue.path.join('.') || 'body'}: ${issue.message}`;
}
