import { Field, Int, ObjectType } from 'type-graphql';

import { Page } from '../../graph/rows';
import { Entity } from './entity.type';
import { Paper } from './paper.type';

@ObjectType('PageInfo', {
  simpleResolvers: true,
  description: 'Relay page information.',
})
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when the page was asked for after a cursor.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor?: string | null;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor?: string | null;
}

@ObjectType('PaperEdge', {
  simpleResolvers: true,
})
export class PaperEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Paper)
  node!: Paper;
}

@ObjectType('PaperConnection', {
  simpleResolvers: true,
  description: 'A page of papers (Relay connection).',
})
export class PaperConnection {
  @Field(() => [PaperEdge])
  edges!: PaperEdge[];

  @Field(() => [Paper], { description: 'The nodes of `edges`, for clients that need no cursor.' })
  nodes!: Paper[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Items of the whole list, all pages together.' })
  totalCount!: number;
}

@ObjectType('EntityEdge', {
  simpleResolvers: true,
})
export class EntityEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Entity)
  node!: Entity;
}

@ObjectType('EntityConnection', {
  simpleResolvers: true,
  description: 'A page of entities (Relay connection).',
})
export class EntityConnection {
  @Field(() => [EntityEdge])
  edges!: EntityEdge[];

  @Field(() => [Entity], { description: 'The nodes of `edges`, for clients that need no cursor.' })
  nodes!: Entity[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Items of the whole list, all pages together.' })
  totalCount!: number;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

export function toConnection<T>(page: Page<T>, after: string | undefined): Connection<T> {
  return {
    edges: page.items,
    nodes: page.items.map((item) => item.node),
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: after !== undefined,
      startCursor: page.items[0]?.cursor ?? null,
      endCursor: page.items[page.items.length - 1]?.cursor ?? null,
    },
  };
}
