import { startDirectLineServer, type DirectLineServer } from './harness';

describe('rate limit on new Web Chat conversations', () => {
  let server: DirectLineServer;
  beforeAll(async () => {
    server = await startDirectLineServer({ env: { WEBCHAT_TOKEN_RATE_LIMIT: '3' } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers 429 with Retry-After past the limit, and still serves the other routes', async () => {
    const token = () => fetch(`${server.url}/api/webchat/token`, { method: 'POST' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await token()).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await token();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
