import {
  type AuthenticateRequestResult,
  BotFrameworkAuthentication,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  UserTokenClient,
} from 'botframework-connector';
import type {
  Activity,
  SignInUrlResponse,
  TokenExchangeRequest,
  TokenResponse,
  TokenStatus,
} from 'botbuilder';

/**
 * Bounded outbound calls to a channel (the replies the bot posts to the activity's `serviceUrl`).
 *
 * The SDK's connector client retries a failed call with exponential back-off (about 7 s for an address that
 * refuses connections) and sets no timeout, so a request naming an unreachable `serviceUrl` kept its HTTP request
 * open for seconds. Here every connector client gets one timeout per attempt, a bounded number of attempts, and a
 * budget for all the calls of its turn (a connector client is created for each turn, on its first call to the
 * channel); once a call has failed, the following ones of the same turn fail at once, and the HTTP endpoint answers
 * 502 (`deliveryFailed`).
 */
export interface OutboundLimits {
  /** Timeout of one HTTP attempt, in milliseconds. */
  attemptTimeoutMs: number;
  /** Attempts per call, the first included. */
  attempts: number;
  /** Pause before a retry, in milliseconds. */
  retryDelayMs: number;
  /** Time all the outbound calls of one turn may take together, in milliseconds. */
  turnBudgetMs: number;
}

export const DEFAULT_OUTBOUND_LIMITS: OutboundLimits = {
  attemptTimeoutMs: 1500,
  attempts: 2,
  retryDelayMs: 200,
  turnBudgetMs: 3000,
};

/** The failure of a call to a channel: the reply was not delivered. */
export class UndeliverableReplyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UndeliverableReplyError';
  }
}

/** The parts of @azure/core-rest-pipeline's pipeline the connector client exposes that are used here. */
interface PipelineRequest {
  timeout: number;
}
interface PipelineResponse {
  status: number;
}
interface PipelinePolicy {
  name: string;
  sendRequest(
    request: PipelineRequest,
    next: (request: PipelineRequest) => Promise<PipelineResponse>,
  ): Promise<PipelineResponse>;
}
interface Pipeline {
  removePolicy(options: { name: string }): unknown;
  addPolicy(policy: PipelinePolicy, options?: { phase?: 'Retry' }): void;
}

interface TurnDelivery {
  deadline: number;
  failed: boolean;
}

const deliveries = new WeakMap<object, TurnDelivery>();

/** True when a call of the turn served by this connector client could not be delivered. */
export function deliveryFailed(connectorClient: unknown): boolean {
  return typeof connectorClient === 'object' && connectorClient !== null
    ? (deliveries.get(connectorClient)?.failed ?? false)
    : false;
}

/** 408, 429 and 5xx but 501 and 505 are worth a second try; anything else is the channel's final answer. */
function retryable(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function boundedPolicy(delivery: TurnDelivery, limits: OutboundLimits): PipelinePolicy {
  return {
    name: 'relaisBoundedRetry',
    async sendRequest(request, next) {
      if (delivery.failed)
        throw new UndeliverableReplyError('an earlier reply of this turn was not delivered');
      let lastError: unknown;
      for (let attempt = 1; ; attempt++) {
        const remaining = delivery.deadline - Date.now();
        if (remaining <= 0) {
          delivery.failed = true;
          throw new UndeliverableReplyError('outbound time budget of the turn exhausted', {
            cause: lastError,
          });
        }
        request.timeout = Math.min(limits.attemptTimeoutMs, remaining);
        try {
          const response = await next(request);
          if (!retryable(response.status) || attempt >= limits.attempts) {
            if (response.status >= 400) delivery.failed = true;
            return response;
          }
        } catch (error) {
          if (attempt >= limits.attempts) {
            delivery.failed = true;
            throw new UndeliverableReplyError('the channel could not be reached', { cause: error });
          }
          lastError = error;
        }
        await pause(Math.min(limits.retryDelayMs, Math.max(0, delivery.deadline - Date.now())));
      }
    },
  };
}

/** Replaces the SDK's retry policy of one connector client by the bounded one. */
export function boundConnectorClient(
  client: ConnectorClient,
  limits: OutboundLimits,
  delivery: TurnDelivery = { deadline: Date.now() + limits.turnBudgetMs, failed: false },
): ConnectorClient {
  // `client` is a private field of the SDK's ServiceClientContext (botbuilder-stdlib); a test checks it is there.
  const pipeline = (client as unknown as { client?: { pipeline?: Pipeline } }).client?.pipeline;
  if (!pipeline)
    throw new Error('botframework-connector changed: the connector client has no pipeline to bound');
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  pipeline.addPolicy(boundedPolicy(delivery, limits), { phase: 'Retry' });
  deliveries.set(client, delivery);
  return client;
}

/** The operation groups of a connector client, the only members the SDK uses besides `credentials`. */
type Group = 'conversations' | 'attachments';
type Operations = Record<string, (...args: unknown[]) => Promise<unknown>>;

/** Names of the methods of each operation group, read from the first connector client made (the SDK's classes). */
let groupMethods: Record<Group, string[]> | undefined;

function methodNames(group: object): string[] {
  return Object.getOwnPropertyNames(Object.getPrototypeOf(group)).filter(
    (name) => name !== 'constructor' && typeof (group as Record<string, unknown>)[name] === 'function',
  );
}

/**
 * A connector client that makes the real one on the turn's first call to the channel. The SDK makes a connector
 * client for every turn — an HTTP pipeline of about ten policies, ≈ 5 % of a turn's CPU — but a turn answered with
 * `deliveryMode: "expectReplies"` (the replies come back in the HTTP response) never calls the channel. Every
 * method of `conversations` and `attachments` waits for the real client, then calls it; the turn's delivery
 * record (time budget, failure) is the one the real client is bounded with, so `deliveryFailed` reads the same.
 */
class DeferredConnectorClient {
  private real: Promise<ConnectorClient> | undefined;
  private readonly groups = new Map<Group, Operations>();

  constructor(
    private readonly make: () => Promise<ConnectorClient>,
    private readonly methods: Record<Group, string[]>,
  ) {}

  get conversations(): Operations {
    return this.group('conversations');
  }

  get attachments(): Operations {
    return this.group('attachments');
  }

  private group(name: Group): Operations {
    let operations = this.groups.get(name);
    if (!operations) {
      operations = {};
      for (const method of this.methods[name]) {
        operations[method] = async (...args) => {
          this.real ??= this.make();
          const group = (await this.real)[name] as unknown as Operations;
          return group[method](...args);
        };
      }
      this.groups.set(name, operations);
    }
    return operations;
  }
}

class BoundedConnectorFactory extends ConnectorFactory {
  /**
   * @param defer make each connector client on its first call (not on Teams, where the SDK's `TeamsInfo` reads
   * the client's `credentials` synchronously).
   */
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly limits: OutboundLimits,
    private readonly defer = false,
  ) {
    super();
  }

  async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const delivery: TurnDelivery = { deadline: Date.now() + this.limits.turnBudgetMs, failed: false };
    const make = async () =>
      boundConnectorClient(await this.inner.create(serviceUrl, audience), this.limits, delivery);
    if (!this.defer || !groupMethods) {
      const client = await make();
      groupMethods ??= {
        conversations: methodNames(client.conversations),
        attachments: methodNames(client.attachments),
      };
      return client;
    }
    const deferred = new DeferredConnectorClient(make, groupMethods);
    deliveries.set(deferred, delivery);
    // Not an SDK ConnectorClient: it has the members the SDK's adapter uses on a turn (see the class above).
    return deferred as unknown as ConnectorClient;
  }
}

/**
 * A user-token client made on its first use. The SDK makes one for every turn (for sign-in prompts, which
 * Relais Indé does not use), and making it builds an HTTP pipeline: a few percent of a turn's CPU for nothing.
 */
class LazyUserTokenClient extends UserTokenClient {
  private client: Promise<UserTokenClient> | undefined;

  constructor(private readonly make: () => Promise<UserTokenClient>) {
    super();
  }

  private get real(): Promise<UserTokenClient> {
    this.client ??= this.make();
    return this.client;
  }

  async getUserToken(
    userId: string,
    connectionName: string,
    channelId: string,
    magicCode: string,
  ): Promise<TokenResponse> {
    return (await this.real).getUserToken(userId, connectionName, channelId, magicCode);
  }

  async getSignInResource(
    connectionName: string,
    activity: Activity,
    finalRedirect: string,
  ): Promise<SignInUrlResponse> {
    return (await this.real).getSignInResource(connectionName, activity, finalRedirect);
  }

  async signOutUser(userId: string, connectionName: string, channelId: string): Promise<void> {
    return (await this.real).signOutUser(userId, connectionName, channelId);
  }

  async getTokenStatus(userId: string, channelId: string, includeFilter: string): Promise<TokenStatus[]> {
    return (await this.real).getTokenStatus(userId, channelId, includeFilter);
  }

  async getAadTokens(
    userId: string,
    connectionName: string,
    resourceUrls: string[],
    channelId: string,
  ): Promise<Record<string, TokenResponse>> {
    return (await this.real).getAadTokens(userId, connectionName, resourceUrls, channelId);
  }

  async exchangeToken(
    userId: string,
    connectionName: string,
    channelId: string,
    exchangeRequest: TokenExchangeRequest,
  ): Promise<TokenResponse> {
    return (await this.real).exchangeToken(userId, connectionName, channelId, exchangeRequest);
  }
}

/**
 * The SDK's authentication, unchanged, except that every connector client it makes is bounded and its user-token
 * client is made only when used.
 */
export class BoundedOutboundAuthentication extends BotFrameworkAuthentication {
  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly limits: OutboundLimits = DEFAULT_OUTBOUND_LIMITS,
  ) {
    super();
  }

  private bound(result: AuthenticateRequestResult, defer = false): AuthenticateRequestResult {
    return result.connectorFactory
      ? {
          ...result,
          connectorFactory: new BoundedConnectorFactory(result.connectorFactory, this.limits, defer),
        }
      : result;
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    // Deferred (made on the first call to the channel) except on Teams: see DeferredConnectorClient.
    return this.bound(
      await this.inner.authenticateRequest(activity, authHeader),
      activity.channelId !== 'msteams',
    );
  }

  async authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.bound(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new BoundedConnectorFactory(this.inner.createConnectorFactory(claimsIdentity), this.limits);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return Promise.resolve(new LazyUserTokenClient(() => this.inner.createUserTokenClient(claimsIdentity)));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }
}
