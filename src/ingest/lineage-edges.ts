import { LineageRecord } from '../model';

/**
 * The graph holds one edge per (child, parent, relation); when several papers support it, the
 * curated or most confident statement is kept, first one on ties, so reruns pick the same one.
 * The loader writes exactly these edges, and the dry run shows exactly these.
 */
export function strongestPerEdge(edges: LineageRecord[]): LineageRecord[] {
  const best = new Map<string, LineageRecord>();
  const rank = (e: LineageRecord) => (e.source === 'CURATED' ? 2 : 0) + e.confidence;
  for (const edge of edges) {
    const key = `${edge.relation} ${edge.childId} ${edge.parentId}`;
    const current = best.get(key);
    if (!current || rank(edge) > rank(current)) best.set(key, edge);
  }
  return [...best.values()];
}
