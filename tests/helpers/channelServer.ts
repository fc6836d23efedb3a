import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake channel answers the bot's replies. */
export type ChannelBehaviour = 'accept' | 'fail' | 'hang';

export interface ChannelServer {
  /** The `serviceUrl` to put on activities (loopback). */
  serviceUrl: string;
  behaviour: ChannelBehaviour;
  /** The activities the bot posted (accepted or not), in order. */
  received: Array<{ path: string; activity: Record<string, unknown> }>;
  close(): Promise<void>;
}

/**
 * A Bot Framework channel on loopback (the Connector API's `POST /v3/conversations/{id}/activities[/{replyTo}]`):
 * it accepts the bot's replies, answers them 500, or never answers.
 */
export async function startChannelServer(behaviour: ChannelBehaviour = 'accept'): Promise<ChannelServer> {
  const state: { behaviour: ChannelBehaviour; received: ChannelServer['received'] } = {
    behaviour,
    received: [],
  };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      let activity: Record<string, unknown> = {};
      try {
        activity = JSON.parse(body) as Record<string, unknown>;
      } catch {
        /* recorded as empty */
      }
      state.received.push({ path: req.url ?? '', activity });
      if (state.behaviour === 'hang') return;
      res.statusCode = state.behaviour === 'accept' ? 200 : 500;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(state.behaviour === 'accept' ? { id: `sent-${state.received.length}` } : {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    get behaviour() {
      return state.behaviour;
    },
    set behaviour(value: ChannelBehaviour) {
      state.behaviour = value;
    },
    received: state.received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
