import { ActivityTypes, type Middleware, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { relaisEntryIds } from './channels/rendering';
import { getTurnRecognition } from '../dialogs/turnState';
import { hashId, type Logger } from './logger';
import { redact } from './privacy';
import { translator } from '../dialogs/i18n';

/**
 * Traces (the recogniser trace among them) are for the Bot Framework Emulator only. The adapter already drops
 * them on other channels, but with `deliveryMode: "expectReplies"` the SDK returns buffered replies unfiltered,
 * so they are removed here, before they are buffered or sent.
 */
export class TraceFilterMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.channelId !== 'emulator') {
      context.onSendActivities(async (_ctx, activities, nextSend) => {
        const kept = activities.filter((a) => a.type !== ActivityTypes.Trace);
        if (kept.length === activities.length) return nextSend();
        if (kept.length === 0) return [];
        activities.splice(0, activities.length, ...kept);
        return nextSend();
      });
    }
    await next();
  }
}

/** One log line per turn: hashed conversation, channel, activity type, recognised intent, replies and duration. */
export class TurnLoggingMiddleware implements Middleware {
  constructor(
    private readonly logger: Logger,
    private readonly salt: string,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    // The line is built (a hash, a reply counter) only when it will be written.
    if (!this.logger.isLevelEnabled('info')) return next();
    const started = process.hrtime.bigint();
    let replies = 0;
    context.onSendActivities(async (_ctx, activities, nextSend) => {
      replies += activities.filter((a) => a.type === ActivityTypes.Message).length;
      return nextSend();
    });
    try {
      await next();
    } finally {
      const recognition = getTurnRecognition(context);
      const activity = context.activity;
      this.logger.info(
        {
          conversation: hashId(activity.conversation?.id, this.salt),
          channel: activity.channelId,
          type: activity.type,
          intent: recognition?.topIntent,
          score: recognition ? Number(recognition.score.toFixed(3)) : undefined,
          replies,
          durationMs: Number((Number(process.hrtime.bigint() - started) / 1e6).toFixed(1)),
        },
        'turn',
      );
      if (activity.type === ActivityTypes.Message && this.logger.isLevelEnabled('debug')) {
        this.logger.debug({ utterance: redact(activity.text ?? '') }, 'turn text');
      }
    }
  }
}

/**
 * A social-security number (NIR), an IBAN, an e-mail address or a phone number written in a message is replaced,
 * as soon as the message arrives, by a placeholder naming it (`privacy.ts`), and the person is told not to send
 * them (`errors.personalData`): the bot needs none of them to answer, and nothing after this (recogniser, dialogs,
 * conversation state, misunderstood inbox, logs) sees or keeps them. Before this, a NIR written beside a question
 * was kept three times in the conversation's stored state.
 */
export class PersonalDataMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (activity.type === ActivityTypes.Message && activity.text) {
      const redacted = redact(activity.text);
      if (redacted !== activity.text) {
        activity.text = redacted;
        await context.sendActivity(translator(activity.locale)('errors.personalData'));
      }
    }
    await next();
  }
}

/**
 * A message longer than `max` characters is read up to there (cut before the word it would split), and the person
 * is told so first (`errors.longMessage`): everything after this (recogniser, dialogs, stored state, inbox) sees
 * at most `max` characters.
 */
export class LongMessageMiddleware implements Middleware {
  constructor(private readonly max: number) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (activity.type === ActivityTypes.Message && (activity.text?.length ?? 0) > this.max) {
      activity.text = cutAtWord(activity.text!, this.max);
      await context.sendActivity(
        translator(activity.locale)('errors.longMessage', {
          max: this.max.toLocaleString(activity.locale ?? 'fr'),
        }),
      );
    }
    await next();
  }
}

/** `text`'s first `max` characters at most, without a word cut in two when a space comes late enough. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const space = head.search(/\s\S*$/);
  return (space >= max * 0.8 ? head.slice(0, space) : head).trimEnd();
}

/** An activity without a locale is answered in the configured default language (`DEFAULT_LOCALE`). */
export class DefaultLocaleMiddleware implements Middleware {
  constructor(private readonly locale: string) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (!context.activity.locale) context.activity.locale = this.locale;
    await next();
  }
}

/**
 * Keeps, in conversation state, the knowledge entries of the last turn that answered with some
 * (`channelData.relaisEntries`, all those of the turn), so that « source ? » can show that answer's sources
 * (MainDialog). Registered before the channel rendering, which removes the field for Teams.
 */
export class ShownEntriesMiddleware implements Middleware {
  constructor(private readonly shown: StatePropertyAccessor<string[] | undefined>) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    let turnIds: string[] = [];
    context.onSendActivities(async (ctx, activities, nextSend) => {
      const ids = activities.flatMap(relaisEntryIds).filter((id, i, all) => all.indexOf(id) === i);
      const added = ids.filter((id) => !turnIds.includes(id));
      if (added.length > 0) {
        turnIds = [...turnIds, ...added];
        await this.shown.set(ctx, turnIds);
      }
      return nextSend();
    });
    await next();
  }
}
