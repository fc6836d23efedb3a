import type { Activity, Storage, TurnContext } from 'botbuilder';
import { createBotApp, type BotApp } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import type { WebChatOptions } from '../../bot/directline';
import { createLogger } from '../../bot/logger';
import { createServer, listen } from '../../bot/server';
import type { IntentRecognizer, RecognitionLike } from '../../dialogs/ports';

/**
 * A recogniser that knows "bonjour" and nothing else: the Direct Line tests are about the endpoint, so they do
 * not wait for (or depend on) the real model.
 */
export const stubRecognizer: IntentRecognizer = {
  recognize(text: string): RecognitionLike {
    const normalized = text.toLowerCase().trim();
    const greeting = /^(bonjour|salut|hello)\b/.test(normalized);
    return {
      text,
      normalized,
      intents: { greeting: { score: greeting ? 1 : 0 }, None: { score: greeting ? 0 : 1 } },
      topIntent: greeting ? 'greeting' : 'None',
      score: 1,
      distress: { level: 'none', signals: [], need: 'help' },
      selfHarm: false,
      entities: {},
    };
  },
};

export interface DirectLineServer {
  url: string;
  app: BotApp;
  /** Every activity the bot received, in order. */
  received: Partial<Activity>[];
  close(): Promise<void>;
}

/** A real restify server (same `createServer` as `npm start`) with the stub recogniser and injectable options. */
export async function startDirectLineServer(
  options: { storage?: Storage; env?: Record<string, string>; webChat?: WebChatOptions } = {},
): Promise<DirectLineServer> {
  const config = loadConfig({
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    TOKEN_SIGNING_SECRET: 'test-signing-secret',
    ...options.env,
  });
  const logger = createLogger(config);
  const app = createBotApp(config, logger, {
    recognizer: stubRecognizer,
    normalize: (s) =>
      s
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .trim(),
    storage: options.storage,
  });
  const received: Partial<Activity>[] = [];
  const run = app.bot.run.bind(app.bot);
  app.bot.run = async (context: TurnContext) => {
    received.push({ ...context.activity });
    await run(context);
  };
  const server = createServer(app, logger, config, { streamPollMs: 200, ...options.webChat });
  // Port 0: any free port.
  const running = await listen(server, { ...config, PORT: 0 });
  return { url: running.url, app, received, close: running.close };
}

export interface Session {
  conversationId: string;
  token: string;
  expires_in: number;
  userId: string;
  contextDelivered?: boolean;
}

export interface Json {
  status: number;
  body: Record<string, unknown>;
}

export async function call(
  url: string,
  init: { method?: string; token?: string; body?: unknown; rawBody?: string } = {},
): Promise<Json> {
  const headers: Record<string, string> = {};
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.body !== undefined || init.rawBody !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export async function newSession(server: { url: string }, body: unknown = {}): Promise<Session> {
  const { status, body: session } = await call(`${server.url}/api/webchat/token`, { method: 'POST', body });
  expect(status).toBe(200);
  return session as unknown as Session;
}

/** Token, then `POST /conversations` (the bot welcomes the user): what Web Chat does when it connects. */
export async function startSession(server: { url: string }, body: unknown = {}): Promise<Session> {
  const session = await newSession(server, body);
  const started = await call(`${server.url}/v3/directline/conversations`, {
    method: 'POST',
    token: session.token,
    body: {},
  });
  expect(started.status).toBe(201);
  return session;
}

export interface ActivitySet {
  activities: Activity[];
  watermark: string;
}

export async function getActivities(
  server: { url: string },
  session: Session,
  watermark?: string,
): Promise<ActivitySet> {
  const query = watermark === undefined ? '' : `?watermark=${watermark}`;
  const { status, body } = await call(
    `${server.url}/v3/directline/conversations/${session.conversationId}/activities${query}`,
    { token: session.token },
  );
  expect(status).toBe(200);
  return body as unknown as ActivitySet;
}

let counter = 0;

/** A message as Web Chat posts it. */
export function webChatMessage(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    text,
    textFormat: 'plain',
    locale: 'fr-FR',
    from: { id: 'whoever', name: 'Camille', role: 'user' },
    channelData: { clientActivityID: `client-${++counter}`, clientTimestamp: new Date().toISOString() },
    timestamp: new Date().toISOString(),
    ...extra,
  };
}

export async function postMessage(
  server: { url: string },
  session: Session,
  activity: Record<string, unknown>,
): Promise<Json> {
  return call(`${server.url}/v3/directline/conversations/${session.conversationId}/activities`, {
    method: 'POST',
    token: session.token,
    body: activity,
  });
}

export function texts(activities: Activity[]): string[] {
  return activities.filter((a) => a.type === 'message').map((a) => a.text ?? '');
}
