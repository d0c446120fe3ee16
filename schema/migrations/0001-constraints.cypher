// Ids are the identity of papers and entities: MERGE relies on these constraints (and their
// indexes) to stay idempotent and fast.
CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (p:Paper) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
// Every spelling of an entity (name and aliases, normalized) points at it, so that
// entity(name:) is an index lookup, whatever the case, hyphenation or plural.
CREATE CONSTRAINT alias_key IF NOT EXISTS FOR (a:Alias) REQUIRE a.key IS UNIQUE;
CREATE INDEX entity_kind IF NOT EXISTS FOR (e:Entity) ON (e.kind);
CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
CREATE INDEX paper_title IF NOT EXISTS FOR (p:Paper) ON (p.title);
CREATE INDEX paper_arxiv IF NOT EXISTS FOR (p:Paper) ON (p.arxivId);
