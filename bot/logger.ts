import { createHash } from 'node:crypto';
import pino, { type Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

/** `pino-pretty` is a development dependency: a production install (`npm ci --omit=dev`) does not have it. */
function prettyAvailable(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/** Structured JSON logs; human-readable lines in development when writing to a terminal (and pino-pretty is there). */
export function createLogger(config: Pick<Config, 'LOG_LEVEL' | 'NODE_ENV'>): Logger {
  const pretty = config.NODE_ENV === 'development' && process.stdout.isTTY === true && prettyAvailable();
  return pino({
    level: config.LOG_LEVEL,
    base: { service: 'relais-inde' },
    redact: { paths: ['text', '*.text', 'req.headers.authorization'], censor: '[redacted]' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } } : {}),
  });
}

/** A stable, non-reversible identifier for a conversation id, safe to write to logs. */
export function hashId(id: string | undefined, salt: string): string {
  if (!id) return 'none';
  return createHash('sha256').update(salt).update(id).digest('hex').slice(0, 16);
}
