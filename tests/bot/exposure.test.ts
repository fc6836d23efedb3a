/**
 * Anonymous mode (no MicrosoftAppId) is not an open relay: the bot listens on loopback unless HOST is set, and it
 * answers only in the HTTP response (expectReplies) or to a loopback serviceUrl; replies to a channel that cannot
 * be reached end in a quick 502 (bounded timeout and retries).
 */
import type { Activity } from 'botbuilder';
import { loadConfig } from '../../bot/config';
import { ANONYMOUS_RELAY_REFUSED, bindHost, isLoopbackHost, replyTargetProblem } from '../../bot/exposure';
import { startBot, type StartedBot } from '../../bot/main';
import { UNDELIVERABLE } from '../../bot/messages';
import { type ChannelServer, startChannelServer } from '../helpers/channelServer';
import { MENU_FR } from '../helpers/expected';
import { emulatorActivity, postActivity, startTestBot, suggestedTitles } from '../helpers/httpBot';
import { captureLogs } from '../helpers/logCapture';
import { closedPortUrl } from '../helpers/openIdServer';

describe('the interface the bot listens on', () => {
  it('is loopback by default without an app id, every interface with one, HOST when it is set', () => {
    expect(loadConfig({}).HOST).toBeUndefined();
    expect(bindHost(loadConfig({}))).toBe('127.0.0.1');
    expect(bindHost(loadConfig({ MicrosoftAppId: 'app' }))).toBe('0.0.0.0');
    expect(bindHost(loadConfig({ HOST: '0.0.0.0' }))).toBe('0.0.0.0');
    expect(bindHost(loadConfig({ HOST: '::1', MicrosoftAppId: 'app' }))).toBe('::1');
  });

  it('is really 127.0.0.1 when the bot starts without HOST nor app id', async () => {
    const bot = await startBot(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test' }));
    try {
      expect(bot.server.address()).toMatchObject({ address: '127.0.0.1' });
      expect(bot.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await bot.close();
    }
  });
});

describe('where replies may go', () => {
  it('recognises loopback hosts as the URL parser normalises them', () => {
    for (const url of [
      'http://localhost:3978/',
      'http://127.0.0.1:1',
      'http://127.1/',
      'http://[::1]:8080/',
      'http://0x7f.1/',
    ])
      expect(isLoopbackHost(new URL(url).hostname)).toBe(true);
    for (const url of [
      'http://10.0.0.1/',
      'http://169.254.169.254/',
      'https://example.org/',
      'http://[::ffff:a00:1]/',
      'http://127.0.0.1.nip.io/',
    ])
      expect(isLoopbackHost(new URL(url).hostname)).toBe(false);
  });

  it('accepts expectReplies anywhere, a loopback serviceUrl in anonymous mode, any http(s) one with an app id', () => {
    expect(
      replyTargetProblem({ deliveryMode: 'expectReplies', serviceUrl: 'https://example.org/' }, true),
    ).toBeUndefined();
    expect(replyTargetProblem({ deliveryMode: 'expectReplies' }, true)).toBeUndefined();
    expect(replyTargetProblem({ serviceUrl: 'http://localhost:9000/' }, true)).toBeUndefined();
    expect(
      replyTargetProblem({ serviceUrl: 'https://smba.trafficmanager.net/emea/' }, false),
    ).toBeUndefined();
    expect(replyTargetProblem({ serviceUrl: 'https://smba.trafficmanager.net/emea/' }, true)?.status).toBe(
      403,
    );
    expect(replyTargetProblem({ deliveryMode: 'normal' as never }, false)?.status).toBe(400);
    expect(replyTargetProblem({ serviceUrl: 'ftp://127.0.0.1/' }, false)?.status).toBe(400);
    expect(replyTargetProblem({ serviceUrl: 'pas une url' }, true)?.status).toBe(400);
  });
});

describe('anonymous mode over HTTP', () => {
  let bot: StartedBot;
  let channel: ChannelServer;
  beforeAll(async () => {
    bot = await startTestBot();
    channel = await startChannelServer();
  });
  afterAll(async () => {
    await bot.close();
    await channel.close();
  });
  beforeEach(() => {
    channel.behaviour = 'accept';
    channel.received.length = 0;
  });

  const notExpecting = (partial: Partial<Activity>) => {
    const activity = emulatorActivity({ text: 'menu', ...partial });
    delete activity.deliveryMode;
    return activity;
  };

  it.each([
    'https://relay-target.example.org/',
    'http://10.0.0.1/',
    'http://169.254.169.254/latest/',
    'http://[::ffff:7f00:1]:1/',
  ])('refuses with 403 and a clear message to post replies to %s', async (serviceUrl) => {
    const result = await postActivity(bot, notExpecting({ serviceUrl }));
    expect(result.status).toBe(403);
    expect(result.raw).toEqual({ error: ANONYMOUS_RELAY_REFUSED });
    expect(ANONYMOUS_RELAY_REFUSED).toMatch(/MicrosoftAppId/);
  });

  it('refuses with 400 an activity that neither expects replies nor names a serviceUrl', async () => {
    const activity = notExpecting({});
    delete activity.serviceUrl;
    const result = await postActivity(bot, activity);
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.raw)).toMatch(/serviceUrl is required/);
  });

  it('still answers expectReplies whatever the serviceUrl', async () => {
    const result = await postActivity(
      bot,
      emulatorActivity({ text: 'menu', serviceUrl: 'https://relay-target.example.org/' }),
    );
    expect(result.status).toBe(200);
    expect(suggestedTitles(result.activities)).toEqual(MENU_FR);
  });

  it('posts its replies to a loopback channel', async () => {
    const result = await postActivity(bot, notExpecting({ serviceUrl: channel.serviceUrl }));
    expect(result.status).toBe(200);
    const posted = channel.received.map((entry) => entry.activity);
    expect(posted.length).toBeGreaterThan(0);
    expect(
      posted.flatMap((a) => (a as Partial<Activity>).suggestedActions?.actions.map((x) => x.title) ?? []),
    ).toEqual(MENU_FR);
  });

  it('answers 502 when the loopback channel refuses connections', async () => {
    const result = await postActivity(bot, notExpecting({ serviceUrl: `${await closedPortUrl()}/` }));
    expect(result.status).toBe(502);
    expect(result.raw).toEqual({ error: UNDELIVERABLE });
  });

  it('tries a failing channel twice, then answers 502 without posting the rest of the turn', async () => {
    channel.behaviour = 'fail';
    const result = await postActivity(bot, notExpecting({ serviceUrl: channel.serviceUrl }));
    expect(result.status).toBe(502);
    // The first reply, tried twice; neither the following replies nor the turn-error message are attempted.
    expect(channel.received).toHaveLength(2);
    expect(channel.received[0].activity).toEqual(channel.received[1].activity);
  });

  it('gives up on a channel that never answers and answers 502', async () => {
    channel.behaviour = 'hang';
    const result = await postActivity(bot, notExpecting({ serviceUrl: channel.serviceUrl }));
    expect(result.status).toBe(502);
    expect(channel.received.length).toBeGreaterThanOrEqual(1);
    expect(channel.received.length).toBeLessThanOrEqual(2);
  });

  it('keeps serving after undeliverable turns', async () => {
    const result = await postActivity(bot, emulatorActivity({ text: 'menu' }));
    expect(result.status).toBe(200);
    expect(suggestedTitles(result.activities)).toEqual(MENU_FR);
  });
});

describe('start-up warning', () => {
  it('warns once when NODE_ENV is production and MicrosoftAppId is empty', async () => {
    const logs = captureLogs();
    const bot = await startBot(loadConfig({ PORT: '0', NODE_ENV: 'production' }), { logger: logs.logger });
    await bot.close();
    const warnings = logs.entries().filter((entry) => entry.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].msg).toMatch(/MicrosoftAppId is empty/);
    expect(warnings[0].host).toBe('127.0.0.1');
  });

  it('does not warn in production with an app id, nor in development without one', async () => {
    for (const env of [
      { NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', HOST: '127.0.0.1' },
      { NODE_ENV: 'development' },
    ]) {
      const logs = captureLogs();
      const bot = await startBot(loadConfig({ PORT: '0', ...env }), { logger: logs.logger });
      await bot.close();
      expect(logs.entries().filter((entry) => entry.level === 40)).toEqual([]);
    }
  });
});
