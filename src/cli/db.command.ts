import { Command } from 'commander';

import { Config } from '../config';
import { embeddedOptions } from '../db/connect';
import { Database } from '../db/database';
import { logFilePath, readRunning, startEmbedded, stopPid } from '../db/embedded-neo4j';
import { ensureJars } from '../db/neo4j-jars';

const say = (line: string) => process.stdout.write(`${line}\n`);

export function registerDbCommands(program: Command, config: Config): void {
  const db = program.command('db').description('Manage the embedded Neo4j (no Docker needed).');

  db.command('start')
    .description(
      'Start the embedded Neo4j in the background (pid and log files beside the data folder).',
    )
    .action(async () => {
      const running = await startEmbedded(embeddedOptions(config, say), 'background');
      say(`Started Neo4j ${running.version} at ${running.uri} (pid ${running.pid}).`);
    });

  db.command('stop')
    .description('Stop the embedded Neo4j cleanly.')
    .action(async () => {
      const running = readRunning(config.embeddedDataDir);
      if (!running) {
        say('The embedded Neo4j is not running.');
        return;
      }
      await stopPid(running.pid);
      say(`Stopped the embedded Neo4j (pid ${running.pid}).`);
    });

  db.command('status')
    .description('Say whether the embedded Neo4j runs and answers; exit code 3 when it does not.')
    .action(async () => {
      const running = readRunning(config.embeddedDataDir);
      if (!running) {
        say(`The embedded Neo4j is not running (data: ${config.embeddedDataDir}).`);
        process.exitCode = 3;
        return;
      }
      const probe = new Database({
        uri: running.uri,
        user: config.neo4jUser,
        password: config.neo4jPassword,
        queryTimeoutMs: 5_000,
      });
      try {
        const version = await probe.serverVersion();
        say(
          `running: Neo4j ${version} at ${running.uri}, pid ${running.pid}, started ${running.startedAt} (${running.mode})`,
        );
        say(`data: ${config.embeddedDataDir}  log: ${logFilePath(config.embeddedDataDir)}`);
      } catch (error) {
        say(
          `pid ${running.pid} is alive but Neo4j does not answer at ${running.uri}: ${(error as Error).message}`,
        );
        process.exitCode = 3;
      } finally {
        await probe.close();
      }
    });

  db.command('jars')
    .description(
      'Resolve the Neo4j jars from Maven Central into the cache (done by the first start anyway).',
    )
    .action(() => {
      const jars = ensureJars(config.rootDir, config.cacheDir, say);
      say(`Neo4j ${jars.version} jars in ${jars.libDir}`);
    });
}
