import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { loadConfig } from '../../src/config';
import { startEmbedded } from '../../src/db/embedded-neo4j';

/**
 * The one place tests get their Neo4j from: NEO4J_URI when set, else a testcontainers Neo4j when a
 * Docker engine answers, else the embedded launcher that `npm start` uses. It logs its choice.
 */
export interface TestDatabase {
  kind: 'uri' | 'container' | 'embedded';
  uri: string;
  user: string;
  password: string;
  stop(): Promise<void>;
}

const IMAGE = 'neo4j:5.26-community';

function dockerEngineAnswers(): boolean {
  const result = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 5_000,
    encoding: 'utf8',
  });
  return result.status === 0 && result.stdout.trim() !== '';
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function pickDatabase(): Promise<TestDatabase> {
  const config = loadConfig();
  if (config.neo4jUri) {
    console.log(`[papergraph tests] using NEO4J_URI ${config.neo4jUri}`);
    return {
      kind: 'uri',
      uri: config.neo4jUri,
      user: config.neo4jUser,
      password: config.neo4jPassword,
      stop: async () => undefined,
    };
  }
  const password = 'papergraph-test';
  if (dockerEngineAnswers()) {
    console.log(
      `[papergraph tests] a Docker engine answers: starting ${IMAGE} with testcontainers`,
    );
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    const container = await new Neo4jContainer(IMAGE).withPassword(password).start();
    return {
      kind: 'container',
      uri: container.getBoltUri(),
      user: container.getUsername(),
      password,
      stop: async () => {
        await container.stop();
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-test-neo4j-'));
  console.log(
    `[papergraph tests] no NEO4J_URI and no Docker engine: starting the embedded Neo4j in ${dataDir}`,
  );
  const running = await startEmbedded(
    {
      rootDir: config.rootDir,
      cacheDir: config.cacheDir,
      dataDir: path.join(dataDir, 'neo4j'),
      boltPort: await freePort(),
      password,
      heap: '1g',
      pageCache: '256m',
      startTimeoutMs: config.embeddedStartTimeoutMs,
      log: (line) => console.log(`[papergraph tests] ${line}`),
    },
    'foreground',
  );
  return {
    kind: 'embedded',
    uri: running.uri,
    user: 'neo4j',
    password,
    stop: async () => {
      await running.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
