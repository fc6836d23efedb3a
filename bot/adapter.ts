import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import { translator } from '../dialogs/i18n';
import type { Config } from './config';
import { hashId, type Logger } from './logger';
import { redact } from './privacy';

/**
 * The Bot Framework adapter. With `MicrosoftAppId` empty it accepts anonymous requests (Emulator, local tests);
 * with it set, the SDK enforces the channel's authentication.
 */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  } as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new CloudAdapter(auth);

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
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
