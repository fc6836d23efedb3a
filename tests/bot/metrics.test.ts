import { readFileSync } from 'node:fs';
import path from 'node:path';
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

  const scrape = async () => {
    const response = await fetch(`${bot.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    return response.text();
  };
  const say = (conversation: string, text: string) =>
    postActivity(bot, emulatorActivity({ text }, conversation));

  it('counts the answers to "Cette réponse vous a-t-elle aidé ?" by intent and outcome', async () => {
    const conversation = 'metrics-feedback';
    await say(conversation, "j'ai perdu ma carte vitale");
    await say(conversation, 'oui');
    const body = await scrape();
    expect(body).toContain('# TYPE relais_feedback_total counter');
    expect(body).toContain('relais_feedback_total{intent="carte_vitale",helpful="true"} 1');
    expect(body).toContain('relais_feedback_total{intent="carte_vitale",helpful="false"} 0');
  });

  it('counts turns, their latency, intents, fallbacks and how journeys ended', async () => {
    const before = await scrape();
    const turnsBefore = Number(
      /^relais_turns_total\{channel="emulator",type="message"\} (\d+)$/m.exec(before)?.[1] ?? 0,
    );

    await say('metrics-form', 'Demander une aide financière');
    await say('metrics-form', 'Je suis en activité');
    await say('metrics-form', 'Payer mes cotisations Urssaf');
    await say('metrics-help', "je n'y arrive plus, je coule");
    await say('metrics-phone', 'je veux parler à un conseiller');
    await say('metrics-left', 'Demander une aide financière');
    await say('metrics-left', 'menu');
    await say('metrics-lost', 'zorglub flimp');

    const body = await scrape();
    expect(body).toContain(`relais_turns_total{channel="emulator",type="message"} ${turnsBefore + 8}`);
    expect(body).toMatch(/^relais_turn_duration_seconds_count\{channel="emulator"\} \d+$/m);
    expect(body).toMatch(/^relais_turn_duration_seconds_bucket\{le="\+Inf",channel="emulator"\} \d+$/m);
    expect(body).toContain('relais_turns_in_flight 0');
    // The requests acted on, not the answers to the bot's questions ("Je suis en activité", "oui").
    expect(body).toContain('relais_intents_total{intent="aide_financiere"} 2');
    expect(body).toContain('relais_intents_total{intent="carte_vitale"} 1');
    expect(body).toContain('relais_intents_total{intent="help"} 1');
    expect(body).toContain('relais_intents_total{intent="human"} 1');
    expect(body).toContain('relais_intents_total{intent="menu"} 1');
    expect(body).toContain('relais_intents_total{intent="None"} 1');
    expect(body).not.toContain('relais_intents_total{intent="desinsertion_professionnelle"}');
    expect(body).toContain('relais_journeys_total{intent="aide_financiere",outcome="form_link"} 1');
    expect(body).toContain('relais_journeys_total{intent="help",outcome="help_referral"} 1');
    expect(body).toContain('relais_journeys_total{intent="human",outcome="phone_contact"} 1');
    expect(body).toContain('relais_journeys_total{intent="aide_financiere",outcome="abandoned"} 1');
    expect(body).toContain('relais_fallbacks_total{step="1"} 1');
    expect(body).toContain('# TYPE relais_ambiguity_questions_total counter');
    expect(body).toContain('# TYPE relais_storage_errors_total counter');
    expect(body).toContain('# TYPE relais_turn_errors_total counter');
  });

  it('exposes every metric the Grafana dashboard in docs/ queries', async () => {
    const dashboard = readFileSync(
      path.join(__dirname, '..', '..', 'docs', 'grafana-dashboard.json'),
      'utf8',
    );
    const panels = (JSON.parse(dashboard) as { panels: Array<{ targets: Array<{ expr: string }> }> }).panels;
    const queried = new Set(
      panels
        .flatMap((panel) => panel.targets.map((target) => target.expr))
        .flatMap((expr) => expr.match(/relais_[a-z_]+/g) ?? [])
        .map((name) => name.replace(/_(bucket|count|sum)$/, '')),
    );
    expect(queried.size).toBeGreaterThanOrEqual(8);
    const exposed = await scrape();
    for (const name of queried) expect(exposed).toContain(`# TYPE ${name} `);
  });
});
