import fs from 'node:fs';
import path from 'node:path';

import { Kind, OperationDefinitionNode, parse, validate } from 'graphql';

import { buildPapergraphSchema } from '../../../src/graphql/schema';

const EXAMPLES = path.resolve(__dirname, '../../../schema/examples.graphql');

describe('schema/examples.graphql', () => {
  it('holds only named operations that are valid against the schema', async () => {
    const document = parse(fs.readFileSync(EXAMPLES, 'utf8'));
    const operations = document.definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    expect(operations.length).toBeGreaterThan(10);
    for (const operation of operations) expect(operation.name?.value).toBeTruthy();
    expect(validate(await buildPapergraphSchema(), document).map((e) => e.message)).toEqual([]);
  });

  it('shows every query of the read API', async () => {
    const text = fs.readFileSync(EXAMPLES, 'utf8');
    const queryType = (await buildPapergraphSchema()).getQueryType()!;
    const shown = Object.keys(queryType.getFields()).filter((field) => field !== 'serverInfo');
    for (const field of shown) expect(text).toMatch(new RegExp(`\\b${field}\\(`));
  });
});
