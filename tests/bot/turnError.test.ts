import { getRecognizer, normalize } from '../../nlu';
import { createBotApp } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { createServer, listen, type RunningServer } from '../../bot/server';
import type { IntentRecognizer } from '../../dialogs/ports';
import { emulatorActivity, postActivity, replyTexts, suggestedTitles } from '../helpers/httpBot';

/** A recogniser that fails on one message, to see what a turn error does to the user and to the state. */
const real = getRecognizer();
const fragile: IntentRecognizer = {
  recognize(text) {
    if (text === 'boum') throw new Error('recogniser exploded');
    return real.recognize(text);
  },
};

describe('a turn that throws', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    const app = createBotApp(config, createLogger(config), { recognizer: fragile, normalize });
    server = await listen(createServer(app, createLogger(config), config), config);
  });
  afterAll(async () => {
    await server.close();
  });

  it('gets a polite French message, keeps the conversation where it was, and the server keeps serving', async () => {
    const conversation = 'turn-error-conversation';
    const post = (text: string) => postActivity(server, emulatorActivity({ text }, conversation));
    const start = await post('Demander une aide financière');
    expect(suggestedTitles(start.activities)).toContain('Je suis en activité');

    const failed = await post('boum');
    expect(failed.status).toBe(200);
    expect(replyTexts(failed.activities).join('\n')).toContain('Désolé, un problème technique');

    // The journey goes on from the same question: nothing of the conversation was lost.
    const next = await post('Je suis en activité');
    expect(replyTexts(next.activities).join('\n')).toContain('Quelle difficulté rencontrez-vous ?');
  });
});
