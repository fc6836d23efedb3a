/**
 * Property: whatever an activity contains, POST /api/messages answers it within 5 s, with no 5xx but the documented
 * ones (501 for an invoke the bot does not implement, 502 for replies a loopback channel did not take), and the
 * relay protection holds (403 exactly for replies aimed at a non-loopback serviceUrl). 10 000 generated activities
 * (odd types, delivery modes, channels, serviceUrls, values of the wrong type…) go to the real restify server on
 * loopback (started as `npm start` does, in a child process), in concurrent batches; then the server is still healthy and a conversation started before the storm
 * ends with its answer.
 *
 * FUZZ_RUNS (batches of 50, default 200) and FUZZ_SEED reproduce or shorten a run; FUZZ_REPORT=1 prints the status
 * histogram and the latencies.
 */
import fc from 'fast-check';
import { isLoopbackHost } from '../../bot/exposure';
import { type ChannelServer, startChannelServer } from '../helpers/channelServer';
import { emulatorActivity, postActivity, replyTexts, suggestedTitles } from '../helpers/httpBot';
import { closedPortUrl } from '../helpers/openIdServer';
import { type BotProcess, startBotProcess } from '../storage/processes';

const BATCH = 50;
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const BOUND_MS = 5000;

const wrongType = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);
/** Mostly `arb`, sometimes a value of the wrong type. */
const or = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 30, arbitrary: arb as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: wrongType });

const UTTERANCES = [
  'bonjour',
  'menu',
  'Demander une aide financière',
  'je suis enceinte de jumeaux, artisane depuis 3 ans',
  'mon camion est en panne',
  'je n’y arrive plus',
  'oui',
  'non',
  '2',
  'annuler',
  'retour',
  'recommencer',
  'conseiller',
  'arrêt maladie',
  '/agent aced',
  '',
  '🙂',
];

function activityArbitrary(urls: { accepting: string; refused: string }) {
  const account = or(
    fc.record(
      { id: or(fc.constantFrom('user-1', 'user-2', 'bot', '')), name: or(fc.string({ maxLength: 10 })) },
      { requiredKeys: [] },
    ),
  );
  return fc.record(
    {
      type: fc.oneof(
        { weight: 8, arbitrary: fc.constant('message') },
        {
          weight: 6,
          arbitrary: fc.constantFrom(
            'conversationUpdate',
            'event',
            'invoke',
            'typing',
            'endOfConversation',
            'messageReaction',
            'installationUpdate',
            'messageUpdate',
            'messageDelete',
            'deleteUserData',
            'handoff',
            'trace',
            'command',
            'suggestion',
            'delay',
          ),
        },
        { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
        { weight: 1, arbitrary: wrongType },
      ),
      text: or(
        fc.oneof(
          fc.constantFrom(...UTTERANCES),
          fc.string({ maxLength: 60 }),
          fc.string({ unit: 'grapheme', maxLength: 30 }),
        ),
      ),
      deliveryMode: or(
        fc.oneof(
          { weight: 6, arbitrary: fc.constant('expectReplies') },
          {
            weight: 3,
            arbitrary: fc.constantFrom('normal', 'notification', 'ephemeral', 'ExpectReplies', ''),
          },
          { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
        ),
      ),
      channelId: or(
        fc.oneof(
          fc.constantFrom('emulator', 'webchat', 'msteams', 'directline', 'slack', 'console', ''),
          fc.string({ maxLength: 8 }),
        ),
      ),
      serviceUrl: or(
        fc.oneof(
          fc.constantFrom(
            urls.accepting,
            urls.refused,
            'http://[::1]:1/',
            'http://localhost:1/',
            'https://smba.trafficmanager.net/emea/',
            'http://10.0.0.1/',
            'http://169.254.169.254/',
            'pas une url',
            '',
            'javascript:alert(1)',
            'file:///etc/passwd',
          ),
          fc.webUrl(),
        ),
      ),
      locale: or(
        fc.oneof(fc.constantFrom('fr-FR', 'en-US', 'fr', 'en', 'de-DE', ''), fc.string({ maxLength: 6 })),
      ),
      from: account,
      recipient: account,
      conversation: or(
        fc.record(
          {
            id: or(fc.constantFrom('fuzz-a', 'fuzz-b', 'fuzz-c', 'fuzz-d', '', 'a/b?c#d')),
            conversationType: or(fc.constantFrom('personal', 'channel', 'groupChat')),
            isGroup: or(fc.boolean()),
            tenantId: or(fc.string({ maxLength: 6 })),
          },
          { requiredKeys: ['id'] },
        ),
      ),
      name: or(
        fc.oneof(
          fc.constantFrom(
            'context',
            'signin/verifyState',
            'signin/tokenExchange',
            'composeExtension/query',
            'task/fetch',
            'adaptiveCard/action',
            'healthCheck',
            'application/search',
          ),
          fc.string({ maxLength: 10 }),
        ),
      ),
      value: fc.oneof(
        fc.record(
          {
            statut: or(fc.constantFrom('artisan', 'commercant', 'conjoint_collaborateur', 'astronaute')),
            departement: or(fc.constantFrom('14', '2A', '975', '00')),
            prenom: or(fc.string({ maxLength: 50 })),
          },
          { requiredKeys: [] },
        ),
        fc.anything({ maxDepth: 2, maxKeys: 3 }),
      ),
      channelData: or(
        fc.oneof(
          fc.record({ context: fc.anything({ maxDepth: 2, maxKeys: 3 }) }),
          fc.record({ tenant: fc.record({ id: or(fc.string({ maxLength: 6 })) }) }),
          fc.anything({ maxDepth: 2, maxKeys: 3 }),
        ),
      ),
      membersAdded: or(fc.array(account, { maxLength: 3 })),
      membersRemoved: or(fc.array(account, { maxLength: 2 })),
      reactionsAdded: or(
        fc.array(fc.record({ type: or(fc.constantFrom('like', 'plusOne')) }), { maxLength: 2 }),
      ),
      attachments: or(fc.array(fc.anything({ maxDepth: 2, maxKeys: 3 }), { maxLength: 2 })),
      entities: or(fc.array(fc.anything({ maxDepth: 2, maxKeys: 3 }), { maxLength: 2 })),
      suggestedActions: fc.anything({ maxDepth: 2, maxKeys: 3 }),
      timestamp: or(
        fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.constant('pas une date'),
        ),
      ),
      localTimestamp: or(fc.constant('2026-13-45T99:00:00')),
      expiration: or(fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
      id: or(fc.string({ maxLength: 10 })),
      replyToId: or(fc.string({ maxLength: 10 })),
    },
    // Present most of the time (each may still hold a value of the wrong type); the others half of the time.
    {
      requiredKeys: ['type', 'deliveryMode', 'channelId', 'serviceUrl', 'from', 'recipient', 'conversation'],
    },
  );
}

/** A few bodies that are not activities at all. */
const notAnActivity = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.string({ maxLength: 10 }),
  fc.array(fc.integer(), { maxLength: 3 }),
);

type Body = unknown;
interface Outcome {
  body: Body;
  status: number;
  ms: number;
}

async function send(url: string, body: Body): Promise<Outcome> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15000),
    });
    await response.arrayBuffer();
    return { body, status: response.status, ms: performance.now() - started };
  } catch {
    return { body, status: 0, ms: performance.now() - started };
  }
}

function field(body: Body, name: string): unknown {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)[name]
    : undefined;
}

/** Replies would go to a serviceUrl outside this machine (what anonymous mode must refuse). */
function aimsOffMachine(body: Body): boolean {
  if (field(body, 'deliveryMode') === 'expectReplies') return false;
  const serviceUrl = field(body, 'serviceUrl');
  if (typeof serviceUrl !== 'string') return false;
  try {
    const url = new URL(serviceUrl);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
}

/** Why this outcome breaks the property, or undefined. */
function violation(outcome: Outcome): string | undefined {
  const { body, status, ms } = outcome;
  if (status === 0) return 'no answer';
  if (ms >= BOUND_MS) return `answered in ${Math.round(ms)} ms`;
  if (status >= 500) {
    const documented =
      (status === 501 && field(body, 'type') === 'invoke') ||
      (status === 502 && field(body, 'deliveryMode') !== 'expectReplies');
    if (!documented) return `undocumented ${status}`;
  }
  if (status === 403 && !aimsOffMachine(body)) return '403 for a request that does not aim off the machine';
  if (aimsOffMachine(body) && status < 400) return `${status} for a reply aimed off the machine`;
  return undefined;
}

describe('POST /api/messages under 10 000 generated activities (fast-check)', () => {
  // The server runs as `npm start` does, in its own process: it and this client each get a core.
  let bot: BotProcess;
  let channel: ChannelServer;
  let refused: string;
  const histogram = new Map<number, number>();
  const latencies: number[] = [];
  const journey = 'fuzz-ongoing-journey';

  beforeAll(async () => {
    bot = await startBotProcess({});
    channel = await startChannelServer();
    refused = `${await closedPortUrl()}/`;
  });
  afterAll(async () => {
    await bot.stop();
    await channel.close();
  });

  it('starts a conversation before the storm', async () => {
    await postActivity(bot, emulatorActivity({ text: 'Demander une aide financière' }, journey));
    const step = await postActivity(bot, emulatorActivity({ text: 'Je suis en activité' }, journey));
    expect(replyTexts(step.activities).join('\n')).toContain('Quelle difficulté rencontrez-vous ?');
  });

  it('answers every activity within 5 s, with no undocumented 5xx and no relay', async () => {
    const arbitrary = activityArbitrary({ accepting: channel.serviceUrl, refused });
    const body = fc.oneof(
      { weight: 30, arbitrary: arbitrary as fc.Arbitrary<unknown> },
      { weight: 1, arbitrary: notAnActivity },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(body, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const outcomes = await Promise.all(batch.map((activity) => send(bot.url, activity)));
        for (const outcome of outcomes) {
          histogram.set(outcome.status, (histogram.get(outcome.status) ?? 0) + 1);
          latencies.push(outcome.ms);
        }
        const failures = outcomes.flatMap((o) => {
          const why = violation(o);
          return why ? [`${why}: ${JSON.stringify(o.body).slice(0, 300)}`] : [];
        });
        if (failures.length > 0) throw new Error(failures.slice(0, 3).join('\n'));
      }),
      { numRuns: RUNS, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) },
    );
    expect(latencies.length).toBeGreaterThanOrEqual(RUNS * BATCH);
    if (process.env.FUZZ_REPORT) {
      const sorted = [...latencies].sort((a, b) => a - b);
      const at = (q: number) =>
        Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
      console.log(
        `fuzz: ${sorted.length} requests; statuses ${JSON.stringify(Object.fromEntries([...histogram].sort()))}; ` +
          `latency ms p50 ${at(0.5)} p99 ${at(0.99)} max ${Math.round(sorted[sorted.length - 1])}`,
      );
    }
  }, 600000);

  it('is healthy after the storm', async () => {
    const response = await fetch(`${bot.url}/healthz`);
    expect(response.status).toBe(200);
  });

  it('lets the conversation started before the storm reach its answer', async () => {
    const step = await postActivity(bot, emulatorActivity({ text: 'Payer mes cotisations Urssaf' }, journey));
    expect(step.status).toBe(200);
    const text = replyTexts(step.activities).join('\n');
    expect(text).toContain("L'ACED peut être complétée par une AFE.");
    expect(text).toContain('Cette réponse vous a-t-elle aidé ?');
    expect(suggestedTitles(step.activities).length).toBeGreaterThan(0);
  });
});
