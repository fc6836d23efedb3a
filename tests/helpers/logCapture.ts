import { Writable } from 'node:stream';
import pino from 'pino';
import type { Logger } from '../../bot/logger';

export interface CapturedLogs {
  logger: Logger;
  /** Every line written so far, parsed. */
  entries(): Array<Record<string, unknown> & { level: number; msg: string }>;
}

/** A real pino logger writing JSON lines to memory, to assert on what the bot logs. */
export function captureLogs(level = 'info'): CapturedLogs {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return {
    logger: pino({ level }, sink),
    entries: () =>
      lines.map((line) => JSON.parse(line) as Record<string, unknown> & { level: number; msg: string }),
  };
}
