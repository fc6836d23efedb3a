/**
 * Echo floor: the smallest Bot Framework bot on the same stack as Relais Indé (restify, CloudAdapter, anonymous
 * auth, conversation state on MemoryStorage with one property). It answers every message with its own text.
 * Started by `npm run bench` in its own process; listens on 127.0.0.1:$PORT.
 */
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  ConversationState,
  MemoryStorage,
} from 'botbuilder';
import restify from 'restify';

const conversationState = new ConversationState(new MemoryStorage());
const turns = conversationState.createProperty<number>('turns');

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await turns.set(context, ((await turns.get(context, 0)) ?? 0) + 1);
      await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }

  override async run(context: Parameters<ActivityHandler['run']>[0]): Promise<void> {
    await super.run(context);
    await conversationState.saveChanges(context, false);
  }
}

const adapter = new CloudAdapter(
  new ConfigurationBotFrameworkAuthentication({} as ConfigurationBotFrameworkAuthenticationOptions),
);
const bot = new EchoBot();
const server = restify.createServer({ name: 'echo-floor', handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
