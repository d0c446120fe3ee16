import { lookupsForId } from './entity-id';
import { graphql } from './graphql-client';
import {
  ENTITY_REF_FIELDS,
  EntityKind,
  EntityRef,
  LineageRelation,
  LINK_ROLES,
  LinkRole,
  PAPER_REF_FIELDS,
  PaperRef,
  Provenance,
} from './types';

/** A paper that mentions the entity in one role, with the sentence that says so. */
export interface EntityPaper extends PaperRef {
  evidence: string | null;
}

export interface EntityPapersPage {
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
  papers: EntityPaper[];
}

export interface DirectEdge {
  relation: LineageRelation;
  evidence: string | null;
  source: Provenance;
  other: EntityRef;
  paper: PaperRef | null;
}

export interface CoUsage {
  count: number;
  entity: EntityRef;
  papers: PaperRef[];
}

export interface EntityDetail extends EntityRef {
  aliases: string[];
  description: string | null;
  paperCount: number;
  derivativeCount: number;
  descendantCount: number;
  papersByRole: Record<LinkRole, EntityPapersPage>;
  parents: DirectEdge[];
  children: DirectEdge[];
  coUsed: CoUsage[];
  /** Datasets only: the models and methods evaluated on it. */
  evaluatedModels: CoUsage[];
}

export const ENTITY_PAPERS_PAGE_SIZE = 10;

const ROLE_ALIAS: Record<LinkRole, string> = {
  INTRODUCES: 'introducedBy',
  USES: 'usedBy',
  EVALUATES_ON: 'evaluatedOnBy',
  COMPARES_WITH: 'comparedWithBy',
  ADDRESSES: 'addressedBy',
};

// The evidence of a paper-entity link lives on the paper's mentions, so each paper brings its
// mentions of that role and the client keeps the one about this entity.
function papersSelection(role: LinkRole, after: boolean): string {
  return `papers(role: ${role}, first: $first${after ? ', after: $after' : ''}) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { ${PAPER_REF_FIELDS} mentions(role: ${role}) { evidence entity { id } } }
  }`;
}

const ENTITY = `
  query ExplorerEntity($name: String!, $kind: EntityKind, $first: Int!) {
    entity(name: $name, kind: $kind) {
      ${ENTITY_REF_FIELDS}
      aliases
      description
      paperCount
      derivativeCount
      descendantCount
      ${LINK_ROLES.map((role) => `${ROLE_ALIAS[role]}: ${papersSelection(role, false)}`).join('\n')}
      derivedFrom {
        relation evidence source
        parent { ${ENTITY_REF_FIELDS} }
        paper { ${PAPER_REF_FIELDS} }
      }
      derivatives {
        relation evidence source
        child { ${ENTITY_REF_FIELDS} }
        paper { ${PAPER_REF_FIELDS} }
      }
      coUsed(first: 12) { count entity { ${ENTITY_REF_FIELDS} } papers { ${PAPER_REF_FIELDS} } }
      ... on Dataset {
        evaluatedModels(first: 10) {
          count
          entity { ${ENTITY_REF_FIELDS} }
          papers { ${PAPER_REF_FIELDS} }
        }
      }
    }
  }`;

const papersPageDocument = (role: LinkRole): string => `
  query ExplorerEntityPapers($name: String!, $kind: EntityKind, $first: Int!, $after: String) {
    entity(name: $name, kind: $kind) { id ${ROLE_ALIAS[role]}: ${papersSelection(role, true)} }
  }`;

interface RawConnection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Array<PaperRef & { mentions: Array<{ evidence: string | null; entity: { id: string } }> }>;
}

interface RawEdge {
  relation: LineageRelation;
  evidence: string | null;
  source: Provenance;
  paper: PaperRef | null;
}

type RawEntity = EntityRef & {
  aliases: string[];
  description: string | null;
  paperCount: number;
  derivativeCount: number;
  descendantCount: number;
  derivedFrom: Array<RawEdge & { parent: EntityRef }>;
  derivatives: Array<RawEdge & { child: EntityRef }>;
  coUsed: CoUsage[];
  evaluatedModels?: CoUsage[];
} & Record<string, unknown>;

function toPage(entityId: string, raw: RawConnection): EntityPapersPage {
  return {
    totalCount: raw.totalCount,
    hasNextPage: raw.pageInfo.hasNextPage,
    endCursor: raw.pageInfo.endCursor,
    papers: raw.nodes.map(({ mentions, ...paper }) => ({
      ...paper,
      evidence: mentions.find((m) => m.entity.id === entityId)?.evidence ?? null,
    })),
  };
}

interface EntityVariables {
  name: string;
  kind: EntityKind | null;
  first: number;
}

/** Null when no entity has this id. */
export async function fetchEntity(id: string, signal?: AbortSignal): Promise<EntityDetail | null> {
  for (const lookup of lookupsForId(id)) {
    const data = await graphql<{ entity: RawEntity | null }, EntityVariables>(
      ENTITY,
      { ...lookup, first: ENTITY_PAPERS_PAGE_SIZE },
      signal,
    );
    const raw = data.entity;
    if (!raw || raw.id !== id) continue;
    const papersByRole = Object.fromEntries(
      LINK_ROLES.map((role) => [role, toPage(raw.id, raw[ROLE_ALIAS[role]] as RawConnection)]),
    ) as Record<LinkRole, EntityPapersPage>;
    return {
      id: raw.id,
      name: raw.name,
      kind: raw.kind,
      aliases: raw.aliases,
      description: raw.description,
      paperCount: raw.paperCount,
      derivativeCount: raw.derivativeCount,
      descendantCount: raw.descendantCount,
      papersByRole,
      parents: raw.derivedFrom.map(({ parent, ...edge }) => ({ ...edge, other: parent })),
      children: raw.derivatives.map(({ child, ...edge }) => ({ ...edge, other: child })),
      coUsed: raw.coUsed,
      evaluatedModels: raw.evaluatedModels ?? [],
    };
  }
  return null;
}

/** The next page of an entity's papers in one role. */
export async function fetchEntityPapers(
  entity: EntityRef,
  role: LinkRole,
  after: string,
  signal?: AbortSignal,
): Promise<EntityPapersPage> {
  const data = await graphql<
    { entity: (Record<string, unknown> & { id: string }) | null },
    EntityVariables & { after: string }
  >(
    papersPageDocument(role),
    { name: entity.name, kind: entity.kind, first: ENTITY_PAPERS_PAGE_SIZE, after },
    signal,
  );
  if (!data.entity) throw new Error(`${entity.name} is no longer in the graph`);
  return toPage(data.entity.id, data.entity[ROLE_ALIAS[role]] as RawConnection);
}
