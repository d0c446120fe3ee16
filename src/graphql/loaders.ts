import DataLoader from 'dataloader';

import { Database } from '../db/database';
import {
  CoUsageRow,
  CoUsedKey,
  EvaluatedKey,
  RelatedKey,
  RelatedPaperRow,
  coUsedEntities,
  evaluatedEntities,
  relatedPapers,
} from '../graph/co-usage.repository';
import { EntityCounts, countsOfEntities } from '../graph/entities.repository';
import { DirectLineage, directLineage } from '../graph/lineage.repository';
import { mentionsOfPapers } from '../graph/mentions.repository';
import {
  EntityPapersKey,
  papersByIds,
  papersIntroducing,
  papersOfEntities,
} from '../graph/papers.repository';
import { MentionRow, Page, PaperRow } from '../graph/rows';

/**
 * Per-request DataLoaders for nested fields: however many papers or entities a response holds, each
 * nested field costs one statement per level, batched by ids (or by argument-carrying keys).
 * Built fresh for each request, so nothing is cached across requests or users.
 */
export interface Loaders {
  papers: DataLoader<string, PaperRow | null>;
  mentions: DataLoader<string, MentionRow[]>;
  introducedIn: DataLoader<string, PaperRow[]>;
  entityPapers: DataLoader<EntityPapersKey, Page<PaperRow>, string>;
  lineage: DataLoader<string, DirectLineage>;
  counts: DataLoader<string, EntityCounts>;
  related: DataLoader<RelatedKey, RelatedPaperRow[], string>;
  coUsed: DataLoader<CoUsedKey, CoUsageRow[], string>;
  evaluated: DataLoader<EvaluatedKey, CoUsageRow[], string>;
}

// Bounds the size of one statement's parameter list; a larger batch becomes several statements.
const MAX_BATCH = 500;

function byIds<V>(load: (ids: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
  return new DataLoader<string, V>(load, { maxBatchSize: MAX_BATCH });
}

function byKeys<K extends object, V>(
  load: (keys: readonly K[]) => Promise<V[]>,
): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(load, {
    maxBatchSize: MAX_BATCH,
    cacheKeyFn: (key) => JSON.stringify(key),
  });
}

export function createLoaders(db: Database): Loaders {
  return {
    papers: byIds((ids) => papersByIds(db, ids)),
    mentions: byIds((ids) => mentionsOfPapers(db, ids)),
    introducedIn: byIds((ids) => papersIntroducing(db, ids)),
    entityPapers: byKeys((keys) => papersOfEntities(db, keys)),
    lineage: byIds((ids) => directLineage(db, ids)),
    counts: byIds((ids) => countsOfEntities(db, ids)),
    related: byKeys((keys) => relatedPapers(db, keys)),
    coUsed: byKeys((keys) => coUsedEntities(db, keys)),
    evaluated: byKeys((keys) => evaluatedEntities(db, keys)),
  };
}
