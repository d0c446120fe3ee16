import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';

import { EntityRow } from '../../graph/rows';
import { EntityKind, KIND_LABEL } from '../../model';
import { EntityKindEnum } from './enums';

/** Rows are plain objects, so the concrete type comes from the kind, not from instanceof. */
export function entityTypeName(row: Pick<EntityRow, 'kind'>): string {
  return KIND_LABEL[row.kind];
}

/** Relations (papers, lineage, co-usage) are field resolvers in entity.resolver.ts. */
@InterfaceType('Entity', {
  description: 'A method, model, dataset or task named by papers.',
  resolveType: entityTypeName,
})
export abstract class Entity {
  @Field(() => ID, { description: 'Stable slug of the canonical name ("faster-r-cnn").' })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => EntityKindEnum)
  kind!: EntityKind;

  @Field(() => [String], { description: 'Other spellings; entity(name:) finds the entity by any.' })
  aliases!: string[];

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@ObjectType('Method', {
  simpleResolvers: true,
  implements: Entity,
  description: 'A technique: an objective, architecture or procedure.',
})
export class Method extends Entity {}

@ObjectType('Model', {
  simpleResolvers: true,
  implements: Entity,
  description: 'A trained, named model (BERT, MAE, ...).',
})
export class Model extends Entity {}

@ObjectType('Dataset', {
  simpleResolvers: true,
  implements: Entity,
  description: 'A dataset or benchmark.',
})
export class Dataset extends Entity {}

@ObjectType('Task', {
  simpleResolvers: true,
  implements: Entity,
  description: 'A problem papers address.',
})
export class Task extends Entity {}
