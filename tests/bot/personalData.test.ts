/**
 * bot/middleware.ts PersonalDataMiddleware: personal data written in a message is replaced as it arrives, the
 * person is told, and nothing of it reaches the conversation's stored state.
 */
import { MemoryStorage } from 'botbuilder';
import { loadConfig } from '../../bot/config';
import { startBot, type StartedBot } from '../../bot/main';
import { emulatorActivity, postActivity, replyTexts } from '../helpers/httpBot';

/** What the in-memory store holds for the keys naming `conversation` (`memory`, protected in its typings). */
function stored(storage: MemoryStorage, conversation: string): string {
  const memory = (storage as unknown as { memory: Record<string, string> }).memory;
  return Object.entries(memory)
    .filter(([key]) => key.includes(conversation))
    .map(([, json]) => json)
    .join('\n');
}

describe('personal data in a message', () => {
  let bot: StartedBot;
  const storage = new MemoryStorage();
  beforeAll(async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    bot = await startBot(config, { storage });
  });
  afterAll(async () => {
    await bot.close();
  });

  it('is not kept: the person is told, the question still answered, the stored state holds none of it', async () => {
    const text =
      'je suis en arrêt maladie depuis 3 semaines, mon numéro de sécu est 1 85 05 75 123 456 78, ' +
      'mon mail jean.dupont@exemple.fr, mon IBAN FR76 3000 6000 0112 3456 7890 189, tel 06 12 34 56 78';
    const { status, activities } = await postActivity(bot, emulatorActivity({ text }, 'personal-data'));
    expect(status).toBe(200);
    const replies = replyTexts(activities);
    expect(replies[0]).toMatch(/ne m'écrivez pas de numéro de sécurité sociale/);
    expect(replies.join('\n')).toContain('affilié depuis au moins 12 mois');
    const state = stored(storage, 'personal-data');
    expect(state).toContain('arrêt maladie depuis 3 semaines');
    for (const secret of ['1 85 05 75', 'jean.dupont', 'FR76', '06 12 34'])
      expect(state).not.toContain(secret);
    expect(state).toContain('[NIR]');
  });

  it('leaves a message without any as it is, without the notice', async () => {
    const { activities } = await postActivity(
      bot,
      emulatorActivity({ text: 'je suis en arrêt maladie depuis 3 semaines' }),
    );
    const replies = replyTexts(activities).join('\n');
    expect(replies).not.toContain("ne m'écrivez pas");
    expect(replies).toContain('affilié depuis au moins 12 mois');
  });
});
