import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Resolves the Neo4j Community jars from Maven Central into the cache, once. The pom in
 * tools/neo4j is the single place that names the Neo4j version.
 */

export interface JarCache {
  version: string;
  libDir: string;
}

export class MissingToolError extends Error {
  constructor(tool: string, why: string) {
    super(
      `${tool} is needed to run the embedded Neo4j (${why}) but was not found.\n` +
        '  Install Java 17+ and Maven (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless maven),\n' +
        '  or run papergraph with Docker (docker compose up),\n' +
        '  or point it at an existing Neo4j 5: NEO4J_URI=bolt://host:7687 NEO4J_PASSWORD=... npm start',
    );
    this.name = 'MissingToolError';
  }
}

export function launcherDir(rootDir: string): string {
  return path.join(rootDir, 'tools', 'neo4j');
}

export function neo4jVersion(rootDir: string): string {
  const pom = fs.readFileSync(path.join(launcherDir(rootDir), 'pom.xml'), 'utf8');
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom);
  if (!match) throw new Error('tools/neo4j/pom.xml does not define <neo4j.version>');
  return match[1].trim();
}

function hasTool(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return !result.error && result.status === 0;
}

/** Throws a MissingToolError naming what to install when Java is absent. */
export function requireJava(): void {
  if (!hasTool('java', ['-version']))
    throw new MissingToolError('Java', 'the database runs on the JVM');
}

/**
 * Returns the jar folder, resolving it with Maven first when it is not complete. The `.complete`
 * marker is written last, so an interrupted download is redone rather than half-used.
 */
export function ensureJars(
  rootDir: string,
  cacheDir: string,
  log: (line: string) => void = () => undefined,
): JarCache {
  const version = neo4jVersion(rootDir);
  const libDir = path.join(cacheDir, 'neo4j', version, 'lib');
  const marker = path.join(libDir, '.complete');
  if (fs.existsSync(marker)) return { version, libDir };

  requireJava();
  if (!hasTool('mvn', ['-v'])) throw new MissingToolError('Maven', 'it fetches the Neo4j jars');
  log(`Resolving Neo4j ${version} jars from Maven Central into ${libDir} (first start only)...`);
  const staging = `${libDir}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  const result = spawnSync(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      path.join(launcherDir(rootDir), 'pom.xml'),
      'dependency:copy-dependencies',
      `-DoutputDirectory=${staging}`,
      '-DincludeScope=runtime',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' },
  );
  if (result.status !== 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15);
    throw new Error(`Maven could not resolve the Neo4j jars:\n${output.join('\n')}`);
  }
  fs.rmSync(libDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(libDir), { recursive: true });
  fs.renameSync(staging, libDir);
  fs.writeFileSync(marker, new Date().toISOString());
  return { version, libDir };
}
