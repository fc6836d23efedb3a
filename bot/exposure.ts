import type { Activity } from 'botbuilder';
import type { Config } from './config';
import type { Logger } from './logger';

/**
 * Network exposure of the bot. Without `MicrosoftAppId` (anonymous mode) nobody's token is checked, so the bot must
 * not become a relay that posts its replies to whatever `serviceUrl` a request names: it listens on loopback unless
 * `HOST` says otherwise, and it only answers in the HTTP response (`deliveryMode: "expectReplies"`) or to a
 * loopback `serviceUrl`. With `MicrosoftAppId`, the SDK checks that the token's `serviceUrl` claim matches.
 */

/** The interface to listen on: `HOST`, or loopback in anonymous mode and every interface with an app id. */
export function bindHost(config: Pick<Config, 'HOST' | 'MicrosoftAppId'>): string {
  return config.HOST ?? (config.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1');
}

/** localhost, 127.0.0.0/8 and ::1, as the WHATWG URL parser normalises them (`127.1` → `127.0.0.1`). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export interface ReplyTargetProblem {
  status: 400 | 403;
  error: string;
}

export const ANONYMOUS_RELAY_REFUSED =
  'This bot runs without MicrosoftAppId (anonymous mode): it answers only with deliveryMode "expectReplies" ' +
  'or to a loopback serviceUrl (localhost, 127.0.0.0/8, [::1]). Set MicrosoftAppId to serve a Bot Framework channel.';

/**
 * Where the bot would post its replies, checked before the turn runs: `undefined` when acceptable, otherwise the
 * status and a short English reason. `anonymous` is true when no `MicrosoftAppId` is configured.
 */
export function replyTargetProblem(
  activity: Partial<Pick<Activity, 'deliveryMode' | 'serviceUrl'>>,
  anonymous: boolean,
): ReplyTargetProblem | undefined {
  if (activity.deliveryMode === 'expectReplies') return undefined;
  const serviceUrl = activity.serviceUrl;
  if (typeof serviceUrl !== 'string' || serviceUrl.trim() === '') {
    return {
      status: 400,
      error: 'Invalid activity: serviceUrl is required unless deliveryMode is "expectReplies".',
    };
  }
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return { status: 400, error: 'Invalid activity: serviceUrl must be an absolute http(s) URL.' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { status: 400, error: 'Invalid activity: serviceUrl must be an absolute http(s) URL.' };
  }
  if (anonymous && !isLoopbackHost(url.hostname)) return { status: 403, error: ANONYMOUS_RELAY_REFUSED };
  return undefined;
}

/** At start-up: production without an app id is almost always a deployment mistake, so it is said once. */
export function warnAboutExposure(
  config: Pick<Config, 'NODE_ENV' | 'MicrosoftAppId' | 'HOST'>,
  logger: Logger,
): void {
  if (config.NODE_ENV !== 'production' || config.MicrosoftAppId) return;
  logger.warn(
    { host: bindHost(config) },
    'NODE_ENV is production but MicrosoftAppId is empty: requests are not authenticated (anonymous mode); ' +
      'the bot answers only with deliveryMode "expectReplies" or to a loopback serviceUrl',
  );
}
