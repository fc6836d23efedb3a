import {
  CallerIdConstants,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type Activity,
} from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  type AuthenticateRequestResult,
  type BotFrameworkAuthentication,
} from 'botframework-connector';
import type { Config } from './config';
import type { Logger } from './logger';

/**
 * Authentication of the requests on `POST /api/messages`.
 *
 * With `MicrosoftAppId` empty the SDK accepts every request (anonymous mode, see bot/exposure.ts); with it set, the
 * SDK checks the channel's JWT against the signing keys it fetches from the OpenID metadata document
 * (`BotOpenIdMetadata`, the Bot Framework's public one by default). The SDK throws on every failure; this module
 * sorts them out: a token that is missing or invalid is a 401, keys that cannot be fetched (network, DNS, a metadata
 * server answering an error) a 503 with a generic body, logged once per outage with its cause.
 */
export function createAuthentication(config: Config): BotFrameworkAuthentication {
  const options: Record<string, string> = {
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  };
  if (config.BotOpenIdMetadata) {
    // Once one endpoint is given, the SDK expects them all (ParameterizedBotFrameworkAuthentication): the public
    // cloud's values, with the channel's metadata document replaced.
    Object.assign(options, {
      ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      ToBotFromChannelOpenIdMetadataUrl: config.BotOpenIdMetadata,
      ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
      CallerId: CallerIdConstants.PublicAzureChannel,
    });
  }
  return new ConfigurationBotFrameworkAuthentication(
    options as ConfigurationBotFrameworkAuthenticationOptions,
  );
}

export type AuthOutcome =
  | { ok: true; result: AuthenticateRequestResult }
  | { ok: false; status: 401 | 503; error: string };

export const UNAUTHORIZED = 'Unauthorized: a valid Bot Framework token is required.';
export const AUTH_UNAVAILABLE = 'Authentication is temporarily unavailable. Try again later.';

/** Errors of jsonwebtoken's `verify` (bad signature, audience, expiry…), which the SDK lets through as they are. */
const TOKEN_REJECTIONS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/** True when the error says "this token is not acceptable", as opposed to "the token could not be checked". */
export function isTokenRejection(error: unknown): boolean {
  if (error instanceof AuthenticationError) return error.statusCode === 401;
  return error instanceof Error && TOKEN_REJECTIONS.has(error.name);
}

class AuthTimeoutError extends Error {
  constructor(ms: number) {
    super(`token check took more than ${ms} ms (signing keys not fetched in time)`);
    this.name = 'AuthTimeoutError';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new AuthTimeoutError(ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The short description of a failure written to the logs (the SDK's errors may carry a key or a whole PEM). */
function cause(error: unknown): { name: string; message: string; code?: string } {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message.slice(0, 300),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

export class RequestAuthenticator {
  private outage = false;

  constructor(
    private readonly auth: BotFrameworkAuthentication,
    private readonly logger: Logger,
    /** How long a token check may take (it includes fetching the signing keys when they are not cached). */
    private readonly timeoutMs = 3000,
  ) {}

  async authenticate(activity: Activity, authHeader: string): Promise<AuthOutcome> {
    try {
      const result = await withTimeout(this.auth.authenticateRequest(activity, authHeader), this.timeoutMs);
      if (this.outage) {
        this.outage = false;
        this.logger.info('token signing keys reachable again');
      }
      return { ok: true, result };
    } catch (error) {
      if (isTokenRejection(error)) return { ok: false, status: 401, error: UNAUTHORIZED };
      if (!this.outage) {
        this.outage = true;
        this.logger.error(
          { err: cause(error) },
          'cannot check Bot Framework tokens: signing keys unavailable; answering 503 until they are',
        );
      }
      return { ok: false, status: 503, error: AUTH_UNAVAILABLE };
    }
  }
}
