import http from 'node:http';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import type { ApolloServerPlugin } from '@apollo/server';

export interface DrainOptions {
  httpServer: http.Server;
  /** How long requests in flight may still take once the stop began; then connections are cut. */
  graceMs: number;
  /**
   * How long a connection that has sent nothing yet is kept open after the stop began, in case
   * its request is already on the way (or in the socket, unread). Default 1000.
   */
  lingerMs?: number;
  /** How long to go on accepting connections the kernel already queued. Default 3000. */
  acceptMs?: number;
}

/**
 * Stops the HTTP server gracefully when Apollo stops (SIGTERM): new connections are refused at
 * once, every request already sent on an open connection is answered in full, then the
 * connections close (hard after `graceMs`).
 *
 * Apollo's own drain plugin, like Node's `server.close()`, destroys "idle" connections at once, and
 * Node counts a connection whose request has arrived but not been read yet (the event loop was
 * busy) as idle; closing the listener also resets connections still waiting to be accepted. Under
 * load, requests a client had already sent were reset (ECONNRESET). Here pending connections are
 * accepted first, the listener closes without touching connections, a connection that has not
 * sent its first request yet is kept until it has been answered, and any other is closed only
 * once it has no request in progress after `lingerMs`.
 */
export function drainHttpServerPlugin({
  httpServer,
  graceMs,
  lingerMs = 1_000,
  acceptMs = 3_000,
}: DrainOptions): ApolloServerPlugin {
  const active = new Map<net.Socket, number>();
  // Connections that have not shown a request yet: a client opens one to send a request, which
  // may sit unread in the socket while the event loop is busy. Ending such a socket (with its
  // unread data) resets it, so they are left open until their request is answered (or the grace
  // period ends).
  const fresh = new Set<net.Socket>();
  let stopping = false;
  const endIfIdle = (socket: net.Socket) => {
    if (!active.get(socket) && !fresh.has(socket)) socket.end();
  };
  let accepted = 0;
  httpServer.on('connection', (socket: net.Socket) => {
    accepted += 1;
    active.set(socket, 0);
    fresh.add(socket);
    socket.once('close', () => {
      active.delete(socket);
      fresh.delete(socket);
    });
  });
  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const socket = req.socket;
    fresh.delete(socket);
    active.set(socket, (active.get(socket) ?? 0) + 1);
    // A response sent while stopping tells the client not to reuse the connection.
    if (stopping && !res.headersSent) res.setHeader('connection', 'close');
    res.once('close', () => {
      active.set(socket, Math.max(0, (active.get(socket) ?? 1) - 1));
      if (stopping) endIfIdle(socket);
    });
  });
  return {
    async serverWillStart() {
      return {
        async drainServer() {
          stopping = true;
          // Connections the kernel completed but Node has not accepted yet would be reset by
          // closing the listener. Node takes about one per event-loop turn, and a turn is long
          // when requests keep the loop busy: keep accepting until a turn brings none.
          const acceptUntil = Date.now() + Math.min(acceptMs, graceMs);
          for (let seen = -1; seen !== accepted && Date.now() < acceptUntil;) {
            seen = accepted;
            // Two immediates always span a poll phase, where accepting happens.
            await new Promise((resolve) => setImmediate(resolve));
            await new Promise((resolve) => setImmediate(resolve));
          }
          // net.Server's close, not http.Server's: stop accepting, leave open connections be.
          const closed = new Promise<void>((resolve) =>
            net.Server.prototype.close.call(httpServer, () => resolve()),
          );
          // Idle kept-alive connections may hold a new request not read yet: give them a moment
          // to show it.
          if ([...active].some(([socket, requests]) => requests === 0 && !fresh.has(socket))) {
            await sleep(Math.min(lingerMs, graceMs));
          }
          for (const socket of active.keys()) endIfIdle(socket);
          let timer: NodeJS.Timeout | undefined;
          const cut = new Promise<'cut'>((resolve) => {
            timer = setTimeout(() => resolve('cut'), Math.max(0, graceMs - lingerMs));
          });
          if ((await Promise.race([closed, cut])) === 'cut') {
            for (const socket of active.keys()) socket.destroy();
            await closed;
          }
          clearTimeout(timer);
        },
      };
    },
  };
}
