/**
 * Dialogs floor: a guided bot written the way the Bot Framework samples write one (05.multi-turn-prompt,
 * 13.core-bot): conversation and user state on MemoryStorage, a `ComponentDialog` holding a waterfall, a
 * `ChoicePrompt` offering six suggested actions, and an Adaptive Card as the answer. Same restify, CloudAdapter
 * and SDK versions as Relais Indé. Started by `npm run bench` in its own process; listens on 127.0.0.1:$PORT.
 *
 * The bench only ever answers its prompt with one of the six labels (an exact match): a free-text answer would
 * make the SDK run its number and ordinal recognisers, which take seconds per turn.
 */
import {
  ActivityHandler,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  ConversationState,
  MemoryStorage,
  type StatePropertyAccessor,
  type TurnContext,
  UserState,
} from 'botbuilder';
import {
  ChoiceFactory,
  ChoicePrompt,
  ComponentDialog,
  DialogSet,
  type DialogState,
  DialogTurnStatus,
  type FoundChoice,
  ListStyle,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import restify from 'restify';

const CHOICES = [
  'Demander une aide financière',
  'Maternité, paternité, adoption',
  'Arrêt maladie (indemnités journalières)',
  'Invalidité',
  'Je suis en difficulté (HELP)',
  'Autre question',
];

interface UserProfile {
  lastChoice?: string;
}

class GuidedDialog extends ComponentDialog {
  constructor(private readonly profile: StatePropertyAccessor<UserProfile>) {
    super('guided');
    this.addDialog(new ChoicePrompt('choice'));
    this.addDialog(new WaterfallDialog('steps', [(step) => this.askNeed(step), (step) => this.answer(step)]));
    this.initialDialogId = 'steps';
  }

  private async askNeed(step: WaterfallStepContext) {
    return step.prompt('choice', {
      prompt: 'Que puis-je faire pour vous ?',
      choices: ChoiceFactory.toChoices(CHOICES),
      style: ListStyle.suggestedAction,
    });
  }

  private async answer(step: WaterfallStepContext) {
    const choice = (step.result as FoundChoice).value;
    const profile = await this.profile.get(step.context, {});
    profile.lastChoice = choice;
    const card = CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: choice, weight: 'Bolder', size: 'Medium', wrap: true },
        { type: 'TextBlock', text: 'Voici les démarches à suivre pour votre demande.', wrap: true },
      ],
      actions: [{ type: 'Action.OpenUrl', title: 'Faire la demande', url: 'https://example.org/demande' }],
    });
    await step.context.sendActivity({ attachments: [card] });
    return step.endDialog();
  }
}

class DialogBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly dialog: GuidedDialog,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('DialogState');
    this.onMessage(async (context, next) => {
      const dialogs = new DialogSet(this.dialogState);
      dialogs.add(this.dialog);
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.dialog.id);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }
}

const storage = new MemoryStorage();
const conversationState = new ConversationState(storage);
const userState = new UserState(storage);
const bot = new DialogBot(
  conversationState,
  userState,
  new GuidedDialog(userState.createProperty<UserProfile>('UserProfile')),
);
const adapter = new CloudAdapter(
  new ConfigurationBotFrameworkAuthentication({} as ConfigurationBotFrameworkAuthenticationOptions),
);
const server = restify.createServer({ name: 'dialogs-floor', handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
