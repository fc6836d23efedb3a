import { MemoryStorage } from 'botbuilder';
import { loadConfig } from '../../bot/config';
import { startBot, type StartedBot } from '../../bot/main';
import { cutAtWord } from '../../bot/middleware';
import { emulatorActivity, postActivity, replyTexts } from '../helpers/httpBot';

/** What the in-memory store holds (`memory`, protected in its typings), as JSON per key. */
function stored(storage: MemoryStorage): Record<string, string> {
  return (storage as unknown as { memory: Record<string, string> }).memory;
}

describe('a very long message is read up to MESSAGE_MAX_CHARS', () => {
  let bot: StartedBot;
  const storage = new MemoryStorage();
  beforeAll(async () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      MESSAGE_MAX_CHARS: '2000',
    });
    bot = await startBot(config, { storage });
  });
  afterAll(async () => {
    await bot.close();
  });

  it('tells the person, answers what the beginning asks, and keeps no more than that in state', async () => {
    const story =
      "Je n'arrive plus à payer mes cotisations, je suis à bout et je ne sais plus comment nourrir mes enfants. ";
    const text = story + 'Et puis il y a eu encore autre chose ce mois-là, comme chaque mois. '.repeat(1500);
    expect(text.length).toBeGreaterThan(100_000);
    const { status, activities } = await postActivity(bot, emulatorActivity({ text }, 'long-story'));
    expect(status).toBe(200);
    const replies = replyTexts(activities);
    expect(replies[0]).toMatch(/très long.*2\s000 premiers caractères/);
    expect(replies.join('\n')).toContain('HELP');
    const conversation = Object.entries(stored(storage)).find(([key]) => key.includes('long-story'))!;
    expect(conversation[1].length).toBeLessThan(2 * 2000 + 3000);
  });

  it('leaves a message within the limit as it is, without the notice', async () => {
    const { activities } = await postActivity(bot, emulatorActivity({ text: 'arrêt maladie' }));
    const replies = replyTexts(activities).join('\n');
    expect(replies).not.toContain('très long');
    expect(replies).toContain('12 mois');
  });
});

describe('cutAtWord', () => {
  it('keeps a text within the limit whole', () => {
    expect(cutAtWord('bonjour madame', 14)).toBe('bonjour madame');
  });
  it('cuts before the word the limit would split', () => {
    expect(cutAtWord('un deux trois quatre cinq', 22)).toBe('un deux trois quatre');
  });
  it('cuts at the limit when no space comes late enough', () => {
    expect(cutAtWord('a '.concat('x'.repeat(30)), 10)).toBe('a xxxxxxxx');
  });
});
