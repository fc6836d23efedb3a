/**
 * The last safety net of POST /api/messages: a request still unanswered at the deadline gets a 504 while its turn
 * goes on in the background. Driven through the handler itself with a short deadline (REQUEST_DEADLINE_MS) and a
 * channel that never answers (the turn waits for its reply's delivery).
 */
import type { Request, Response } from 'restify';
import { createBotApp } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { createMessagesHandler, TURN_TIMEOUT } from '../../bot/messages';
import { getRecognizer, normalize } from '../../nlu';
import { startChannelServer } from '../helpers/channelServer';
import { captureLogs } from '../helpers/logCapture';

describe('the request deadline', () => {
  it('is 4.5 s by default, REQUEST_DEADLINE_MS otherwise, between 0.5 and 60 s', () => {
    expect(loadConfig({}).REQUEST_DEADLINE_MS).toBe(4500);
    // A queued turn must give up before the deadline (CONVERSATION_LOCK_WAIT_MS < REQUEST_DEADLINE_MS).
    expect(
      loadConfig({ REQUEST_DEADLINE_MS: '2000', CONVERSATION_LOCK_WAIT_MS: '1000' }).REQUEST_DEADLINE_MS,
    ).toBe(2000);
    expect(() => loadConfig({ REQUEST_DEADLINE_MS: '100' })).toThrow(
      /REQUEST_DEADLINE_MS: expected a number of milliseconds/,
    );
  });

  it('answers 504 when the turn is still running, and the turn then ends on its own', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      REQUEST_DEADLINE_MS: '500',
      CONVERSATION_LOCK_WAIT_MS: '250',
    });
    const logs = captureLogs();
    const logger = logs.logger;
    const app = createBotApp(config, logger, { recognizer: getRecognizer(), normalize });
    const handler = createMessagesHandler(app, config, logger);
    const channel = await startChannelServer('hang');
    try {
      const sent: Array<[number, unknown]> = [];
      const res = {
        send: (status: number, body?: unknown) => sent.push([status, body]),
      } as unknown as Response;
      const req = {
        headers: {},
        body: {
          type: 'message',
          text: 'menu',
          channelId: 'emulator',
          serviceUrl: channel.serviceUrl,
          from: { id: 'user-1' },
          recipient: { id: 'bot' },
          conversation: { id: 'deadline-conversation' },
        },
      } as unknown as Request;
      await handler(req, res);
      expect(sent).toEqual([[504, { error: TURN_TIMEOUT }]]);
      // The turn was waiting for the channel; it ends once its outbound budget is spent (about 3 s).
      const messages = () => logs.entries().map((entry) => entry.msg);
      for (let waited = 0; !messages().includes('turn') && waited < 10000; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(channel.received.length).toBeGreaterThanOrEqual(1);
      expect(messages()).toEqual(
        expect.arrayContaining([
          'turn not finished in time: answered 504',
          'reply not delivered to the channel',
          'turn',
        ]),
      );
    } finally {
      await channel.close();
    }
  });
});
