import {
  call,
  type DirectLineServer,
  getActivities,
  newSession,
  postMessage,
  startDirectLineServer,
  startSession,
  texts,
  webChatMessage,
} from './harness';

const DEMO_CONTEXT = { prenom: 'Camille', statut: 'artisan', departement: '14' };

describe('embedded Direct Line 3.0 endpoint', () => {
  let server: DirectLineServer;
  beforeAll(async () => {
    server = await startDirectLineServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('gives the page a token for one new conversation, shaped as Web Chat expects (JWT with a user claim)', async () => {
    const { status, body } = await call(`${server.url}/api/webchat/token`, { method: 'POST', body: {} });
    expect(status).toBe(200);
    expect(body).toMatchObject({ mode: 'embedded', domain: '/v3/directline', expires_in: 1800 });
    expect(typeof body.conversationId).toBe('string');
    const token = String(body.token);
    expect(token.split('.')).toHaveLength(3);
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ conv: body.conversationId, user: body.userId });
    expect(String(body.userId)).toMatch(/^dl_/);
    expect(JSON.stringify(body)).not.toContain('test-signing-secret');
  });

  it('accepts a call without a body, and rejects a malformed token request with 400', async () => {
    expect((await call(`${server.url}/api/webchat/token`, { method: 'POST' })).status).toBe(200);
    for (const body of [{ context: { prenom: 42 } }, { user: { id: 'admin' } }, { user: 'camille' }, []]) {
      const { status, body: answer } = await call(`${server.url}/api/webchat/token`, {
        method: 'POST',
        body,
      });
      expect(status).toBe(400);
      expect(answer).toMatchObject({ error: { code: 'BadArgument' } });
    }
  });

  it('starts the conversation: 201 with conversationId, token, expires_in and a ws:// streamUrl; the bot welcomes the user', async () => {
    const session = await newSession(server);
    const { status, body } = await call(`${server.url}/v3/directline/conversations`, {
      method: 'POST',
      token: session.token,
      body: { user: {}, locale: 'fr-FR' },
    });
    expect(status).toBe(201);
    expect(body.conversationId).toBe(session.conversationId);
    expect(body.token).toBe(session.token);
    expect(body.expires_in).toBeGreaterThan(1700);
    expect(String(body.streamUrl)).toMatch(
      new RegExp(
        `^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${session.conversationId}/stream\\?t=`,
      ),
    );

    const { activities, watermark } = await getActivities(server, session);
    expect(texts(activities).join('\n')).toMatch(/Bonjour/);
    expect(activities.map((a) => a.suggestedActions?.actions.map((x) => x.title)).flat()).toContain(
      'Demander une aide financière',
    );
    for (const activity of activities) {
      expect(activity.from).toEqual({ id: 'bot', name: 'Relais Indé', role: 'bot' });
      expect(activity.conversation?.id).toBe(session.conversationId);
      expect(activity.id).toMatch(new RegExp(`^${session.conversationId}\\|\\d{7}$`));
      expect(activity.timestamp).toBeDefined();
    }
    expect(watermark).toBe(String(activities.length));

    // Connecting again (a second tab, a reload) does not welcome the user twice.
    const again = await call(`${server.url}/v3/directline/conversations`, {
      method: 'POST',
      token: session.token,
    });
    expect(again.status).toBe(200);
    expect((await getActivities(server, session)).activities).toHaveLength(activities.length);
  });

  it('posts a message: echoes it with its clientActivityID, runs the bot, and returns only what follows the watermark', async () => {
    const session = await startSession(server);
    const before = await getActivities(server, session);
    const message = webChatMessage('bonjour', {
      channelData: { clientActivityID: 'abc-123', context: DEMO_CONTEXT },
    });
    const posted = await postMessage(server, session, message);
    expect(posted.status).toBe(200);
    const id = String(posted.body.id);
    expect(id).toMatch(new RegExp(`^${session.conversationId}\\|`));

    const after = await getActivities(server, session, before.watermark);
    expect(after.activities.length).toBeGreaterThanOrEqual(2);
    const [echo, ...replies] = after.activities;
    expect(echo).toMatchObject({
      id,
      type: 'message',
      text: 'bonjour',
      from: { id: session.userId, role: 'user' },
      channelData: { clientActivityID: 'abc-123', context: DEMO_CONTEXT },
    });
    expect(texts(replies).join('\n')).toMatch(/Relais Indé/);
    for (const reply of replies) {
      expect(reply.replyToId).toBe(id);
      expect(reply.from?.id).toBe('bot');
    }
    expect(after.activities.some((a) => a.type === 'trace')).toBe(false);
    expect(Number(after.watermark)).toBe(Number(before.watermark) + after.activities.length);

    const nothingNew = await getActivities(server, session, after.watermark);
    expect(nothingNew).toEqual({ activities: [], watermark: after.watermark });
  });

  it('gives the bot a Bot Framework activity: channel webchat, the token user, bot recipient, serviceUrl, locale', async () => {
    const session = await startSession(server);
    await postMessage(server, session, webChatMessage('menu', { from: { id: 'someone-else' } }));
    const seen = server.received.filter((a) => a.conversation?.id === session.conversationId);
    const message = seen.find((a) => a.type === 'message');
    expect(message).toMatchObject({
      channelId: 'webchat',
      text: 'menu',
      locale: 'fr-FR',
      from: { id: session.userId },
      recipient: { id: 'bot' },
      conversation: { id: session.conversationId },
    });
    expect(typeof message?.serviceUrl).toBe('string');
    expect(typeof message?.id).toBe('string');
    expect(message?.timestamp).toBeDefined();

    // A client cannot pretend to be the Emulator (which would show it the recogniser traces).
    await postMessage(server, session, webChatMessage('menu', { channelId: 'emulator' }));
    await postMessage(server, session, webChatMessage('menu', { channelId: 'directline' }));
    const channels = server.received
      .filter((a) => a.conversation?.id === session.conversationId && a.type === 'message')
      .map((a) => a.channelId);
    expect(channels).toEqual(['webchat', 'webchat', 'directline']);
  });

  it('sends the portal context given with the token to the bot first, as an event named "context"', async () => {
    const session = await startSession(server, { user: { name: 'Camille' }, context: DEMO_CONTEXT });
    expect(session.contextDelivered).toBe(true);
    const seen = server.received.filter((a) => a.conversation?.id === session.conversationId);
    expect(seen.map((a) => a.type)).toEqual(['event', 'conversationUpdate']);
    expect(seen[0]).toMatchObject({
      name: 'context',
      value: DEMO_CONTEXT,
      from: { id: session.userId, name: 'Camille' },
    });
  });

  it('passes a context event posted by Web Chat (store middleware) to the bot', async () => {
    const session = await startSession(server);
    const posted = await postMessage(server, session, {
      type: 'event',
      name: 'context',
      value: DEMO_CONTEXT,
      channelData: { clientActivityID: 'evt-1' },
    });
    expect(posted.status).toBe(200);
    const event = server.received.find(
      (a) => a.conversation?.id === session.conversationId && a.type === 'event',
    );
    expect(event).toMatchObject({ name: 'context', value: DEMO_CONTEXT, channelId: 'webchat' });
  });

  it('answers 401 without a token or with a forged one', async () => {
    const session = await startSession(server);
    const base = `${server.url}/v3/directline/conversations`;
    expect((await call(`${base}/${session.conversationId}/activities`)).status).toBe(401);
    expect((await call(base, { method: 'POST' })).status).toBe(401);
    const [header, payload] = session.token.split('.');
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    forged.exp += 3600;
    const forgedToken = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.AAAA`;
    for (const token of ['garbage', forgedToken, `${session.token}x`]) {
      const { status } = await call(`${base}/${session.conversationId}/activities`, { token });
      expect(status).toBe(401);
    }
    const posted = await call(`${base}/${session.conversationId}/activities`, {
      method: 'POST',
      body: webChatMessage('bonjour'),
    });
    expect(posted.status).toBe(401);
  });

  it('forbids (403) a token to read, post to or reconnect to another conversation', async () => {
    const mine = await startSession(server);
    const theirs = await startSession(server);
    const base = `${server.url}/v3/directline/conversations/${theirs.conversationId}`;
    expect((await call(`${base}/activities`, { token: mine.token })).status).toBe(403);
    expect(
      (await call(`${base}/activities`, { method: 'POST', token: mine.token, body: webChatMessage('x') }))
        .status,
    ).toBe(403);
    expect((await call(`${base}?watermark=`, { token: mine.token })).status).toBe(403);
    // Their conversation is untouched.
    expect(texts((await getActivities(server, theirs)).activities)).not.toContain('x');
  });

  it('rejects malformed activities with 400 and keeps serving the conversation', async () => {
    const session = await startSession(server);
    const url = `${server.url}/v3/directline/conversations/${session.conversationId}/activities`;
    const bad = [
      { rawBody: '{"type": "message", "text": ' },
      { body: [] },
      { body: { text: 'no type' } },
      { body: { type: 'message', text: 42 } },
      { body: { type: 'message', text: 'x', channelData: 'nope' } },
    ];
    for (const init of bad) {
      const { status } = await call(url, { method: 'POST', token: session.token, ...init });
      expect(status).toBe(400);
    }
    expect((await call(`${url}?watermark=abc`, { token: session.token })).status).toBe(400);
    expect((await postMessage(server, session, webChatMessage('bonjour'))).status).toBe(200);
  });

  it('reconnects with GET /conversations/:id?watermark= (new streamUrl carrying the watermark)', async () => {
    const session = await startSession(server);
    const { status, body } = await call(
      `${server.url}/v3/directline/conversations/${session.conversationId}?watermark=2`,
      { token: session.token },
    );
    expect(status).toBe(200);
    expect(body.conversationId).toBe(session.conversationId);
    expect(String(body.streamUrl)).toContain('watermark=2');
  });

  it('answers 404 for a conversation the storage does not know', async () => {
    const unknown = await newSession(server);
    await server.app.storage.delete([`directline-endpoint/conversations/${unknown.conversationId}`]);
    const { status } = await call(`${server.url}/v3/directline/conversations`, {
      method: 'POST',
      token: unknown.token,
    });
    expect(status).toBe(404);
  });

  it('issues a token for a new conversation on POST /v3/directline/tokens/generate', async () => {
    const { status, body } = await call(`${server.url}/v3/directline/tokens/generate`, { method: 'POST' });
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['conversationId', 'expires_in', 'token']);
    const started = await call(`${server.url}/v3/directline/conversations`, {
      method: 'POST',
      token: String(body.token),
    });
    expect(started.status).toBe(201);
  });
});

describe('token lifetime', () => {
  let now = Date.UTC(2025, 0, 1, 9, 0, 0);
  let server: DirectLineServer;
  beforeAll(async () => {
    server = await startDirectLineServer({ webChat: { now: () => now, tokenTtlSeconds: 120 } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('expires: 403 once the TTL has passed, on every route, and the refresh is refused too', async () => {
    const session = await startSession(server);
    expect(session.expires_in).toBe(120);
    now += 119_000;
    expect((await getActivities(server, session)).activities.length).toBeGreaterThan(0);
    now += 2_000;
    const base = `${server.url}/v3/directline/conversations`;
    expect(
      (await call(`${base}/${session.conversationId}/activities`, { token: session.token })).status,
    ).toBe(403);
    expect((await postMessage(server, session, webChatMessage('bonjour'))).status).toBe(403);
    expect((await call(base, { method: 'POST', token: session.token })).status).toBe(403);
    const refresh = await call(`${server.url}/v3/directline/tokens/refresh`, {
      method: 'POST',
      token: session.token,
    });
    expect(refresh.status).toBe(403);
    expect(refresh.body).toMatchObject({ error: { code: 'TokenExpired' } });
  });

  it('refreshes: a new token with a new expiry, for the same conversation and user', async () => {
    const session = await startSession(server);
    now += 100_000;
    const { status, body } = await call(`${server.url}/v3/directline/tokens/refresh`, {
      method: 'POST',
      token: session.token,
    });
    expect(status).toBe(200);
    expect(body.conversationId).toBe(session.conversationId);
    expect(body.expires_in).toBe(120);
    expect(body.token).not.toBe(session.token);
    now += 60_000; // the old token has expired, the new one has not
    const refreshed = { ...session, token: String(body.token) };
    expect(
      (
        await call(`${server.url}/v3/directline/conversations/${session.conversationId}/activities`, {
          token: session.token,
        })
      ).status,
    ).toBe(403);
    const posted = await postMessage(server, refreshed, webChatMessage('bonjour'));
    expect(posted.status).toBe(200);
    const { activities } = await getActivities(server, refreshed);
    expect(activities.find((a) => a.id === posted.body.id)?.from?.id).toBe(session.userId);
  });

  it('answers 401 to a refresh without a token', async () => {
    const { status } = await call(`${server.url}/v3/directline/tokens/refresh`, { method: 'POST' });
    expect(status).toBe(401);
  });
});
