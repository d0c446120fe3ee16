import { createUnionType } from 'type-graphql';

import { KIND_LABEL } from '../../model';
import { Dataset, Entity, Method, Model, Task } from './entity.type';
import { Paper } from './paper.type';

/** A node of the graph as paths and search return it: a paper or an entity of any kind. */
export const GraphNode = createUnionType({
  name: 'GraphNode',
  description: 'A paper or an entity.',
  types: () => [Paper, Method, Model, Dataset, Task] as const,
  // Rows are plain objects: a paper has a title, an entity a kind.
  resolveType: (row) => ('title' in row ? 'Paper' : KIND_LABEL[(row as Entity).kind]),
});
