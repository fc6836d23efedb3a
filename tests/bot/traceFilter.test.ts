import { TestAdapter } from 'botbuilder';
import { TraceFilterMiddleware } from '../../bot/middleware';

/** The safety net: whatever sends a trace, only the Emulator may receive it. */
describe('TraceFilterMiddleware', () => {
  async function repliesOn(channelId: string, deliveryMode?: string): Promise<string[]> {
    let buffered: string[] = [];
    const adapter = new TestAdapter(
      async (context) => {
        await context.sendTraceActivity(
          'RecognizerResult',
          { intent: 'x' },
          'https://www.luis.ai/schemas/trace',
          'Recognizer Trace',
        );
        await context.sendActivity('réponse');
        // With expectReplies the SDK buffers the replies on the context instead of sending them.
        buffered = context.bufferedReplyActivities.map((a) => a.type ?? '');
      },
      { channelId },
    ).use(new TraceFilterMiddleware());
    adapter.enableTrace = true; // TestAdapter drops traces itself unless told not to
    await adapter.receiveActivity({ type: 'message', text: 'bonjour', channelId, deliveryMode });
    return deliveryMode === 'expectReplies' ? buffered : adapter.activeQueue.map((a) => a.type ?? '');
  }

  it.each(['webchat', 'msteams', 'directline', 'test'])('drops traces on %s', async (channel) => {
    expect(await repliesOn(channel)).toEqual(['message']);
    expect(await repliesOn(channel, 'expectReplies')).toEqual(['message']);
  });

  it('keeps them on the emulator', async () => {
    expect(await repliesOn('emulator')).toEqual(['trace', 'message']);
    expect(await repliesOn('emulator', 'expectReplies')).toEqual(['trace', 'message']);
  });
});
