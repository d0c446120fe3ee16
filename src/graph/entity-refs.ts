import { ManagedTransaction } from 'neo4j-driver';

import { aliasKey } from '../ingest/resolve/slug';
import { CurationError } from './curation-error';

/**
 * Curators name entities as they know them: an id ("bert"), the name ("BERT") or any alias
 * ("Bidirectional Encoder Representations from Transformers"). An exact id wins; otherwise the
 * alias key (case, spacing, hyphens and plural ignored) is looked up.
 */

export interface EntityRef {
  id: string;
  name: string;
}

const RESOLVE_CYPHER = `
  UNWIND $refs AS ref
  OPTIONAL MATCH (byId:Entity {id: ref.text})
  OPTIONAL MATCH (:Alias {key: ref.key})-[:ALIAS_OF]->(byAlias:Entity)
  WITH ref, byId, collect(DISTINCT byAlias {.id, .name}) AS byAliases
  RETURN ref.text AS ref,
    CASE WHEN byId IS NULL THEN byAliases ELSE [byId {.id, .name}] END AS matches`;

/**
 * Resolves each `refs[role]` to one entity, or throws one CurationError naming every reference
 * that is unknown or ambiguous (with the role it was given for: "child", "merge[2]").
 */
export async function resolveEntityRefs(
  tx: ManagedTransaction,
  refs: Array<{ role: string; text: string }>,
): Promise<EntityRef[]> {
  const texts = [...new Set(refs.map((r) => r.text))];
  const result = await tx.run(RESOLVE_CYPHER, {
    refs: texts.map((text) => ({ text, key: aliasKey(text) })),
  });
  const matchesOf = new Map<string, EntityRef[]>(
    result.records.map((record) => [
      record.get('ref') as string,
      record.get('matches') as EntityRef[],
    ]),
  );

  const unknown: string[] = [];
  const ambiguous: string[] = [];
  const resolved = refs.map(({ role, text }) => {
    const matches = matchesOf.get(text) ?? [];
    if (matches.length === 0) unknown.push(`${role} '${text}'`);
    if (matches.length > 1) {
      const ids = matches.map((m) => m.id).sort();
      ambiguous.push(`${role} '${text}' (matches ${ids.join(', ')}; give an id)`);
    }
    return matches[0];
  });
  const problems = [
    ...(unknown.length ? [`Unknown entity: ${unknown.join(', ')}`] : []),
    ...(ambiguous.length ? [`Ambiguous entity: ${ambiguous.join(', ')}`] : []),
  ];
  if (problems.length) throw new CurationError(problems.join('. '), { unknown, ambiguous });
  return resolved;
}
