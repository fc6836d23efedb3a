import { MemoryStorage } from 'botbuilder';
import WebSocket from 'ws';
import {
  call,
  type DirectLineServer,
  getActivities,
  postMessage,
  type Session,
  startDirectLineServer,
  startSession,
  texts,
  webChatMessage,
} from './harness';

interface StreamMessage {
  activities: { id: string; type: string; text?: string; from: { id: string } }[];
  watermark: string;
}

/** Opens a Direct Line stream and collects what it pushes. */
async function openStream(streamUrl: string): Promise<{ messages: StreamMessage[]; socket: WebSocket }> {
  const socket = new WebSocket(streamUrl);
  const messages: StreamMessage[] = [];
  socket.on('message', (data: WebSocket.Data) => {
    if (String(data)) messages.push(JSON.parse(String(data)) as StreamMessage);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { messages, socket };
}

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function streamUrlOf(server: { url: string }, session: Session): Promise<string> {
  const { body } = await call(`${server.url}/v3/directline/conversations`, {
    method: 'POST',
    token: session.token,
  });
  return String(body.streamUrl);
}

describe('two instances behind a load balancer, sharing one storage', () => {
  const storage = new MemoryStorage();
  let a: DirectLineServer;
  let b: DirectLineServer;
  beforeAll(async () => {
    a = await startDirectLineServer({ storage });
    b = await startDirectLineServer({ storage });
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('starts a conversation on A and reads it on B, posts on B and reads on A', async () => {
    const session = await startSession(a);
    const onB = await getActivities(b, session);
    expect(texts(onB.activities).join('\n')).toMatch(/Bonjour/);

    const posted = await postMessage(b, session, webChatMessage('bonjour'));
    expect(posted.status).toBe(200);
    const onA = await getActivities(a, session, onB.watermark);
    expect(onA.activities[0]).toMatchObject({ id: posted.body.id, text: 'bonjour' });
    expect(onA.activities.length).toBeGreaterThan(1);
    expect(onA.activities.slice(1).every((x) => x.from?.id === 'bot')).toBe(true);
  });

  it('keeps every activity when both instances append to the same conversation at once', async () => {
    const session = await startSession(a);
    const start = Number((await getActivities(a, session)).watermark);
    const results = await Promise.all(
      ['un', 'deux', 'trois', 'quatre'].map((text, i) =>
        postMessage(i % 2 === 0 ? a : b, session, webChatMessage(text)),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const { activities } = await getActivities(b, session, String(start));
    const ids = activities.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(texts(activities)).toEqual(expect.arrayContaining(['un', 'deux', 'trois', 'quatre']));
    expect(activities.filter((x) => x.from?.id === 'bot').length).toBeGreaterThanOrEqual(4);
  });

  it('pushes on B the activities posted on A to a stream opened on B', async () => {
    const session = await startSession(a);
    const { messages, socket } = await openStream(await streamUrlOf(b, session));
    try {
      await until(() => messages.length > 0);
      const posted = await postMessage(a, session, webChatMessage('bonjour'));
      await until(() => messages.some((m) => m.activities.some((x) => x.id === posted.body.id)));
    } finally {
      socket.close();
    }
  });

  it('needs the same TOKEN_SIGNING_SECRET on every instance', async () => {
    const other = await startDirectLineServer({ storage, env: { TOKEN_SIGNING_SECRET: 'another-secret' } });
    try {
      const session = await startSession(a);
      const { status } = await call(
        `${other.url}/v3/directline/conversations/${session.conversationId}/activities`,
        { token: session.token },
      );
      expect(status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('WebSocket stream', () => {
  let server: DirectLineServer;
  beforeAll(async () => {
    server = await startDirectLineServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('pushes the welcome, then the echo of each message and the replies, with watermarks', async () => {
    const session = await startSession(server);
    const { messages, socket } = await openStream(await streamUrlOf(server, session));
    try {
      await until(() => messages.length > 0);
      expect(texts(messages[0].activities as never).join('\n')).toMatch(/Bonjour/);
      expect(messages[0].watermark).toBe(String(messages[0].activities.length));

      const posted = await postMessage(server, session, webChatMessage('bonjour'));
      const all = () => messages.flatMap((m) => m.activities);
      await until(() => all().some((x) => x.from.id === 'bot' && x.id > String(posted.body.id)));
      const ids = all().map((x) => x.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(all().find((x) => x.id === posted.body.id)).toMatchObject({ text: 'bonjour' });
    } finally {
      socket.close();
    }
  });

  it('resumes after the watermark given in the stream URL', async () => {
    const session = await startSession(server);
    const { watermark } = await getActivities(server, session);
    const url = (await streamUrlOf(server, session)).replace(/watermark=[^&]*/, `watermark=${watermark}`);
    const { messages, socket } = await openStream(url);
    try {
      await postMessage(server, session, webChatMessage('menu'));
      await until(() => messages.length > 0);
      expect(messages[0].activities[0]).toMatchObject({ text: 'menu' });
    } finally {
      socket.close();
    }
  });

  it('refuses a stream without a valid token (401) or for another conversation (403)', async () => {
    const mine = await startSession(server);
    const theirs = await startSession(server);
    const url = await streamUrlOf(server, theirs);
    const refused = (streamUrl: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(streamUrl);
        socket.on('unexpected-response', (_req, res) => {
          resolve(res.statusCode ?? 0);
          socket.terminate();
        });
        socket.on('open', () => resolve(101));
        socket.on('error', () => undefined);
      });
    expect(await refused(url.replace(/t=[^&]*/, 't=garbage'))).toBe(401);
    expect(await refused(url.replace(/t=[^&]*/, `t=${encodeURIComponent(mine.token)}`))).toBe(403);
  });
});
