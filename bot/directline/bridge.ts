import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';

export interface TurnResult {
  status: number;
  replies: Partial<Activity>[];
}

/** Activity types the bot may buffer that are instructions to the channel rather than things to show. */
const NOT_FOR_THE_CLIENT = new Set(['trace', 'delay', 'invokeResponse']);

/**
 * Runs one activity through the SAME adapter, middleware and bot as `POST /api/messages`, in-process, and returns
 * the bot's replies.
 *
 * It calls `adapter.process` with an in-memory request and response, with `deliveryMode: "expectReplies"`: the
 * adapter buffers the replies and returns them in the response body instead of posting them to a `serviceUrl`.
 * So nothing leaves the process, every middleware applies (the trace filter, which drops traces on every channel
 * but `emulator`, included), and it works while `MicrosoftAppId` is empty (anonymous requests accepted).
 */
export async function runTurn(
  adapter: CloudAdapter,
  activity: Partial<Activity>,
  logic: (context: TurnContext) => Promise<void>,
): Promise<TurnResult> {
  let status = 500;
  let body: unknown;
  const response = {
    socket: undefined,
    status(code: number) {
      status = code;
    },
    header() {
      /* no headers to keep */
    },
    send(payload: unknown) {
      body = payload;
    },
    end() {
      /* nothing to flush */
    },
  };
  const request = {
    method: 'POST',
    headers: {},
    body: { ...activity, deliveryMode: 'expectReplies' } as Record<string, unknown>,
  };
  await adapter.process(request, response, logic);
  const replies = (body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? [];
  return {
    status,
    replies: Array.isArray(replies)
      ? replies.filter((reply) => !NOT_FOR_THE_CLIENT.has(String(reply.type)))
      : [],
  };
}
