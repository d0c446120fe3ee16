import { Field, ID, ObjectType } from 'type-graphql';

/** Mentions, the entities by role and related papers are field resolvers in paper.resolver.ts. */
@ObjectType('Paper', {
  simpleResolvers: true,
  description: 'A paper and what it says about entities.',
})
export class Paper {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  abstract?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  arxivId?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD) when known.' })
  published?: string | null;

  @Field(() => [String])
  authors!: string[];
}
