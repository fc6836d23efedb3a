import type { StartedBot } from '../../bot/main';
import { emulatorActivity, postActivity, replyTexts } from '../helpers/httpBot';
import { startTestBot } from '../helpers/httpBot';

describe('unusual input gets a polite answer or a clear status, never a crash', () => {
  let bot: StartedBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.close();
  });

  it.each([
    ['an empty message', { text: '' }],
    ['only emoji', { text: '🙂🙂🙂' }],
    ['only punctuation', { text: '?!...' }],
    ['a very long message', { text: 'je voudrais une aide financière '.repeat(300) }],
    [
      'an image without text',
      {
        text: undefined,
        attachments: [{ contentType: 'image/png', contentUrl: 'https://example.invalid/a.png' }],
      },
    ],
    ['HTML and script', { text: '<script>alert(1)</script><b>bonjour</b>' }],
  ])('%s', async (_name, partial) => {
    const { status, activities } = await postActivity(bot, emulatorActivity(partial));
    expect(status).toBe(200);
    const texts = replyTexts(activities).join('\n');
    expect(texts.length).toBeGreaterThan(0);
    expect(texts).not.toMatch(/problème technique/);
  });

  it.each(['typing', 'messageReaction', 'endOfConversation', 'installationUpdate'])(
    'a "%s" activity is accepted without a reply or an error',
    async (type) => {
      const { status, activities } = await postActivity(bot, emulatorActivity({ type, text: undefined }));
      expect(status).toBeLessThan(300);
      expect(replyTexts(activities).join('\n')).not.toMatch(/problème technique/);
    },
  );

  it('a conversation continues normally after all that', async () => {
    const conversation = 'after-bad-input';
    await postActivity(bot, emulatorActivity({ text: '🙂' }, conversation));
    const { activities } = await postActivity(bot, emulatorActivity({ text: 'arrêt maladie' }, conversation));
    expect(replyTexts(activities).join('\n')).toContain('12 mois');
  });
});
