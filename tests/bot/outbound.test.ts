/**
 * The authentication wrapper of bot/outbound.ts makes the SDK's user-token client only when something uses it
 * (the SDK asks for one at every turn; Relais Indé has no sign-in prompt), and then delegates every call to it.
 */
import {
  type BotFrameworkAuthentication,
  ClaimsIdentity,
  PasswordServiceClientCredentialFactory,
  UserTokenClient,
} from 'botframework-connector';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { BoundedOutboundAuthentication } from '../../bot/outbound';

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
