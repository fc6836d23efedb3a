import { clientAddress } from '../../bot/rateLimit';
import { startDirectLineServer, type DirectLineServer } from './harness';

const token = (server: DirectLineServer, forwardedFor?: string) =>
  fetch(`${server.url}/api/webchat/token`, {
    method: 'POST',
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });

async function statuses(server: DirectLineServer, forwardedFor: string[]): Promise<number[]> {
  const result: number[] = [];
  for (const address of forwardedFor) result.push((await token(server, address)).status);
  return result;
}

describe('rate limit on new Web Chat conversations', () => {
  let server: DirectLineServer;
  beforeAll(async () => {
    server = await startDirectLineServer({ env: { WEBCHAT_TOKEN_RATE_LIMIT: '3' } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers 429 with Retry-After past the limit, and still serves the other routes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await token(server)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await token(server);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('the client address behind a proxy (TRUST_PROXY)', () => {
  const req = (forwardedFor: string | undefined, peer = '10.0.0.9') => ({
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
    socket: { remoteAddress: peer } as never,
  });

  it('is the socket peer without trusted proxies, whatever the header says', () => {
    expect(clientAddress(req('203.0.113.7'), 0)).toBe('10.0.0.9');
    expect(clientAddress(req(undefined), 0)).toBe('10.0.0.9');
  });

  it('is the address the last trusted proxy saw, never an entry the client wrote', () => {
    expect(clientAddress(req('203.0.113.7'), 1)).toBe('203.0.113.7');
    // The client sent "X-Forwarded-For: 1.2.3.4"; the load balancer appended the real address.
    expect(clientAddress(req('1.2.3.4, 203.0.113.7'), 1)).toBe('203.0.113.7');
    // Two proxies: CDN then load balancer (the peer); the CDN appended the client's address.
    expect(clientAddress(req('1.2.3.4, 203.0.113.7, 198.51.100.2'), 2)).toBe('203.0.113.7');
    // Fewer entries than trusted proxies (a request that bypassed one): the leftmost known address.
    expect(clientAddress(req(undefined), 1)).toBe('10.0.0.9');
  });
});

describe('rate limit per client behind one proxy', () => {
  let trusting: DirectLineServer;
  let notTrusting: DirectLineServer;
  beforeAll(async () => {
    [trusting, notTrusting] = await Promise.all([
      startDirectLineServer({ env: { WEBCHAT_TOKEN_RATE_LIMIT: '2', TRUST_PROXY: '1' } }),
      startDirectLineServer({ env: { WEBCHAT_TOKEN_RATE_LIMIT: '2' } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([trusting.close(), notTrusting.close()]);
  });

  it('with TRUST_PROXY=1, counts each client apart and ignores what a client writes in the header', async () => {
    expect(await statuses(trusting, ['203.0.113.1', '203.0.113.1', '203.0.113.1'])).toEqual([200, 200, 429]);
    expect(await statuses(trusting, ['203.0.113.2'])).toEqual([200]);
    expect(await statuses(trusting, ['9.9.9.9, 203.0.113.1', '8.8.8.8, 203.0.113.2'])).toEqual([429, 200]);
  });

  it('without TRUST_PROXY, every request through the proxy is the proxy: one bucket', async () => {
    expect(await statuses(notTrusting, ['203.0.113.1', '203.0.113.2', '203.0.113.3'])).toEqual([
      200, 200, 429,
    ]);
  });
});
