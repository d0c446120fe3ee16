import http from 'node:http';
import net from 'node:net';

import { drainHttpServerPlugin } from '../../../src/graphql/plugins/drain-http-server';

/**
 * The drain on stop (SIGTERM), over a bare HTTP server whose handler keeps the event loop busy, as
 * GraphQL execution does under load: requests already sent are all answered, even those on
 * connections Node had not accepted or read yet; new connections are refused; a request still
 * running at the end of the grace period is cut. The whole path with a real server and database
 * is test/reliability/shutdown.test.ts.
 */

const BUSY_MS = 60;

async function start(graceMs: number, handlerMs = 150) {
  const server = http.createServer((req, res) => {
    req.resume();
    req.once('end', () => {
      const until = Date.now() + BUSY_MS;
      while (Date.now() < until); // synchronous work: the loop cannot accept or read meanwhile
      setTimeout(() => res.end('{"ok":true}'), handlerMs).unref();
    });
  });
  const plugin = drainHttpServerPlugin({ httpServer: server, graceMs, lingerMs: 300 });
  const hooks = await plugin.serverWillStart!({} as never);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { server, port, drain: () => hooks!.drainServer!() };
}

/** A POST on a connection of its own; resolves with the status or the error code. */
function post(port: number): Promise<number | string> {
  return new Promise((resolve) => {
    const request = http.request(
      { host: '127.0.0.1', port, method: 'POST', agent: false },
      (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
        response.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      },
    );
    request.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    request.end('{}');
  });
}

describe('drainHttpServerPlugin', () => {
  it('answers every request sent before the stop, then refuses new connections', async () => {
    const { port, drain } = await start(10_000);
    const sent = Array.from({ length: 25 }, () => post(port));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const drained = drain();
    const results = await Promise.all(sent);
    expect(results).toEqual(Array(25).fill(200));
    await drained;
    expect(await post(port)).toBe('ECONNREFUSED');
  });

  it('answers a request that arrives on an open connection after the linger', async () => {
    const { port, drain } = await start(10_000, 10);
    const socket = net.connect({ host: '127.0.0.1', port });
    await new Promise((resolve) => socket.once('connect', resolve));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    const closed = new Promise<string>((resolve) => {
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      socket.once('close', () => resolve(answer));
    });
    const drained = drain();
    // Longer than the linger (300 ms): the request a busy server has not read yet, in effect.
    await new Promise((resolve) => setTimeout(resolve, 800));
    socket.write('POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}');
    expect(await closed).toMatch(/^HTTP\/1\.1 200/);
    await drained;
  });

  it('cuts a request still running at the end of the grace period', async () => {
    const { server, port, drain } = await start(500, 60_000);
    const received = new Promise((resolve) => server.once('request', resolve));
    const agent = new http.Agent({ keepAlive: true });
    const slow = new Promise<number | string>((resolve) => {
      const request = http.request(
        { host: '127.0.0.1', port, method: 'POST', agent },
        (response) => {
          response.resume();
          response.once('end', () => resolve(response.statusCode ?? 0));
        },
      );
      request.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      request.end('{}');
    });
    await received;
    // The handler would answer after a minute: only the cut at the end of the grace ends it now.
    await drain();
    expect(await slow).toBe('ECONNRESET');
    agent.destroy();
  });
});
