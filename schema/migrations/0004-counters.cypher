// Counters kept on the nodes by every writer (src/graph/counters.ts), so that top lists, orderings
// and the stats dashboard read an indexed property instead of walking the graph:
// Entity.paperCount (distinct papers linking in any role), Entity.derivativeCount (distinct direct
// children), Entity.descendantCount (distinct descendants up to 10 hops), Paper.introducesCount and
// Paper.introducesRank (a string sorting as: introducesCount descending, lower-case title, id).
// The range indexes serve ORDER BY ... DESC LIMIT n; the per-kind ones the top list of each kind.
CREATE INDEX entity_paper_count IF NOT EXISTS FOR (e:Entity) ON (e.paperCount);
CREATE INDEX entity_derivative_count IF NOT EXISTS FOR (e:Entity) ON (e.derivativeCount);
CREATE INDEX entity_descendant_count IF NOT EXISTS FOR (e:Entity) ON (e.descendantCount);
CREATE INDEX method_paper_count IF NOT EXISTS FOR (e:Method) ON (e.paperCount);
CREATE INDEX model_paper_count IF NOT EXISTS FOR (e:Model) ON (e.paperCount);
CREATE INDEX dataset_paper_count IF NOT EXISTS FOR (e:Dataset) ON (e.paperCount);
CREATE INDEX task_paper_count IF NOT EXISTS FOR (e:Task) ON (e.paperCount);
CREATE INDEX paper_introduces_rank IF NOT EXISTS FOR (p:Paper) ON (p.introducesRank);
// Provenance counts: totals come from the count store, CURATED links (rare) from these indexes,
// EXTRACTED is the difference.
CREATE INDEX introduces_source IF NOT EXISTS FOR ()-[r:INTRODUCES]-() ON (r.source);
CREATE INDEX uses_source IF NOT EXISTS FOR ()-[r:USES]-() ON (r.source);
CREATE INDEX evaluates_on_source IF NOT EXISTS FOR ()-[r:EVALUATES_ON]-() ON (r.source);
CREATE INDEX compares_with_source IF NOT EXISTS FOR ()-[r:COMPARES_WITH]-() ON (r.source);
CREATE INDEX addresses_source IF NOT EXISTS FOR ()-[r:ADDRESSES]-() ON (r.source);
CREATE INDEX extends_source IF NOT EXISTS FOR ()-[r:EXTENDS]-() ON (r.source);
CREATE INDEX variant_of_source IF NOT EXISTS FOR ()-[r:VARIANT_OF]-() ON (r.source);
CREATE INDEX finetuned_from_source IF NOT EXISTS FOR ()-[r:FINETUNED_FROM]-() ON (r.source);
CREATE INDEX distilled_from_source IF NOT EXISTS FOR ()-[r:DISTILLED_FROM]-() ON (r.source);
CREATE INDEX combines_source IF NOT EXISTS FOR ()-[r:COMBINES]-() ON (r.source);
CREATE INDEX inspired_by_source IF NOT EXISTS FOR ()-[r:INSPIRED_BY]-() ON (r.source);
// Backfill of a store written before the counters, in batches so that 1M nodes fit the heap.
MATCH (e:Entity)
CALL (e) {
  SET e.paperCount = COUNT {
      MATCH (p:Paper)-[:INTRODUCES|USES|EVALUATES_ON|COMPARES_WITH|ADDRESSES]->(e) RETURN DISTINCT p
    },
    e.derivativeCount = COUNT {
      MATCH (c:Entity)-[:EXTENDS|VARIANT_OF|FINETUNED_FROM|DISTILLED_FROM|COMBINES|INSPIRED_BY]->(e)
      RETURN DISTINCT c
    },
    e.descendantCount = COUNT {
      MATCH (d:Entity)-[:EXTENDS|VARIANT_OF|FINETUNED_FROM|DISTILLED_FROM|COMBINES|INSPIRED_BY*1..10]->(e)
      WHERE d <> e RETURN DISTINCT d
    }
} IN TRANSACTIONS OF 2000 ROWS;
MATCH (p:Paper)
CALL (p) {
  WITH p, COUNT { (p)-[:INTRODUCES]->(:Entity) } AS n
  SET p.introducesCount = n,
    p.introducesRank = CASE WHEN n > 0
      THEN right('000000000' + toString(1000000000 - n), 10) + toLower(p.title) + '\u0001' + p.id
    END
} IN TRANSACTIONS OF 5000 ROWS;
