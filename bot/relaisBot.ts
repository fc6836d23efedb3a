import {
  type BotState,
  type ConversationState,
  type StatePropertyAccessor,
  TeamsActivityHandler,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import type { DialogState, DialogStateManagerConfiguration } from 'botbuilder-dialogs';
import { DialogSet, DialogTurnStatus } from '../dialogs/sdk';
import { translator } from '../dialogs/i18n';
import type { MainDialog } from '../dialogs/mainDialog';
import type { IntentRecognizer } from '../dialogs/ports';
import { parsePortalContext } from '../contract';
import { type PortalProfile, setTurnProfile } from '../dialogs/profile';
import { noteAdviser, setTurnRecognition } from '../dialogs/turnState';
import { ADVISER_CHANNELS } from './personFacts';
import { type ChannelHooks, createChannelHooks } from './channels';
import { loadTogether } from './state';

/**
 * Where the SDK's `DialogStateManager` looks for the dialog memory configuration of the turn (an internal key of
 * botbuilder-dialogs 4.23: if it ever changes, the SDK simply builds the configuration itself, as before).
 */
const MEMORY_CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

export interface RelaisBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  dialog: MainDialog;
  recognizer: IntentRecognizer;
  /** Channel specifics (bot/channels): Teams mentions and agent commands, card clicks, the Emulator trace. */
  channels?: ChannelHooks;
}

/**
 * The only class that knows about activities and channels: it recognises each message once, runs the main
 * dialog, and saves the conversation and user state at the end of every turn.
 */
export class RelaisBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly profile: StatePropertyAccessor<PortalProfile>;
  private readonly dialogs: DialogSet;
  private readonly channels: ChannelHooks;
  /**
   * The dialog memory configuration (the SDK's memory scopes and path resolvers), kept from the first turn. The
   * SDK builds it again at every turn — nine scope objects, five path resolvers and a settings parse — though it
   * holds nothing of a turn: every scope reads the turn's own context.
   */
  private memoryConfiguration: DialogStateManagerConfiguration | undefined;

  constructor(private readonly deps: RelaisBotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.profile = deps.userState.createProperty<PortalProfile>('profile');
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(deps.dialog);
    this.channels = deps.channels ?? createChannelHooks(() => undefined);

    this.onMessage(async (context, next) => {
      // channels: card clicks → text, Teams @mention removed, silence in Teams channels, agent commands.
      if (await this.channels.beforeRecognition(context)) {
        await next();
        return;
      }
      const text = context.activity.text ?? '';
      const recognition = this.deps.recognizer.recognize(
        text,
        ADVISER_CHANNELS.has(context.activity.channelId) ? { adviser: true } : undefined,
      );
      setTurnRecognition(context, recognition);
      // channels: the recogniser trace (kept on the Emulator only by TraceFilterMiddleware).
      await this.channels.afterRecognition(context, recognition);
      await this.runDialog(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const newcomers = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
      if (newcomers.length > 0) {
        const profile = await this.profile.get(context);
        await context.sendActivities(
          this.deps.dialog.menu.welcome(translator(context.activity.locale), profile?.prenom),
        );
      }
      await next();
    });
  }

  /**
   * The portal's user context (statut, département, prénom), from an `event` named `context` or from
   * `channelData.context` on any activity: kept in user state so the dialogs do not ask again.
   */
  private async rememberPortalContext(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const channelData = activity.channelData as { context?: unknown } | undefined;
    const sent =
      activity.type === 'event' && activity.name === 'context'
        ? parsePortalContext(activity.value)
        : parsePortalContext(channelData?.context);
    const stored = await this.profile.get(context);
    const profile = sent ? { ...stored, ...sent } : stored;
    if (sent) await this.profile.set(context, profile ?? {});
    setTurnProfile(context, profile);
  }

  private async runDialog(context: TurnContext): Promise<void> {
    if (this.memoryConfiguration) context.turnState.set(MEMORY_CONFIGURATION_KEY, this.memoryConfiguration);
    const dc = await this.dialogs.createContext(context);
    this.memoryConfiguration ??= dc.state.configuration;
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      await dc.beginDialog(this.deps.dialog.id);
    }
  }

  /**
   * Saves state after every successful turn. A turn that throws saves nothing, so the conversation stays as it
   * was at the end of the previous turn and the user can simply try again.
   */
  override async run(context: TurnContext): Promise<void> {
    // Both states in one storage read (one Redis round trip), before anything reads either.
    await loadTogether(context, [this.deps.conversationState, this.deps.userState]);
    await this.rememberPortalContext(context);
    // Advisers (Teams) speak of an insured person: the dialogs word their help for them.
    if (ADVISER_CHANNELS.has(context.activity.channelId)) noteAdviser(context);
    await super.run(context);
    await Promise.all(
      [this.deps.conversationState, this.deps.userState].map((state: BotState) =>
        state.saveChanges(context, false),
      ),
    );
  }
}
