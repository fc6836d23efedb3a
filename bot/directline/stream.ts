import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
// `ws` 8 (a direct dependency; botbuilder keeps its own ws 7 for its streaming transport): Node has no server.
import { WebSocket, WebSocketServer } from 'ws';
import type { Server } from 'restify';
import type { Logger } from '../logger';
import type { DirectLineService } from './service';
import type { TokenService } from './token';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
};

/**
 * The Direct Line WebSocket stream (`streamUrl`): the server pushes `{activities, watermark}` as soon as this
 * process appends to the conversation, and re-reads the storage every `pollMs` to see what other instances
 * appended. The stream's token is the one in its URL (`?t=`); when it expires the stream is closed, and the
 * client reconnects with `GET /conversations/:id` and its refreshed token.
 */
export class StreamHub {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();

  constructor(
    private readonly service: DirectLineService,
    private readonly tokens: TokenService,
    private readonly logger: Logger,
    private readonly pollMs = 1000,
  ) {}

  static path(conversationId: string): string {
    return `/v3/directline/conversations/${encodeURIComponent(conversationId)}/stream`;
  }

  /** Handles an HTTP upgrade if it is for a stream; returns false (and leaves the socket) otherwise. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return false;
    void this.accept(req, socket, head, decodeURIComponent(match[1]), url.searchParams).catch(
      (error: unknown) => {
        this.logger.error({ err: error }, 'direct line stream failed');
        reject(socket, 400);
      },
    );
    return true;
  }

  /** Closes every open stream (at shutdown, so that the HTTP server can close). */
  closeAll(): void {
    for (const socket of this.sockets) socket.terminate();
    this.sockets.clear();
  }

  private async accept(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    conversationId: string,
    params: URLSearchParams,
  ): Promise<void> {
    const token = params.get('t') ?? undefined;
    const check = this.tokens.verify(token);
    if (!check.ok) return reject(socket, token ? (check.reason === 'expired' ? 403 : 401) : 401);
    if (check.claims.conv !== conversationId) return reject(socket, 403);
    const watermark = params.get('watermark') ?? '';
    if (watermark !== '' && !/^\d{1,9}$/.test(watermark)) return reject(socket, 400);
    if (!(await this.service.store.get(conversationId))) return reject(socket, 404);

    // The `upgrade` event types its socket as a Duplex; on an HTTP server it is a net.Socket.
    this.server.handleUpgrade(req, socket as Socket, head, (ws) => {
      this.sockets.add(ws);
      let sent = watermark;
      let busy = false;
      let again = false;
      const flush = async (): Promise<void> => {
        if (busy) {
          again = true;
          return;
        }
        busy = true;
        try {
          do {
            again = false;
            if (!this.tokens.verify(token).ok) {
              ws.close(1000, 'token expired');
              return;
            }
            const set = await this.service.activities(conversationId, sent);
            if (ws.readyState !== WebSocket.OPEN) return;
            if (set.activities.length > 0) ws.send(JSON.stringify(set));
            sent = set.watermark;
          } while (again);
        } catch (error) {
          this.logger.warn({ err: error }, 'direct line stream could not read the conversation');
        } finally {
          busy = false;
        }
      };
      const onAppend = (id: string) => {
        if (id === conversationId) void flush();
      };
      const timer = setInterval(() => void flush(), this.pollMs);
      timer.unref();
      this.service.store.appended.on('append', onAppend);
      ws.on('message', () => {
        /* Clients send empty keep-alive messages; nothing to do. */
      });
      ws.on('close', () => {
        clearInterval(timer);
        this.service.store.appended.off('append', onAppend);
        this.sockets.delete(ws);
      });
      void flush();
    });
  }
}

/** Routes the HTTP server's upgrades to the streams, and ends open streams when the server closes. */
export function attachStreams(server: Server, streams: StreamHub): void {
  server.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    streams.handleUpgrade(req, socket, head);
  });
  // Open streams would keep `server.close()` waiting forever: end them when the server closes.
  const close = server.close.bind(server);
  server.close = ((callback?: () => void) => {
    streams.closeAll();
    return close(callback);
  }) as Server['close'];
}

function reject(socket: Duplex, status: number): void {
  if (socket.destroyed) return;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
  );
}
