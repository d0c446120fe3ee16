// Curation writes that touch lineage (addLineageEdge, mergeEntities) first MERGE one
// (:CurationLock {name: 'lineage'}) node and write it, so that they take turns: two concurrent
// edges could otherwise each pass the cycle check and close a cycle together. Only a uniqueness
// constraint makes concurrent MERGEs of a node that does not exist yet wait for each other.
CREATE CONSTRAINT curation_lock_name IF NOT EXISTS FOR (l:CurationLock) REQUIRE l.name IS UNIQUE;
