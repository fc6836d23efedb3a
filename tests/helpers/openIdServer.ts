import { createPrivateKey, generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the Bot Framework's token service, on loopback: an OpenID metadata document and its JWKS (the two
 * documents the SDK fetches to check a channel's token), and RS256 tokens signed with a test key.
 */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface TestKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: { kty: string; n: string; e: string };
}

export function newKey(kid = randomUUID()): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    kid,
    privateKey: createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' })),
    publicJwk: { kty: 'RSA', n: String(jwk.n), e: String(jwk.e) },
  };
}

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

/** A compact JWS (RS256) of `claims`, with `kid` in its header. */
export function signToken(
  key: Pick<TestKey, 'privateKey'>,
  kid: string,
  claims: Record<string, unknown>,
): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const payload = b64url(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), key.privateKey);
  return `${header}.${payload}.${b64url(signature)}`;
}

/** The claims a Bot Framework channel puts in the token it sends the bot, valid for five minutes. */
export function channelClaims(appId: string, serviceUrl: string, now = Math.floor(Date.now() / 1000)) {
  return {
    iss: CHANNEL_ISSUER,
    aud: appId,
    serviceurl: serviceUrl,
    nbf: now - 10,
    iat: now - 10,
    exp: now + 300,
  };
}

export interface OpenIdServer {
  /** The OpenID metadata document's URL (the bot's `BotOpenIdMetadata`). */
  metadataUrl: string;
  /** While true, both documents answer 500. */
  failing: boolean;
  /** Requests received, by path. */
  hits: string[];
  close(): Promise<void>;
}

export async function startOpenIdServer(keys: TestKey[]): Promise<OpenIdServer> {
  const state: { failing: boolean; hits: string[] } = { failing: false, hits: [] };
  let base = '';
  const server: Server = createServer((req, res) => {
    state.hits.push(req.url ?? '');
    if (state.failing) {
      res.statusCode = 500;
      res.end();
      return;
    }
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openidconfiguration') {
      res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/keys` }));
    } else if (req.url === '/keys') {
      res.end(JSON.stringify({ keys: keys.map((k) => ({ ...k.publicJwk, kid: k.kid, use: 'sig' })) }));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/.well-known/openidconfiguration`,
    get failing() {
      return state.failing;
    },
    set failing(value: boolean) {
      state.failing = value;
    },
    hits: state.hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback URL where nothing listens (connection refused). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
