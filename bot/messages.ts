import type { Activity, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import { activityShapeProblem } from './activityShape';
import type { BotApp } from './app';
import { RequestAuthenticator } from './auth';
import type { Config } from './config';
import { replyTargetProblem } from './exposure';
import type { Logger } from './logger';
import { deliveryFailed } from './outbound';
import { replyJson } from './replyJson';

/**
 * `POST /api/messages`, in the order a request is checked:
 * 400 malformed activity → 401 missing or invalid token / 503 signing keys unavailable (bot/auth.ts) →
 * 400 no usable `serviceUrl` / 403 anonymous relay refused (bot/exposure.ts) → the turn →
 * 502 reply not delivered to the channel (bot/outbound.ts) / 504 turn not finished in time / 200 (or the invoke
 * response, e.g. 501 for an invoke the bot does not implement, as the Bot Framework protocol says).
 */
export interface MessagesOptions {
  /**
   * A request still unanswered this long after it arrived (token check included) gets a 504; its turn goes on.
   * Default: `REQUEST_DEADLINE_MS`.
   */
  deadlineMs?: number;
  /** How long a token check may take, signing keys' fetch included. */
  authTimeoutMs?: number;
}

export const UNDELIVERABLE = 'The reply could not be delivered to the channel (serviceUrl).';
export const TURN_TIMEOUT = 'The bot could not answer in time.';
const INTERNAL = 'Internal error.';

/** The SDK converts ISO strings to dates on the activity it receives (its own validateAndFixActivity). */
function withDates(body: Record<string, unknown>): Activity {
  const activity = { ...body };
  for (const field of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[`raw${field[0].toUpperCase()}${field.slice(1)}`] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}

type Settled<T> = { done: true; value: T } | { done: false };

function within<T>(promise: Promise<T>, ms: number): Promise<Settled<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Settled<T>>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  return Promise.race([promise.then((value): Settled<T> => ({ done: true, value })), late]).finally(() =>
    clearTimeout(timer),
  );
}

export function createMessagesHandler(
  app: BotApp,
  config: Config,
  logger: Logger,
  options: MessagesOptions = {},
) {
  const authenticator = new RequestAuthenticator(app.adapter.authentication, logger, options.authTimeoutMs);
  const deadlineMs = options.deadlineMs ?? config.REQUEST_DEADLINE_MS;
  const anonymous = !config.MicrosoftAppId;

  return async (req: Request, res: Response): Promise<void> => {
    const arrived = Date.now();
    const problem = activityShapeProblem(req.body);
    if (problem) {
      res.send(400, { error: problem });
      return;
    }
    const activity = withDates(req.body as Record<string, unknown>);
    const header = req.headers.authorization;
    const auth = await authenticator.authenticate(activity, typeof header === 'string' ? header : '');
    if (!auth.ok) {
      res.send(auth.status, { error: auth.error });
      return;
    }
    const target = replyTargetProblem(activity, anonymous);
    if (target) {
      res.send(target.status, { error: target.error });
      return;
    }

    // The turn's connector client, kept to see afterwards whether its replies reached the channel (the turn
    // context itself is revoked when the turn ends).
    let connectorClient: unknown;
    const turn = app.adapter.runAuthenticated(auth.result, activity, async (context: TurnContext) => {
      connectorClient = context.turnState.get(app.adapter.ConnectorClientKey);
      await app.bot.run(context);
    });
    let settled: Settled<Awaited<typeof turn>>;
    try {
      settled = await within(turn, Math.max(0, deadlineMs - (Date.now() - arrived)));
    } catch (error) {
      logger.error({ err: error }, 'turn failed outside the bot (adapter)');
      res.send(500, { error: INTERNAL });
      return;
    }
    if (!settled.done) {
      turn.catch((error: unknown) => logger.error({ err: error }, 'late turn failed'));
      logger.warn({ deadlineMs }, 'turn not finished in time: answered 504');
      res.send(504, { error: TURN_TIMEOUT });
      return;
    }
    if (deliveryFailed(connectorClient)) {
      res.send(502, { error: UNDELIVERABLE });
      return;
    }
    const invokeResponse = settled.value;
    if (invokeResponse?.body === undefined) {
      res.send(invokeResponse?.status ?? 200);
      return;
    }
    // The replies (`expectReplies`): the same JSON as `res.send` writes, with the cards' bytes written once
    // (bot/replyJson.ts); any other body (an invoke's response) goes through restify's formatter as before.
    const replies = replyJson(invokeResponse.body);
    if (replies) {
      res.sendRaw(invokeResponse.status ?? 200, replies, {
        'Content-Type': 'application/json',
        'Content-Length': String(replies.length),
      });
    } else {
      res.send(invokeResponse.status ?? 200, invokeResponse.body);
    }
  };
}
