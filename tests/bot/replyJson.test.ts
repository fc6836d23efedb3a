/**
 * The replies' JSON (bot/replyJson.ts): the bytes of `JSON.stringify(body)`, with frozen cards written once. What
 * is checked is the output — byte for byte against `JSON.stringify` — including after the values have changed,
 * so that nothing stale can be served; and, over HTTP, the headers restify's formatter gave.
 */
import type { Activity } from 'botbuilder';
import type { StartedBot } from '../../bot/main';
import { replyJson } from '../../bot/replyJson';
import { deepFreeze } from '../../contract';
import { entriesActivity, phoneLinesActivity } from '../../dialogs/answers';
import { translator } from '../../dialogs/i18n';
import { loadKnowledge } from '../../knowledge/loader';
import { emulatorActivity, startTestBot } from '../helpers/httpBot';

const knowledge = loadKnowledge();

/** What the SDK adds to every reply (`applyConversationReference`), as in a real body. */
function reply(activity: Partial<Activity>): Record<string, unknown> {
  return {
    ...activity,
    channelId: 'webchat',
    locale: 'fr-FR',
    serviceUrl: 'http://127.0.0.1:1',
    conversation: { id: 'c-1' },
    from: { id: 'bot' },
    recipient: { id: 'u-1', name: 'Éloïse « test » \u2028' },
  };
}

function same(body: unknown): void {
  const expected = JSON.stringify(body);
  // Twice: the first call writes the frozen cards' JSON, the second serves it.
  expect(replyJson(body)?.toString('utf8')).toBe(expected);
  expect(replyJson(body)?.toString('utf8')).toBe(expected);
}

describe('replyJson', () => {
  it('writes the bytes of JSON.stringify for answers with the knowledge base cards, in both languages', () => {
    for (const locale of ['fr-FR', 'en-US']) {
      const t = translator(locale);
      const entries = knowledge.entries.slice(0, 6);
      const cards = entriesActivity(knowledge, t, [...entries], t('journey.aidIntro'));
      const lines = phoneLinesActivity(knowledge, 'Contacts', { buttons: ['Oui', 'Non'] });
      same({
        activities: [
          reply({ type: 'message', text: "J'ai compris : activité › cotisations — “ok” 🙂" }),
          reply(cards),
          reply(lines),
          reply({
            type: 'message',
            text: 'Cette réponse vous a-t-elle aidé ?',
            suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'Oui', value: 'Oui' }] },
          }),
        ],
      });
    }
  });

  it('writes what JSON.stringify writes of dates, undefined members, functions, nulls and empty lists', () => {
    const frozenCard = deepFreeze({ contentType: 'x', content: { a: [1, 'é', null, true], b: { c: -0.5 } } });
    same({
      activities: [
        reply({
          type: 'message',
          timestamp: new Date('2026-12-01T08:00:00.000Z'),
          text: undefined,
          attachments: [frozenCard, { contentType: 'y', content: undefined }] as never,
          channelData: { skip: () => 1, keep: 2 },
        }),
        { type: 'message', attachments: [] },
        { type: 'message', attachments: [frozenCard], entities: undefined, speak: () => 'no' },
        null,
        'text',
      ],
    });
  });

  it('never serves stale JSON: a value that is not frozen all the way down is written again at every call', () => {
    const mutable = { contentType: 'a', content: { text: 'avant' } };
    const shallow = Object.freeze({ contentType: 'b', content: { text: 'avant' } });
    const body = { activities: [{ type: 'message', attachments: [mutable, shallow] }] };
    same(body);
    mutable.content.text = 'après';
    shallow.content.text = 'après';
    same(body);
    expect(replyJson(body)?.toString('utf8')).toContain('"après"');
    expect(replyJson(body)?.toString('utf8')).not.toContain('"avant"');
  });

  it('calls toJSON as JSON.stringify does, with the member key', () => {
    const keyed = { toJSON: (key: string) => `key:${key}` };
    same({ activities: [{ type: 'message', attachments: [keyed], value: keyed }] });
    same({ activities: [keyed] });
  });

  it('leaves any other body to the caller (undefined)', () => {
    expect(replyJson({ status: 200, body: {} })).toBeUndefined();
    expect(replyJson({ activities: [], extra: 1 })).toBeUndefined();
    expect(replyJson('text')).toBeUndefined();
    expect(replyJson(undefined)).toBeUndefined();
  });
});

describe('POST /api/messages replies', () => {
  let bot: StartedBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('are JSON with its exact length, as restify formatted them, cards included', async () => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        emulatorActivity({ text: "j'ai besoin d'une aide financière pour payer mes cotisations" }),
      ),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    const text = bytes.toString('utf8');
    const body = JSON.parse(text) as { activities: Activity[] };
    expect(JSON.stringify(body)).toBe(text);
    expect(body.activities.some((a) => (a.attachments ?? []).length > 0)).toBe(true);
    expect(text).toContain('Aide aux cotisants en difficulté (ACED)');
  });
});
