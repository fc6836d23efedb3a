import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { PersonFacts } from '../contract';

/**
 * Channels where the one typing speaks of other people: advisers in Teams ask about one insured person after
 * another, so nothing is kept as « what the person told about themselves » (`dialogs/memory.ts`).
 */
export const ADVISER_CHANNELS: ReadonlySet<string> = new Set(['msteams']);
const CHANNELS_WITHOUT_MEMORY = ADVISER_CHANNELS;

/** The conversation state's `facts`, except in the channels above, where it holds nothing and keeps nothing. */
export class PersonFactsAccessor implements StatePropertyAccessor<PersonFacts | undefined> {
  constructor(private readonly inner: StatePropertyAccessor<PersonFacts | undefined>) {}

  private static off(context: TurnContext): boolean {
    return CHANNELS_WITHOUT_MEMORY.has(context.activity.channelId);
  }

  get(context: TurnContext): Promise<PersonFacts | undefined>;
  get(context: TurnContext, defaultValue: PersonFacts | undefined): Promise<PersonFacts | undefined>;
  async get(context: TurnContext, defaultValue?: PersonFacts): Promise<PersonFacts | undefined> {
    if (PersonFactsAccessor.off(context)) return undefined;
    return defaultValue === undefined ? this.inner.get(context) : this.inner.get(context, defaultValue);
  }

  async set(context: TurnContext, value: PersonFacts | undefined): Promise<void> {
    if (!PersonFactsAccessor.off(context)) await this.inner.set(context, value);
  }

  async delete(context: TurnContext): Promise<void> {
    if (!PersonFactsAccessor.off(context)) await this.inner.delete(context);
  }
}
