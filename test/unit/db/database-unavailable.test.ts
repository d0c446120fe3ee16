import net from 'node:net';

import { Database, DatabaseUnavailableError } from '../../../src/db/database';

/**
 * A database that accepts connections but never answers the Bolt handshake (a hung or starved
 * JVM) must surface as DatabaseUnavailableError, which the API answers as DATABASE_UNAVAILABLE,
 * not as an unexpected error. The driver reports it as a connection acquisition timeout, with no
 * error code of its own.
 */
describe('a database that accepts connections and never answers', () => {
  let silent: net.Server;
  const sockets = new Set<net.Socket>();
  let db: Database;

  beforeAll(async () => {
    silent = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    db = new Database({
      uri: `bolt://127.0.0.1:${port}`,
      user: 'neo4j',
      password: 'unused',
      queryTimeoutMs: 1_000,
    });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await db.close();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('fails reads and writes with DatabaseUnavailableError', async () => {
    await expect(db.query('RETURN 1')).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(db.write((tx) => tx.run('RETURN 1'))).rejects.toBeInstanceOf(
      DatabaseUnavailableError,
    );
  }, 60_000);
});
