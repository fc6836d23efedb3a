import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import type { Request, Response, Server } from 'restify';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};
/** Files of `web/` are flat: a name, no folder, no `..`. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9]+)+$/;

/** The first `relative` path that exists walking up from `start` (works from `bot/` and from `dist/bot/`). */
export function findUp(relative: string, start: string = __dirname): string | undefined {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

async function sendFile(res: Response, path: string | undefined, cacheControl: string): Promise<void> {
  const info = path ? await stat(path).catch(() => undefined) : undefined;
  if (!path || !info?.isFile()) {
    res.send(404, { error: 'Not found.' });
    return;
  }
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': cacheControl,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
  });
  await new Promise<void>((done) => {
    const stream = createReadStream(path);
    stream.on('error', () => {
      res.destroy();
      done();
    });
    stream.on('end', () => done());
    stream.pipe(res);
  });
}

export interface StaticOptions {
  /** Folder of the portal page; `web/` of the project by default. */
  webRoot?: string;
  /** The Web Chat UMD bundle; the installed `botframework-webchat` package's by default. */
  webChatBundle?: string;
}

/** `/` → `web/index.html`, `/web/<file>` → `web/<file>`, `/vendor/webchat.js` → Web Chat's bundle. */
export function registerStaticFiles(server: Server, options: StaticOptions = {}): void {
  const webRoot = options.webRoot ?? dirname(findUp('web/index.html') ?? 'web/index.html');
  const bundle = options.webChatBundle ?? findUp('node_modules/botframework-webchat/dist/webchat.js');

  server.get('/', async (_req: Request, res: Response) =>
    sendFile(res, join(webRoot, 'index.html'), 'no-cache'),
  );
  server.get('/web/:file', async (req: Request, res: Response) => {
    const file = String(req.params.file ?? '');
    return sendFile(res, FILE_NAME.test(file) ? join(webRoot, file) : undefined, 'no-cache');
  });
  server.get('/vendor/webchat.js', async (_req: Request, res: Response) =>
    sendFile(res, bundle, 'public, max-age=86400'),
  );
}
