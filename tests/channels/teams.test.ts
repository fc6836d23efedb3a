import { type Activity, TestAdapter, TurnContext } from 'botbuilder';
import {
  isGroupConversation,
  mentionsBot,
  prepareIncomingMessage,
  stripBotMention,
  textFromCardValue,
} from '../../bot/channels/teams';
import { BOT, teamsActivity } from './fixtures';

function context(activity: Partial<Activity>): TurnContext {
  return new TurnContext(new TestAdapter(), activity);
}

describe('Teams incoming messages', () => {
  it('answers in a personal chat, mention or not', () => {
    const ctx = context(teamsActivity({ text: 'menu' }));
    expect(prepareIncomingMessage(ctx)).toBe(true);
    expect(ctx.activity.text).toBe('menu');
  });

  it.each(['channel', 'groupChat'] as const)('stays silent in a %s when the bot is not mentioned', (type) => {
    const ctx = context(teamsActivity({ text: 'menu', conversationType: type }));
    expect(prepareIncomingMessage(ctx)).toBe(false);
  });

  it.each(['channel', 'groupChat'] as const)('answers in a %s when mentioned, mention removed', (type) => {
    const ctx = context(teamsActivity({ text: 'menu', conversationType: type, mention: true }));
    expect(prepareIncomingMessage(ctx)).toBe(true);
    expect(ctx.activity.text).toBe('menu');
  });

  it('ignores the mention of someone else in a channel', () => {
    const other = { id: '29:colleague', name: 'Collègue' };
    const ctx = context(
      teamsActivity({
        text: '<at>Collègue</at> tu as vu ?',
        conversationType: 'channel',
        entities: [{ type: 'mention', mentioned: other, text: '<at>Collègue</at>' }],
      }),
    );
    expect(mentionsBot(ctx.activity)).toBe(false);
    expect(prepareIncomingMessage(ctx)).toBe(false);
  });

  it('removes the bot mention wherever it is, and non-breaking spaces Teams adds around it', () => {
    const activity = teamsActivity({ text: 'menu' }) as Activity;
    activity.text = 'bonjour\u00a0<at>Relais Indé</at>&nbsp; aide financière';
    activity.entities = [{ type: 'mention', mentioned: BOT, text: '<at>Relais Indé</at>' }];
    expect(stripBotMention(activity)).toBe('bonjour aide financière');
  });

  it('turns a card click (value, no text) back into text, on any channel', () => {
    const teams = context(
      teamsActivity({ text: '', value: { msteams: { type: 'imBack', value: 'Invalidité' } } }),
    );
    expect(prepareIncomingMessage(teams)).toBe(true);
    expect(teams.activity.text).toBe('Invalidité');

    const webchat = context({
      ...teamsActivity({ text: '' }),
      channelId: 'webchat',
      value: { text: 'menu' },
    });
    prepareIncomingMessage(webchat);
    expect(webchat.activity.text).toBe('menu');
  });

  it('answers a card click in a channel even without a mention (the card is the bot’s own)', () => {
    const ctx = context(
      teamsActivity({
        text: '',
        conversationType: 'channel',
        value: { msteams: { type: 'imBack', value: 'menu' } },
      }),
    );
    expect(prepareIncomingMessage(ctx)).toBe(true);
    expect(ctx.activity.text).toBe('menu');
  });

  it('keeps the typed text when a message has both text and value', () => {
    const ctx = context(teamsActivity({ text: 'oui', value: { text: 'non' } }));
    prepareIncomingMessage(ctx);
    expect(ctx.activity.text).toBe('oui');
  });

  it('reads the text of the usual card payloads', () => {
    expect(textFromCardValue('menu')).toBe('menu');
    expect(textFromCardValue({ msteams: { type: 'messageBack', text: 'fiche afe' } })).toBe('fiche afe');
    expect(textFromCardValue({ value: 'oui' })).toBe('oui');
    expect(textFromCardValue({ rating: 5 })).toBeUndefined();
    expect(textFromCardValue(42)).toBeUndefined();
  });

  it('knows group conversations by type, or by isGroup when Teams omits the type', () => {
    expect(isGroupConversation({ conversation: { id: 'c', conversationType: 'channel' } as never })).toBe(
      true,
    );
    expect(isGroupConversation({ conversation: { id: 'c', conversationType: 'groupChat' } as never })).toBe(
      true,
    );
    expect(isGroupConversation({ conversation: { id: 'c', conversationType: 'personal' } as never })).toBe(
      false,
    );
    expect(isGroupConversation({ conversation: { id: 'c', isGroup: true } as never })).toBe(true);
  });
});
