import { TokenService } from '../../bot/directline';
import { AZURE_DIRECT_LINE_DOMAIN, type FetchLike, generateAzureToken } from '../../bot/directline/azure';
import { call, type DirectLineServer, startDirectLineServer } from './harness';

describe('TokenService', () => {
  let now = 1_700_000_000_000;
  const tokens = new TokenService({ secret: 's3cret', ttlSeconds: 60, now: () => now });

  it('round-trips its claims until the token expires', () => {
    const { token, expiresIn } = tokens.issue('conv-1', 'dl_user', 'Camille');
    expect(expiresIn).toBe(60);
    expect(tokens.verify(token)).toEqual({
      ok: true,
      claims: { conv: 'conv-1', user: 'dl_user', name: 'Camille', iat: now / 1000, exp: now / 1000 + 60 },
    });
    now += 60_000;
    expect(tokens.verify(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('rejects tampered, foreign and malformed tokens', () => {
    const { token } = tokens.issue('conv-1', 'dl_user');
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const otherConversation = Buffer.from(JSON.stringify({ ...claims, conv: 'conv-2' })).toString(
      'base64url',
    );
    const foreign = new TokenService({ secret: 'other', ttlSeconds: 60, now: () => now }).issue(
      'conv-1',
      'dl_user',
    );
    for (const bad of [
      `${header}.${otherConversation}.${signature}`,
      foreign.token,
      `eyJhbGciOiJub25lIn0.${payload}.`,
      'a.b',
      '',
      undefined,
    ]) {
      expect(tokens.verify(bad)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('signs with a random per-process secret when none is configured', () => {
    const a = new TokenService({ ttlSeconds: 60 });
    const b = new TokenService({ ttlSeconds: 60 });
    const { token } = a.issue('c', 'u');
    expect(a.verify(token).ok).toBe(true);
    expect(b.verify(token).ok).toBe(false);
  });
});

describe('production mode: DIRECT_LINE_SECRET set', () => {
  let server: DirectLineServer;
  const requests: { url: string; init: RequestInit }[] = [];
  let answer: () => Promise<Response> = async () =>
    new Response(JSON.stringify({ conversationId: 'azure-conv', token: 'azure-token', expires_in: 3600 }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  const fakeFetch: FetchLike = async (url, init) => {
    requests.push({ url, init });
    return answer();
  };

  beforeAll(async () => {
    server = await startDirectLineServer({
      env: { DIRECT_LINE_SECRET: 'the-azure-secret' },
      webChat: { fetch: fakeFetch },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('exchanges the secret with Azure Direct Line server-side and gives the page only the token', async () => {
    const { status, body } = await call(`${server.url}/api/webchat/token`, {
      method: 'POST',
      body: { user: { name: 'Camille' }, context: { prenom: 'Camille' } },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      conversationId: 'azure-conv',
      token: 'azure-token',
      expires_in: 3600,
      mode: 'azure',
      contextDelivered: false,
    });
    expect(body.domain).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain('the-azure-secret');

    expect(requests).toHaveLength(1);
    expect(requests[0].url).toBe(`${AZURE_DIRECT_LINE_DOMAIN}/tokens/generate`);
    expect(requests[0].url).toBe('https://directline.botframework.com/v3/directline/tokens/generate');
    expect(requests[0].init.method).toBe('POST');
    expect((requests[0].init.headers as Record<string, string>).Authorization).toBe(
      'Bearer the-azure-secret',
    );
    const sent = JSON.parse(String(requests[0].init.body));
    expect(sent.user).toEqual({ id: body.userId, name: 'Camille' });
    expect(String(body.userId)).toMatch(/^dl_/);
  });

  it('answers 502 when Azure refuses or cannot be reached', async () => {
    answer = async () => new Response('{"error":{"code":"Forbidden"}}', { status: 403 });
    expect((await call(`${server.url}/api/webchat/token`, { method: 'POST' })).status).toBe(502);
    answer = async () => {
      throw new TypeError('fetch failed');
    };
    const { status, body } = await call(`${server.url}/api/webchat/token`, { method: 'POST' });
    expect(status).toBe(502);
    expect(JSON.stringify(body)).not.toContain('the-azure-secret');
  });

  it('rejects an answer without a token', async () => {
    const empty: FetchLike = async () => new Response('{}', { status: 200 });
    await expect(generateAzureToken('s', { id: 'dl_x' }, empty)).rejects.toThrow(/without a token/);
  });
});

describe('portal page and Web Chat bundle', () => {
  let server: DirectLineServer;
  beforeAll(async () => {
    server = await startDirectLineServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves the page on /, its files on /web/*, and Web Chat on /vendor/webchat.js', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Mes paiements');
    expect(html).toContain('/vendor/webchat.js');

    const app = await fetch(`${server.url}/web/app.js`);
    expect(app.status).toBe(200);
    expect(app.headers.get('content-type')).toMatch(/javascript/);
    expect(await app.text()).toContain("locale: 'fr-FR'");

    const bundle = await fetch(`${server.url}/vendor/webchat.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
  });

  it('serves nothing outside web/', async () => {
    for (const path of ['/web/..%2Fpackage.json', '/web/.env', '/web/nope.js', '/web/%2E%2E%2F.env']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(404);
    }
  });
});
