import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Tokens of the embedded Direct Line endpoint: HS256 JSON Web Tokens granting access to ONE conversation.
 *
 * The JWT shape matters: Web Chat reads the `user` claim of a Direct Line token (without checking the signature)
 * and uses it as the user id, exactly as it does with Azure's tokens. Only the server can check the signature.
 */
const TokenClaimsSchema = z.object({
  /** Conversation the token grants access to. */
  conv: z.string(),
  /** User id the activities posted with this token are attributed to. */
  user: z.string(),
  /** Display name of the user, when the portal gave one. */
  name: z.string().optional(),
  /** Issued at / expires at, in seconds since the epoch. */
  iat: z.number(),
  exp: z.number(),
});

export type TokenClaims = z.infer<typeof TokenClaimsSchema>;

export interface IssuedToken {
  token: string;
  expiresIn: number;
  claims: TokenClaims;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'invalid' | 'expired' };

export interface TokenServiceOptions {
  /** Signing secret; a random one (valid for this process only) when absent. */
  secret?: string;
  /** Lifetime of a token, in seconds. */
  ttlSeconds: number;
  /** Clock in milliseconds, injectable for tests. */
  now?: () => number;
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

export class TokenService {
  private readonly secret: Buffer;
  readonly ttlSeconds: number;
  private readonly now: () => number;

  constructor(options: TokenServiceOptions) {
    this.secret = options.secret ? Buffer.from(options.secret, 'utf8') : randomBytes(32);
    this.ttlSeconds = options.ttlSeconds;
    this.now = options.now ?? Date.now;
  }

  issue(conversationId: string, userId: string, name?: string): IssuedToken {
    const iat = Math.floor(this.now() / 1000);
    const claims: TokenClaims = { conv: conversationId, user: userId, iat, exp: iat + this.ttlSeconds };
    if (name) claims.name = name;
    const body = `${HEADER}.${base64url(JSON.stringify(claims))}`;
    return { token: `${body}.${this.sign(body)}`, expiresIn: this.ttlSeconds, claims };
  }

  /** Checks the signature (always HS256, whatever the header says) and the expiry. */
  verify(token: string | undefined): TokenCheck {
    if (!token) return { ok: false, reason: 'invalid' };
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'invalid' };
    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return { ok: false, reason: 'invalid' };
    }
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    const parsed = TokenClaimsSchema.safeParse(claims);
    if (!parsed.success) return { ok: false, reason: 'invalid' };
    if (parsed.data.exp * 1000 <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, claims: parsed.data };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}
