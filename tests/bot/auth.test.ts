/**
 * Bot Framework authentication through the real server, with `MicrosoftAppId` set and the channel's signing keys
 * served on loopback (`BotOpenIdMetadata`): which tokens get an answer, which a 401, and what happens when the keys
 * cannot be fetched (503, generic body, one log line).
 */
import type { Activity } from 'botbuilder';
import { AUTH_UNAVAILABLE, UNAUTHORIZED } from '../../bot/auth';
import { loadConfig } from '../../bot/config';
import { startBot, type StartedBot } from '../../bot/main';
import { MENU_FR } from '../helpers/expected';
import { suggestedTitles } from '../helpers/httpBot';
import { captureLogs } from '../helpers/logCapture';
import {
  channelClaims,
  closedPortUrl,
  newKey,
  type OpenIdServer,
  signToken,
  startOpenIdServer,
  type TestKey,
} from '../helpers/openIdServer';

const APP_ID = '8d2c4b1e-0000-4000-8000-relais-test';
const SERVICE_URL = 'https://webchat.botframework.com/';

function authenticatedConfig(metadataUrl: string) {
  return loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-used-with-expectReplies',
    BotOpenIdMetadata: metadataUrl,
  });
}

let counter = 0;
function channelActivity(): Partial<Activity> {
  counter += 1;
  return {
    type: 'message',
    text: 'menu',
    channelId: 'webchat',
    serviceUrl: SERVICE_URL,
    deliveryMode: 'expectReplies',
    locale: 'fr-FR',
    from: { id: 'user-1', name: 'Utilisateur' },
    recipient: { id: APP_ID, name: 'Relais Indé' },
    conversation: { id: `auth-conv-${counter}` } as Activity['conversation'],
    id: `auth-act-${counter}`,
  };
}

async function post(bot: StartedBot, authorization?: string, activity = channelActivity()) {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
  };
}

describe('authentication with MicrosoftAppId set (signing keys on a local OpenID endpoint)', () => {
  let channelKey: TestKey;
  let openId: OpenIdServer;
  let bot: StartedBot;
  const bearer = (claims: Record<string, unknown>, key: TestKey = channelKey, kid = key.kid) =>
    `Bearer ${signToken(key, kid, claims)}`;

  beforeAll(async () => {
    channelKey = newKey();
    openId = await startOpenIdServer([channelKey]);
    bot = await startBot(authenticatedConfig(openId.metadataUrl));
  });
  afterAll(async () => {
    await bot.close();
    await openId.close();
  });
  beforeEach(() => {
    // jsonwebtoken's failures are written by the SDK with console.error (bad signature, expiry): expected here.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('answers a message carrying a valid channel token', async () => {
    const result = await post(bot, bearer(channelClaims(APP_ID, SERVICE_URL)));
    expect(result.status).toBe(200);
    const activities = (result.body?.activities ?? []) as Activity[];
    expect(suggestedTitles(activities)).toEqual(MENU_FR);
    expect(openId.hits).toEqual(['/.well-known/openidconfiguration', '/keys']);
  });

  const rejected: Array<[string, () => string | undefined]> = [
    ['no Authorization header', () => undefined],
    ['an empty bearer', () => 'Bearer '],
    ['another scheme', () => `Basic ${Buffer.from('user:pass').toString('base64')}`],
    ['a malformed token', () => 'Bearer not.a.jwt'],
    ['a token that is not even dotted', () => 'Bearer abcdef'],
    [
      'a token signed by an unknown key (unknown kid)',
      () => bearer(channelClaims(APP_ID, SERVICE_URL), newKey()),
    ],
    [
      'a token signed by another key under the known kid',
      () => bearer(channelClaims(APP_ID, SERVICE_URL), newKey(), channelKey.kid),
    ],
    ['a token for another bot (wrong audience)', () => bearer(channelClaims('someone-else', SERVICE_URL))],
    [
      'a token from another issuer',
      () => bearer({ ...channelClaims(APP_ID, SERVICE_URL), iss: 'https://issuer.example.org' }),
    ],
    [
      'an expired token (beyond the 5-minute clock tolerance)',
      () => {
        const past = Math.floor(Date.now() / 1000) - 3600;
        return bearer(channelClaims(APP_ID, SERVICE_URL, past));
      },
    ],
    [
      'a token not valid yet',
      () => bearer({ ...channelClaims(APP_ID, SERVICE_URL), nbf: Math.floor(Date.now() / 1000) + 3600 }),
    ],
    ['a token for another serviceUrl', () => bearer(channelClaims(APP_ID, 'https://elsewhere.example/'))],
    ['an unsigned token (alg none)', () => `Bearer ${unsigned(channelClaims(APP_ID, SERVICE_URL))}`],
  ];

  it.each(rejected)(
    'answers 401 with a short body to %s, without running the turn',
    async (_name, header) => {
      const result = await post(bot, header());
      expect(result.status).toBe(401);
      expect(result.body).toEqual({ error: UNAUTHORIZED });
    },
  );

  it('keeps answering valid tokens after the rejections', async () => {
    const result = await post(bot, bearer(channelClaims(APP_ID, SERVICE_URL)));
    expect(result.status).toBe(200);
    expect(suggestedTitles((result.body?.activities ?? []) as Activity[])).toEqual(MENU_FR);
  });
});

describe('BotOpenIdMetadata setting', () => {
  it('is empty by default and must be an http(s) URL', () => {
    expect(loadConfig({}).BotOpenIdMetadata).toBeUndefined();
    expect(() => loadConfig({ BotOpenIdMetadata: 'ftp://keys.example/' })).toThrow(
      /BotOpenIdMetadata: expected an http:\/\/ or https:\/\/ URL \(got "ftp:\/\/keys.example\/"\)/,
    );
  });
});

function unsigned(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

describe('authentication when the signing keys cannot be fetched', () => {
  beforeEach(() => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('answers 503 with a generic body (no host, no internal error), logs the cause once, and 401 without a token', async () => {
    const metadataUrl = `${await closedPortUrl()}/.well-known/openidconfiguration`;
    const logs = captureLogs();
    const bot = await startBot(authenticatedConfig(metadataUrl), { logger: logs.logger });
    try {
      const key = newKey();
      const token = `Bearer ${signToken(key, key.kid, channelClaims(APP_ID, SERVICE_URL))}`;
      const first = await post(bot, token);
      const second = await post(bot, token);
      for (const result of [first, second]) {
        expect(result.status).toBe(503);
        expect(result.body).toEqual({ error: AUTH_UNAVAILABLE });
        expect(result.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|openid|fetch|request to/i);
      }
      // Nothing to fetch for a request without a token: it is refused as such.
      expect((await post(bot, undefined)).status).toBe(401);

      const errors = logs.entries().filter((entry) => entry.level >= 50);
      expect(errors).toHaveLength(1);
      expect(errors[0].msg).toMatch(/signing keys unavailable/);
      expect(JSON.stringify(errors[0].err)).toMatch(/ECONNREFUSED/);
    } finally {
      await bot.close();
    }
  });

  it('answers 503 while the metadata server fails, then accepts tokens again when it recovers', async () => {
    const key = newKey();
    const openId = await startOpenIdServer([key]);
    openId.failing = true;
    const logs = captureLogs();
    const bot = await startBot(authenticatedConfig(openId.metadataUrl), { logger: logs.logger });
    try {
      const token = () => `Bearer ${signToken(key, key.kid, channelClaims(APP_ID, SERVICE_URL))}`;
      expect((await post(bot, token())).status).toBe(503);
      expect((await post(bot, token())).status).toBe(503);
      openId.failing = false;
      const recovered = await post(bot, token());
      expect(recovered.status).toBe(200);
      expect(suggestedTitles((recovered.body?.activities ?? []) as Activity[])).toEqual(MENU_FR);
      const messages = logs.entries().map((entry) => entry.msg);
      expect(messages.filter((msg) => /signing keys unavailable/.test(msg))).toHaveLength(1);
      expect(messages).toContain('token signing keys reachable again');
    } finally {
      await bot.close();
      await openId.close();
    }
  });
});
