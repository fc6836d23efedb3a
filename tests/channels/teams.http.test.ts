import type { Activity } from 'botbuilder';
import type { AdaptiveCard } from '../../dialogs/cards/adaptive';
import { ADAPTIVE_CARD_CONTENT_TYPE, cardButtons } from '../../dialogs/cards/adaptive';
import { renderActivities } from '../../bot/channels/textRenderer';
import type { StartedBot } from '../../bot/main';
import { loadKnowledge } from '../../knowledge/loader';
import { postActivity, startTestBot } from '../helpers/httpBot';
import { teamsActivity } from './fixtures';
import { MENU_FR } from '../helpers/expected';

const MENU = MENU_FR;

function cards(activities: Activity[]): AdaptiveCard[] {
  return activities.flatMap((a) =>
    (a.attachments ?? [])
      .filter((att) => att.contentType === ADAPTIVE_CARD_CONTENT_TYPE)
      .map((att) => att.content as AdaptiveCard),
  );
}

const buttonTitles = (activities: Activity[]) =>
  cards(activities).flatMap((c) => cardButtons(c).map((b) => b.title));
const shown = (activities: Activity[]) => renderActivities(activities).lines.join('\n');
const messages = (activities: Activity[]) => activities.filter((a) => a.type === 'message');

describe('Microsoft Teams through the HTTP endpoint (deliveryMode expectReplies)', () => {
  let bot: StartedBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('answers in a personal chat; the 6-choice menu becomes an Adaptive Card 1.5 (≤3 suggested actions)', async () => {
    const { status, activities } = await postActivity(bot, teamsActivity({ text: 'menu' }));
    expect(status).toBe(200);
    expect(messages(activities).length).toBeGreaterThan(0);
    for (const a of activities) expect(a.suggestedActions?.actions.length ?? 0).toBeLessThanOrEqual(3);
    const [card] = cards(activities);
    expect(card?.version).toBe('1.5');
    expect(buttonTitles(activities)).toEqual(MENU);
    expect(cardButtons(card as AdaptiveCard)[0]).toMatchObject({
      type: 'Action.Submit',
      data: { msteams: { type: 'imBack', value: MENU[0] } },
    });
  });

  it.each(['channel', 'groupChat'] as const)(
    'stays silent in a %s when not mentioned',
    async (conversationType) => {
      const { status, activities } = await postActivity(
        bot,
        teamsActivity({ text: 'menu', conversationType }),
      );
      expect(status).toBe(200);
      expect(activities).toEqual([]);
    },
  );

  it.each(['channel', 'groupChat'] as const)(
    'answers "<at>Relais Indé</at> menu" in a %s, with the mention removed',
    async (conversationType) => {
      const { activities } = await postActivity(
        bot,
        teamsActivity({ text: 'menu', conversationType, mention: true }),
      );
      expect(buttonTitles(activities)).toEqual(MENU);
    },
  );

  it('treats a card click (value, no text) as the text of the button', async () => {
    const click = teamsActivity({ text: '', value: { msteams: { type: 'imBack', value: 'menu' } } });
    const { activities } = await postActivity(bot, click);
    expect(buttonTitles(activities)).toEqual(MENU);
  });

  it('never sends the recogniser trace to Teams', async () => {
    const { activities } = await postActivity(bot, teamsActivity({ text: 'je suis enceinte' }));
    expect(activities.filter((a) => a.type === 'trace')).toEqual([]);
  });

  describe('agent commands', () => {
    const kb = loadKnowledge();
    const entry = kb.entries[0];
    if (!entry) throw new Error('the knowledge base has no entries');

    it('recherche <mots> lists the matching entries with their ids', async () => {
      const { activities } = await postActivity(bot, teamsActivity({ text: `recherche ${entry.title}` }));
      const text = shown(activities);
      expect(text).toContain(`${entry.id} : ${entry.title}`);
      expect(buttonTitles(activities)).toContain(`Voir la fiche ${entry.id}`);
    });

    it('works in a channel when the bot is mentioned', async () => {
      const { activities } = await postActivity(
        bot,
        teamsActivity({ text: `fiche ${entry.id}`, conversationType: 'channel', mention: true }),
      );
      expect(shown(activities)).toContain(entry.title);
    });

    it('fiche <id> shows the whole entry with its sources', async () => {
      const { activities } = await postActivity(bot, teamsActivity({ text: `fiche ${entry.id}` }));
      const text = shown(activities);
      expect(text).toContain(entry.title);
      expect(text).toContain(entry.summary.trim().split('\n')[0] ?? '');
      expect(text).toContain('Sources');
      for (const source of entry.sources) expect(text).toContain(source.file);
      for (const link of entry.links) expect(text).toContain(link.url);
    });

    it('fiche <unknown id> says so politely and suggests recherche', async () => {
      const { activities } = await postActivity(bot, teamsActivity({ text: 'fiche pas-une-fiche' }));
      const text = shown(activities);
      expect(text).toMatch(/Je ne trouve pas de fiche « pas-une-fiche »/);
      expect(text).toMatch(/recherche/);
    });

    it('are not commands outside Teams', async () => {
      const { activities } = await postActivity(bot, {
        ...teamsActivity({ text: 'fiche pas-une-fiche' }),
        channelId: 'webchat',
      });
      expect(shown(activities)).not.toMatch(/Je ne trouve pas de fiche/);
    });
  });
});
