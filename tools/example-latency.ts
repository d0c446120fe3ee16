/**
 * Latency of every worked read query in schema/examples.graphql against a running server (by
 * default `npm start` on the seeded graph): one connection, so each figure is the time of one
 * request alone, not of a queue. Mutations are skipped, since they would change the graph.
 *
 *   npm run examples:latency [-- --url http://localhost:4000/graphql] [--seconds 5]
 *
 * Speed under concurrency, against a floor and a peer, is the benchmark's job (bench/).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import autocannon from 'autocannon';
import { Kind, OperationDefinitionNode, parse } from 'graphql';

const ROOT = path.resolve(__dirname, '../..');

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

async function measure(url: string, body: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: 1,
    duration: seconds,
  });
}

async function main(): Promise<void> {
  const url = option('url', 'http://localhost:4000/graphql');
  const seconds = Number(option('seconds', '5'));
  const document = fs.readFileSync(path.join(ROOT, 'schema/examples.graphql'), 'utf8');
  const operations = parse(document).definitions.filter(
    (node): node is OperationDefinitionNode =>
      node.kind === Kind.OPERATION_DEFINITION && node.operation === 'query' && !!node.name,
  );

  console.log(
    `${url}, one connection, ${seconds} s per query, load average ${os.loadavg()[0].toFixed(2)}`,
  );
  console.log('| query | requests | p50 ms | p97.5 ms | p99 ms | errors |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const operation of operations) {
    const operationName = operation.name!.value;
    const body = JSON.stringify({ query: document, operationName, variables: {} });
    // One checked request first: a benchmark of error answers measures nothing.
    const check = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const answer = (await check.json()) as { errors?: unknown[] };
    if (!check.ok || answer.errors) {
      throw new Error(
        `${operationName} answered ${check.status}: ${JSON.stringify(answer.errors)}`,
      );
    }
    const result = await measure(url, body, seconds);
    const { p50, p97_5, p99 } = result.latency;
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log(
      `| ${operationName} | ${result.requests.total} | ${p50} | ${p97_5} | ${p99} | ${errors} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
