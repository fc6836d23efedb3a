import { type Activity, CloudAdapter, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult, BotFrameworkAuthentication } from 'botframework-connector';
import { translator } from '../dialogs/i18n';
import { createAuthentication } from './auth';
import type { Config } from './config';
import { hashId, type Logger } from './logger';
import { BoundedOutboundAuthentication, deliveryFailed } from './outbound';
import { redact } from './privacy';

/**
 * The SDK's CloudAdapter, with its authentication and the turn that follows it callable separately, so that
 * `POST /api/messages` (bot/messages.ts) can answer a failed check itself (401, 503) instead of the SDK's 500.
 */
export class RelaisAdapter extends CloudAdapter {
  constructor(readonly authentication: BotFrameworkAuthentication) {
    super(authentication);
  }

  /** Runs one turn for an activity whose request was authenticated by `authentication.authenticateRequest`. */
  runAuthenticated(
    result: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ) {
    return this.processActivity(result, activity, logic);
  }
}

/**
 * The Bot Framework adapter. With `MicrosoftAppId` empty it accepts anonymous requests (Emulator, local tests);
 * with it set, the SDK enforces the channel's authentication (bot/auth.ts). Replies posted to a channel have a
 * timeout and bounded retries (bot/outbound.ts).
 */
export function createAdapter(config: Config, logger: Logger): RelaisAdapter {
  const adapter = new RelaisAdapter(new BoundedOutboundAuthentication(createAuthentication(config)));

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    if (deliveryFailed(context.turnState.get(adapter.ConnectorClientKey))) {
      // The channel cannot be reached: no use telling the user through it; the HTTP answer is a 502.
      logger.warn(
        {
          err: { name: error.name, message: redact(error.message) },
          conversation: hashId(context.activity.conversation?.id, config.LOG_HASH_SALT),
        },
        'reply not delivered to the channel',
      );
      return;
    }
    logger.error(
      {
        err: { name: error.name, message: redact(error.message), stack: redact(error.stack ?? '') },
        conversation: hashId(context.activity.conversation?.id, config.LOG_HASH_SALT),
      },
      'turn error',
    );
    try {
      await context.sendActivity(translator(context.activity.locale)('errors.turn'));
    } catch (sendError) {
      logger.error({ err: sendError }, 'could not tell the user about the turn error');
    }
  };
  return adapter;
}
