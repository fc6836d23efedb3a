/** Production mode: a Direct Line secret of an Azure Bot is exchanged for a short-lived token, server-side. */
export const AZURE_DIRECT_LINE_DOMAIN = 'https://directline.botframework.com/v3/directline';

export interface AzureToken {
  conversationId: string;
  token: string;
  expires_in: number;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export class AzureDirectLineError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AzureDirectLineError';
  }
}

/**
 * `POST /v3/directline/tokens/generate` with `Authorization: Bearer <secret>`: the token grants access to one new
 * conversation, for the given user (Azure embeds the user id in the token, so the browser cannot forge another).
 */
export async function generateAzureToken(
  secret: string,
  user: { id: string; name?: string },
  fetchImpl: FetchLike = fetch,
  timeoutMs = 10_000,
): Promise<AzureToken> {
  let response: Response;
  try {
    response = await fetchImpl(`${AZURE_DIRECT_LINE_DOMAIN}/tokens/generate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new AzureDirectLineError(
      `Direct Line unreachable: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!response.ok) {
    throw new AzureDirectLineError(`Direct Line answered ${response.status}`, response.status);
  }
  const body = (await response.json()) as Partial<AzureToken>;
  if (typeof body.token !== 'string' || typeof body.conversationId !== 'string') {
    throw new AzureDirectLineError('Direct Line answered without a token');
  }
  return {
    conversationId: body.conversationId,
    token: body.token,
    expires_in: typeof body.expires_in === 'number' ? body.expires_in : 3600,
  };
}
