import { createHash } from 'node:crypto';
import pino, { type Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

/** Structured JSON logs; human-readable lines in development when writing to a terminal. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL' | 'NODE_ENV'>): Logger {
  const pretty = config.NODE_ENV === 'development' && process.stdout.isTTY === true;
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
