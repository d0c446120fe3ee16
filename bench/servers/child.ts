import fs from 'node:fs';
import { Session } from 'node:inspector';

/**
 * The contract between the query benchmark and each API server it runs as a child process: the
 * database arrives in BENCH_NEO4J_* variables, and the child says it is listening with an IPC
 * message `{ ready: url }` (a line on stdout when run by hand). SIGTERM, or the parent going
 * away, closes it. The parent may ask for a CPU profile of a time window:
 * `{ profile: 'start' }`, then `{ profile: 'stop', file }`, answered by `{ profiled: file }`.
 */

export interface ServerEnv {
  uri: string;
  user: string;
  password: string;
}

export function serverEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const uri = env.BENCH_NEO4J_URI;
  if (!uri) throw new Error('BENCH_NEO4J_URI is not set');
  return { uri, user: env.BENCH_NEO4J_USER ?? 'neo4j', password: env.BENCH_NEO4J_PASSWORD ?? '' };
}

type ProfileMessage = { profile: 'start' } | { profile: 'stop'; file: string };

function handleProfiling(): void {
  let session: Session | undefined;
  process.on('message', (message: ProfileMessage) => {
    if (message?.profile === 'start') {
      session = new Session();
      session.connect();
      session.post('Profiler.enable', () => session!.post('Profiler.start'));
    } else if (message?.profile === 'stop' && session) {
      const s = session;
      session = undefined;
      s.post('Profiler.stop', (error, result) => {
        if (!error) fs.writeFileSync(message.file, JSON.stringify(result.profile));
        s.disconnect();
        process.send?.({ profiled: error ? null : message.file });
      });
    }
  });
}

export function announceReady(url: string, close: () => Promise<void>): void {
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (process.send) {
    handleProfiling();
    process.send({ ready: url });
    process.on('disconnect', stop);
  } else {
    process.stdout.write(`BENCH_SERVER_READY ${url}\n`);
  }
}
