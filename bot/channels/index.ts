/**
 * Channel specifics (Microsoft Teams, the Emulator's trace, terminal rendering). `RelaisBot` calls the hooks
 * below; `createBotApp` registers the rendering middleware. Nothing else in the bot knows about channels.
 */
import type { TurnContext } from 'botbuilder';
import { translator } from '../../dialogs/i18n';
import type { RecognitionLike } from '../../dialogs/ports';
import { answerAgentCommand, parseAgentCommand } from './agentCommands';
import type { KnowledgeProvider } from './knowledgeSource';
import { ChannelRenderingMiddleware } from './rendering';
import { isTeams, prepareIncomingMessage } from './teams';
import { sendRecognizerTrace } from './trace';

export { ChannelRenderingMiddleware } from './rendering';
export { lazyKnowledge, type AgentKnowledge, type KnowledgeProvider } from './knowledgeSource';
export { toRecognizerResult } from './trace';

export interface ChannelHooks {
  /**
   * First thing on every message: turns card clicks back into text, removes the bot's Teams @mention, and
   * answers Teams agent commands. Returns `true` when the turn is over (silence in a Teams channel without a
   * mention, or an agent command answered): the dialog must then not run.
   */
  beforeRecognition(context: TurnContext): Promise<boolean>;
  /** After recognition: the Emulator's recogniser trace. */
  afterRecognition(context: TurnContext, recognition: RecognitionLike): Promise<void>;
}

export function createChannelHooks(knowledge: KnowledgeProvider): ChannelHooks {
  return {
    async beforeRecognition(context) {
      if (!prepareIncomingMessage(context)) return true;
      if (!isTeams(context.activity)) return false;
      const command = parseAgentCommand(context.activity.text ?? '');
      if (!command) return false;
      await context.sendActivity(answerAgentCommand(command, knowledge, translator(context.activity.locale)));
      return true;
    },
    async afterRecognition(context, recognition) {
      // Only the Emulator shows traces: elsewhere none is built (TraceFilterMiddleware remains the safety net).
      if (context.activity.channelId === 'emulator') await sendRecognizerTrace(context, recognition);
    },
  };
}

export function createChannelMiddleware(knowledge: KnowledgeProvider): ChannelRenderingMiddleware {
  return new ChannelRenderingMiddleware(knowledge);
}
