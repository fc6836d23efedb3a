import type { StartedBot } from '../../bot/main';
import {
  emulatorActivity,
  postActivity,
  replyTexts,
  startTestBot,
  suggestedTitles,
} from '../helpers/httpBot';
import { MENU_FR } from '../helpers/expected';

const MENU = MENU_FR;

describe('HTTP endpoint, talked to as the Emulator does (deliveryMode expectReplies)', () => {
  let bot: StartedBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('welcomes a user who joins, in French, with the six main choices', async () => {
    const { status, activities } = await postActivity(
      bot,
      emulatorActivity({
        type: 'conversationUpdate',
        membersAdded: [{ id: 'user-1', name: 'Utilisateur' }],
      }),
    );
    expect(status).toBe(200);
    const text = replyTexts(activities).join('\n');
    expect(text).toMatch(/Bonjour/);
    expect(text).toMatch(/travailleurs indépendants/);
    expect(suggestedTitles(activities)).toEqual(MENU);
  });

  it('answers "bonjour" with the welcome and the menu', async () => {
    const { status, activities } = await postActivity(bot, emulatorActivity({ text: 'bonjour' }));
    expect(status).toBe(200);
    expect(replyTexts(activities).join('\n')).toMatch(/Relais Indé/);
    expect(suggestedTitles(activities)).toEqual(MENU);
  });

  it('shows the menu on "menu"', async () => {
    const { activities } = await postActivity(bot, emulatorActivity({ text: 'menu' }));
    expect(suggestedTitles(activities)).toEqual(MENU);
  });

  it('answers in English when the activity locale is English', async () => {
    const { activities } = await postActivity(bot, emulatorActivity({ text: 'bonjour', locale: 'en-US' }));
    expect(suggestedTitles(activities)).toContain('Ask for financial aid');
  });

  it('answers an activity without a locale in the default language (French)', async () => {
    const activity = emulatorActivity({ text: 'bonjour' });
    delete activity.locale;
    const { activities } = await postActivity(bot, activity);
    expect(suggestedTitles(activities)).toEqual(MENU);
  });

  it('answers GET /healthz with 200', async () => {
    const response = await fetch(`${bot.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('rejects a malformed JSON body with a 4xx and keeps serving', async () => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message", "text": ',
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const next = await postActivity(bot, emulatorActivity({ text: 'menu' }));
    expect(next.status).toBe(200);
    expect(suggestedTitles(next.activities)).toEqual(MENU);
  });

  it('rejects a JSON body that is not an activity with a 4xx', async () => {
    for (const body of ['[]', '"text"', '{"text": 42}']) {
      const response = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
  });
});

describe('DEFAULT_LOCALE', () => {
  it('answers an activity without a locale in English when DEFAULT_LOCALE=en', async () => {
    const bot = await startTestBot({ DEFAULT_LOCALE: 'en' });
    try {
      const activity = emulatorActivity({ text: 'hello' });
      delete activity.locale;
      const { activities } = await postActivity(bot, activity);
      expect(suggestedTitles(activities)).toContain('Ask for financial aid');
    } finally {
      await bot.close();
    }
  });
});
