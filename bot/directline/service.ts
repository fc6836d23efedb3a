import { randomUUID } from 'node:crypto';
import type { Activity, ChannelAccount, CloudAdapter, ConversationAccount, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import { runTurn } from './bridge';
import type { PortalContext } from '../../contract';
import { ConversationStore, KeyedLock } from './store';
import type { TokenClaims, TokenService } from './token';
import { z } from 'zod';

export const BOT_ACCOUNT = { id: 'bot', name: 'Relais Indé', role: 'bot' } as const;
/** Channel ids a client may claim; anything else is delivered to the bot as `webchat`. */
const CHANNELS = new Set(['webchat', 'directline']);
/** Fields of a client's activity the endpoint passes on; the others are set by the server. */
const CLIENT_FIELDS = [
  'type',
  'text',
  'textFormat',
  'value',
  'valueType',
  'name',
  'label',
  'code',
  'locale',
  'localTimestamp',
  'localTimezone',
  'channelData',
  'attachments',
  'entities',
  'speak',
  'summary',
  'replyToId',
] as const;

/** An error with the HTTP status and the Direct Line error code the routes answer with. */
export class DirectLineError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DirectLineError';
  }
}

export interface NewConversation {
  conversationId: string;
  token: string;
  expires_in: number;
  userId: string;
}

export interface ActivitySet {
  activities: Partial<Activity>[];
  watermark: string;
}

export interface DirectLineDeps {
  adapter: CloudAdapter;
  bot: { run(context: TurnContext): Promise<void> };
  store: ConversationStore;
  tokens: TokenService;
  logger: Logger;
  /** `serviceUrl` of the activities given to the bot; never called, replies come back in-process. */
  serviceUrl?: string;
  defaultLocale?: string;
}

/**
 * The embedded Direct Line 3.0 endpoint, without HTTP: conversations, their activity logs, and the bot turns.
 * The HTTP routes (`routes.ts`, `tokenExchange.ts`) authenticate the token and translate `DirectLineError`s into
 * HTTP answers (`http.ts`).
 */
export class DirectLineService {
  private readonly turns = new KeyedLock();
  private readonly serviceUrl: string;
  private readonly defaultLocale: string;

  constructor(private readonly deps: DirectLineDeps) {
    this.serviceUrl = deps.serviceUrl ?? 'https://directline.invalid/';
    this.defaultLocale = deps.defaultLocale ?? 'fr-FR';
  }

  get store(): ConversationStore {
    return this.deps.store;
  }

  /** Creates a conversation (not yet started) and a token for it. */
  async createConversation(
    options: { userId?: string; userName?: string; context?: PortalContext } = {},
  ): Promise<NewConversation> {
    const conversationId = randomUUID();
    const userId = options.userId ?? `dl_${randomUUID().replace(/-/g, '')}`;
    await this.deps.store.create({
      id: conversationId,
      userId,
      ...(options.userName ? { userName: options.userName } : {}),
      ...(options.context ? { context: options.context } : {}),
      createdAt: new Date().toISOString(),
      started: false,
      activities: [],
    });
    const issued = this.deps.tokens.issue(conversationId, userId, options.userName);
    return { conversationId, token: issued.token, expires_in: issued.expiresIn, userId };
  }

  /**
   * `POST /conversations` with a token: connects to the token's conversation. The first time, the bot is told
   * about it: the portal context (if the token call carried one) as a `context` event, then a `conversationUpdate`
   * adding the user, which makes the bot send its welcome. Resolves to true the first time.
   */
  async start(claims: TokenClaims): Promise<boolean> {
    const first = await this.deps.store.update(claims.conv, (record) => {
      const wasStarted = record.started;
      record.started = true;
      return !wasStarted;
    });
    if (first === undefined) throw notFound();
    if (!first) return false;
    const record = await this.deps.store.get(claims.conv);
    if (!record) throw notFound();
    const user = userAccount(record.userId, record.userName);
    if (record.context) {
      await this.deliver(claims.conv, { type: 'event', name: 'context', value: record.context, from: user });
    }
    await this.deliver(claims.conv, {
      type: 'conversationUpdate',
      from: user,
      membersAdded: [{ id: BOT_ACCOUNT.id, name: BOT_ACCOUNT.name }, { ...user }],
    });
    return true;
  }

  /** Activities after `watermark` (an index in the log; none or empty: from the start). */
  async activities(conversationId: string, watermark?: string): Promise<ActivitySet> {
    const from = parseWatermark(watermark);
    const record = await this.deps.store.get(conversationId);
    if (!record) throw notFound();
    return {
      activities: record.activities.slice(from),
      watermark: String(Math.max(from, record.activities.length)),
    };
  }

  /**
   * Appends the user's activity (as Web Chat expects to see it echoed, `channelData.clientActivityID` kept),
   * runs the bot on it and appends the replies. Resolves to the id given to the user's activity.
   */
  async post(claims: TokenClaims, body: unknown): Promise<{ id: string }> {
    const incoming = validateClientActivity(body);
    const record = await this.deps.store.get(claims.conv);
    if (!record) throw notFound();
    const activity: Partial<Activity> = {};
    for (const field of CLIENT_FIELDS) {
      if (incoming[field] !== undefined) (activity as Record<string, unknown>)[field] = incoming[field];
    }
    const from = incoming.from as { name?: unknown } | undefined;
    const name = claims.name ?? (typeof from?.name === 'string' ? from.name : undefined);
    activity.from = userAccount(claims.user, name);
    activity.channelId =
      typeof incoming.channelId === 'string' && CHANNELS.has(incoming.channelId)
        ? incoming.channelId
        : 'webchat';
    const id = await this.deliver(claims.conv, activity, true);
    return { id };
  }

  /**
   * Fills the Bot Framework fields, runs the bot (one turn at a time per conversation in this process), stamps
   * and appends the replies. With `log`, the activity itself is appended first. Resolves to its id.
   */
  private async deliver(conversationId: string, partial: Partial<Activity>, log = false): Promise<string> {
    return this.turns.run(conversationId, async () => {
      const activity: Partial<Activity> = {
        ...partial,
        channelId: partial.channelId ?? 'webchat',
        serviceUrl: this.serviceUrl,
        conversation: conversationAccount(conversationId),
        recipient: { ...BOT_ACCOUNT },
        timestamp: new Date(),
        locale: partial.locale ?? this.defaultLocale,
      };
      if (log) {
        const [stored] = (await this.deps.store.append(conversationId, [activity])) ?? [];
        if (!stored?.id) throw notFound();
        activity.id = stored.id;
      } else {
        activity.id = `${conversationId}|${partial.type}-${randomUUID()}`;
      }
      const result = await runTurn(this.deps.adapter, activity, (context) => this.deps.bot.run(context));
      if (result.status >= 400) {
        this.deps.logger.error({ status: result.status, type: activity.type }, 'direct line: the bot failed');
        throw new DirectLineError(502, 'BotError', 'The bot could not process the activity.');
      }
      const replies = result.replies.map(
        (reply): Partial<Activity> => ({
          ...reply,
          channelId: activity.channelId,
          serviceUrl: undefined,
          conversation: conversationAccount(conversationId),
          from: { ...BOT_ACCOUNT },
          recipient: activity.from,
          // Replies to activities the client never saw (conversationUpdate, token context) reply to nothing:
          // Web Chat would otherwise wait for the activity they refer to.
          replyToId: log ? activity.id : undefined,
          timestamp: new Date(),
          locale: reply.locale ?? activity.locale,
        }),
      );
      await this.deps.store.append(conversationId, replies);
      return activity.id ?? '';
    });
  }
}

function userAccount(id: string, name?: string): ChannelAccount {
  return { id, name: name ?? '', role: 'user' };
}

function conversationAccount(id: string): ConversationAccount {
  return { id, isGroup: false, conversationType: 'personal', name: '' };
}

function notFound(): DirectLineError {
  return new DirectLineError(404, 'BadArgument', 'Conversation not found.');
}

function parseWatermark(watermark: string | undefined): number {
  if (watermark === undefined || watermark === '') return 0;
  if (!/^\d{1,9}$/.test(watermark)) {
    throw new DirectLineError(400, 'BadArgument', 'The watermark must be a non-negative integer.');
  }
  return Number(watermark);
}

const stringField = (field: string) =>
  z.string({ error: `The activity's ${field} must be a string.` }).optional();
const objectField = (field: string) =>
  z.record(z.string(), z.unknown(), { error: `The activity's ${field} must be an object.` }).optional();

/** What a client may post: a JSON object with a `type`; the typed fields it carries must have the right type. */
const ClientActivitySchema = z.looseObject(
  {
    type: z
      .string({ error: 'The activity must have a type.' })
      .min(1, { error: 'The activity must have a type.' }),
    text: stringField('text'),
    name: stringField('name'),
    locale: stringField('locale'),
    textFormat: stringField('textFormat'),
    channelData: objectField('channelData'),
    from: objectField('from'),
    attachments: z.array(z.unknown(), { error: "The activity's attachments must be a list." }).optional(),
  },
  { error: 'The body must be a JSON activity.' },
);

function validateClientActivity(body: unknown): Record<string, unknown> {
  const result = ClientActivitySchema.safeParse(body);
  if (!result.success) throw new DirectLineError(400, 'BadArgument', result.error.issues[0].message);
  return result.data;
}
