import { Command } from 'commander';

import { Config } from '../config';
import { seedIfEmpty } from '../ingest/ingest';
import { createLogger } from '../logger';
import { startServer } from '../server';

export function registerServeCommand(program: Command, config: Config): void {
  program
    .command('serve')
    .description('Start the database (embedded unless NEO4J_URI is set) and the API on PORT.')
    .action(async () => {
      const logger = createLogger(config.logLevel);
      const server = await startServer(config, logger, {
        seed: async ({ db }) => {
          if (!config.seedOnStart) return;
          const seeded = await seedIfEmpty(db, config.rootDir);
          if (seeded?.report) {
            const { papers, entities, mentions, lineage } = seeded.report;
            logger.info(
              {
                papers: papers.created,
                entities: entities.created,
                links: mentions.created,
                lineage: lineage.created,
              },
              'The graph was empty: loaded the seed corpus',
            );
          }
        },
      });
      logger.info(`papergraph listening on ${server.url} (GraphQL at ${server.url}/graphql)`);
      let stopping = false;
      const shutdown = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info(`${signal}: draining requests and stopping`);
        try {
          await server.stop();
          logger.info(
            `Stopped: requests drained, Neo4j driver closed${server.connection.embedded?.owned ? ', embedded Neo4j stopped' : ''}`,
          );
          process.exit(0);
        } catch (error) {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        }
      };
      process.on('SIGTERM', () => void shutdown('SIGTERM'));
      process.on('SIGINT', () => void shutdown('SIGINT'));
      // A parent (npm, a shell) that dies without passing the signal on must not leave an orphan
      // server holding the port and the database.
      const parent = process.ppid;
      setInterval(() => {
        if (process.ppid !== parent) void shutdown('parent exited');
      }, 1_000).unref();
    });
}
