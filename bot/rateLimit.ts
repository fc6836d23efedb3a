import type { Next, Request, Response } from 'restify';

export interface RateLimitOptions {
  /** Requests allowed per client in one window. */
  max: number;
  windowMs: number;
  now?: () => number;
}

/**
 * A per-client (IP address) fixed-window limit for routes that create resources, such as the Web Chat token
 * endpoint: past `max` requests in the window, the client gets 429 with `Retry-After` until the window ends.
 */
export function rateLimit(options: RateLimitOptions) {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return (req: Request, res: Response, next: Next): void => {
    const time = now();
    const client = req.socket?.remoteAddress ?? 'unknown';
    let window = windows.get(client);
    if (!window || time - window.start >= options.windowMs) {
      window = { start: time, count: 0 };
      windows.set(client, window);
      // Forget finished windows now and then so the map stays small.
      if (windows.size > 10_000) {
        for (const [key, w] of windows) if (time - w.start >= options.windowMs) windows.delete(key);
      }
    }
    window.count += 1;
    if (window.count > options.max) {
      res.setHeader('Retry-After', String(Math.ceil((window.start + options.windowMs - time) / 1000)));
      res.send(429, { error: { code: 'TooManyRequests', message: 'Too many requests, try again later.' } });
      next(false);
      return;
    }
    next();
  };
}
