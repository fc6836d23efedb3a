import type { StartedBot } from '../../bot/main';
import { emulatorActivity, postActivity, startTestBot } from '../helpers/httpBot';

describe('GET /metrics', () => {
  let bot: StartedBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('counts the answers to "Cette réponse vous a-t-elle aidé ?" by intent and outcome', async () => {
    const conversation = 'metrics-feedback';
    await postActivity(bot, emulatorActivity({ text: "j'ai perdu ma carte vitale" }, conversation));
    await postActivity(bot, emulatorActivity({ text: 'oui' }, conversation));
    const response = await fetch(`${bot.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const body = await response.text();
    expect(body).toContain('# TYPE relais_feedback_total counter');
    expect(body).toContain('relais_feedback_total{intent="carte_vitale",helpful="true"} 1');
    expect(body).toContain('relais_feedback_total{intent="carte_vitale",helpful="false"} 0');
  });
});
