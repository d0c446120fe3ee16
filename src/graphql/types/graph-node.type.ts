import { createUnionType } from 'type-graphql';

import { NodeRow, isPaperRow } from '../../graph/rows';
import { Dataset, Method, Model, Task, entityTypeName } from './entity.type';
import { Paper } from './paper.type';

/** Rows are plain objects: a paper has a title, an entity a kind. */
export function graphNodeTypeName(row: NodeRow): string {
  return isPaperRow(row) ? 'Paper' : entityTypeName(row);
}

/** A node of the graph as paths and search return it: a paper or an entity of any kind. */
export const GraphNode = createUnionType({
  name: 'GraphNode',
  description: 'A paper or an entity.',
  types: () => [Paper, Method, Model, Dataset, Task] as const,
  resolveType: (row) => graphNodeTypeName(row as NodeRow),
});
