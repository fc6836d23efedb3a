/**
 * The authentication wrapper of bot/outbound.ts makes the SDK's user-token client only when something uses it
 * (the SDK asks for one at every turn; Relais Indé has no sign-in prompt), and then delegates every call to it;
 * likewise the connector client, made on the turn's first call to the channel (never for `expectReplies`).
 */
import {
  type BotFrameworkAuthentication,
  ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  PasswordServiceClientCredentialFactory,
  UserTokenClient,
} from 'botframework-connector';
import { type Activity, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { BoundedOutboundAuthentication, deliveryFailed } from '../../bot/outbound';

describe('the user-token client', () => {
  function counting(): { auth: BotFrameworkAuthentication; made: () => number; calls: string[] } {
    const inner = new ConfigurationBotFrameworkAuthentication(
      {},
      new PasswordServiceClientCredentialFactory('', ''),
    );
    let made = 0;
    const calls: string[] = [];
    const fake = {
      getUserToken: async (userId: string, connectionName: string) => {
        calls.push(`getUserToken ${userId} ${connectionName}`);
        return { channelId: 'test', connectionName, token: 't', expiration: '' };
      },
      signOutUser: async (userId: string) => {
        calls.push(`signOutUser ${userId}`);
      },
    } as unknown as UserTokenClient;
    inner.createUserTokenClient = async () => {
      made++;
      return fake;
    };
    return { auth: new BoundedOutboundAuthentication(inner), made: () => made, calls };
  }

  it('is not made for a turn that does not use it', async () => {
    const { auth, made } = counting();
    const client = await auth.createUserTokenClient(new ClaimsIdentity([], true));
    expect(client).toBeInstanceOf(UserTokenClient);
    expect(made()).toBe(0);
  });

  it('is made once, on first use, and answers as the SDK client does', async () => {
    const { auth, made, calls } = counting();
    const client = await auth.createUserTokenClient(new ClaimsIdentity([], true));
    const token = await client.getUserToken('u1', 'conn', 'test', '');
    await client.signOutUser('u1', 'conn', 'test');
    expect(token.token).toBe('t');
    expect(calls).toEqual(['getUserToken u1 conn', 'signOutUser u1']);
    expect(made()).toBe(1);
  });
});

describe('the connector client', () => {
  class FakeConversations {
    readonly calls: unknown[][] = [];
    async replyToActivity(...args: unknown[]): Promise<{ id: string }> {
      this.calls.push(args);
      return { id: 'reply-1' };
    }
  }
  class FakeAttachments {
    async getAttachmentInfo(): Promise<{ name: string }> {
      return { name: 'a' };
    }
  }
  class CountingFactory extends ConnectorFactory {
    readonly made: Array<{ conversations: FakeConversations }> = [];
    async create(): Promise<ConnectorClient> {
      const client = {
        client: { pipeline: { removePolicy: () => undefined, addPolicy: () => undefined } },
        conversations: new FakeConversations(),
        attachments: new FakeAttachments(),
      };
      this.made.push(client);
      return client as unknown as ConnectorClient;
    }
  }

  function authentication(): { auth: BoundedOutboundAuthentication; factory: CountingFactory } {
    const inner = new ConfigurationBotFrameworkAuthentication(
      {},
      new PasswordServiceClientCredentialFactory('', ''),
    );
    const factory = new CountingFactory();
    inner.authenticateRequest = async () => ({
      claimsIdentity: new ClaimsIdentity([], true),
      audience: 'https://api.botframework.com',
      callerId: '',
      connectorFactory: factory,
    });
    return { auth: new BoundedOutboundAuthentication(inner), factory };
  }

  const activity = (channelId: string) => ({ type: 'message', channelId }) as Activity;

  it('is made when the turn first calls the channel, then answers as the SDK client does', async () => {
    const { auth, factory } = authentication();
    // Teams: made at once (the SDK's TeamsInfo reads the client's credentials synchronously).
    const teams = await auth.authenticateRequest(activity('msteams'), '');
    await teams.connectorFactory?.create('http://127.0.0.1:1', teams.audience);
    expect(factory.made).toHaveLength(1);

    const webchat = await auth.authenticateRequest(activity('webchat'), '');
    const client = await webchat.connectorFactory?.create('http://127.0.0.1:1', webchat.audience);
    expect(factory.made).toHaveLength(1);
    const reply = await client?.conversations.replyToActivity('c1', 'a1', { type: 'message', text: 'x' });
    expect(reply).toEqual({ id: 'reply-1' });
    expect(factory.made).toHaveLength(2);
    expect(factory.made[1].conversations.calls).toEqual([['c1', 'a1', { type: 'message', text: 'x' }]]);
    await client?.conversations.replyToActivity('c1', 'a2', { type: 'message', text: 'y' });
    expect(factory.made).toHaveLength(2);
    expect(await client?.attachments.getAttachmentInfo('att')).toEqual({ name: 'a' });
    expect(deliveryFailed(client)).toBe(false);
  });

  it('is never made for a turn that does not call the channel', async () => {
    const { auth, factory } = authentication();
    await (await auth.authenticateRequest(activity('msteams'), '')).connectorFactory?.create('http://x');
    const made = factory.made.length;
    const webchat = await auth.authenticateRequest(activity('webchat'), '');
    const client = await webchat.connectorFactory?.create('http://127.0.0.1:1', webchat.audience);
    expect(client).toBeDefined();
    expect(factory.made).toHaveLength(made);
  });
});
