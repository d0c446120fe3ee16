import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';

import { SearchHitRow, search } from '../graph/search.repository';
import { MAX_PAGE_SIZE, intInRange, textArg } from './args';
import { Context } from './context';
import { detailsAsked } from './selection';
import { SearchHit } from './types/search.type';

const MAX_QUERY_LENGTH = 500;

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'Full-text search over paper titles and abstracts and entity names, aliases and descriptions, ' +
      'best first. The text is taken as plain words: Lucene syntax in it is escaped.',
  })
  search(
    @Arg('query', () => String, { description: `1 to ${MAX_QUERY_LENGTH} characters.` })
    query: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10, description: 'At most 100.' })
    first: number | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SearchHitRow[]> {
    const text = textArg(query, 'query', MAX_QUERY_LENGTH);
    const size = intInRange(first ?? 10, 'first', 1, MAX_PAGE_SIZE);
    return search(ctx.db, text, size, detailsAsked(info));
  }
}
