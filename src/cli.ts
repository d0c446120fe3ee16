#!/usr/bin/env node
import 'reflect-metadata';

import fs from 'node:fs';
import path from 'node:path';

import { Command } from 'commander';

import { loadConfig, ROOT } from './config';
import { registerDbCommands } from './cli/db.command';
import { registerIngestCommands } from './cli/ingest.command';
import { registerServeCommand } from './cli/serve.command';

/** `papergraph serve | db start|stop|status|jars | seed | ingest`: one entry point for every task. */
/** A `.env` file in the project root supplies settings the environment does not already set. */
function loadDotEnv(): void {
  const file = path.join(ROOT, '.env');
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

export function buildCli(): Command {
  loadDotEnv();
  const config = loadConfig();
  const program = new Command('papergraph')
    .description(
      'An open knowledge graph of machine-learning papers, methods, models, datasets and tasks.',
    )
    .showHelpAfterError();
  registerServeCommand(program, config);
  registerDbCommands(program, config);
  registerIngestCommands(program, config);
  return program;
}

/** Known failures (a port in use, bad input, a missing tool) print one clear message, not a stack trace. */
export function exitWithError(error: unknown): never {
  const err = error as Error;
  const expected = [
    'AlreadyRunningError',
    'PortInUseError',
    'MissingToolError',
    'EmbeddedStartError',
    'InputError',
    'CommanderError',
    'DatabaseConnectError',
  ];
  if (expected.includes(err?.name) || expected.includes(err?.constructor?.name)) {
    process.stderr.write(`papergraph: ${err.message}\n`);
  } else {
    process.stderr.write(`papergraph: ${err?.stack ?? String(error)}\n`);
  }
  process.exit(1);
}

if (require.main === module) {
  buildCli().parseAsync(process.argv).catch(exitWithError);
}
