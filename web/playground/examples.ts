/**
 * The tabs the playground opens with: real operations against schema/schema.graphql, one per use
 * case. test/unit/api/playground-examples.test.ts checks each against the schema built from code,
 * so a renamed field fails a test rather than a visitor.
 */
export interface Example {
  query: string;
  variables?: string;
  headers?: string;
}

const lineage = `# The lineage of BERT: what it derives from and what
# derives from it, three steps out.
# Run: the play button or Ctrl-Enter. Docs: the top icon
# on the left. More examples in the other tabs.
query BertLineage {
  lineage(name: "BERT", direction: BOTH, maxDepth: 3) {
    root { name kind }
    edges {
      child { name }
      relation
      parent { name }
      source
      evidence
      paper { title }
    }
  }
}
`;

const search = `# Full-text search over paper titles, abstracts and entity names, best first.
query Search($text: String!) {
  search(query: $text, first: 10) {
    score
    node {
      __typename
      ... on Paper { id title published }
      ... on Entity { id name kind aliases }
    }
  }
}
`;

const entity = `# One entity by any of its names, with the papers that mention it and what it is used with.
query Entity($name: String!) {
  entity(name: $name) {
    id
    name
    kind
    aliases
    paperCount
    introducedIn { title }
    derivedFrom { relation parent { name } }
    coUsed(first: 5, kind: DATASET) { count entity { name } }
    papers(first: 5) {
      totalCount
      nodes { title published }
      pageInfo { hasNextPage endCursor }
    }
  }
}
`;

const papers = `# Papers that evaluate on a dataset, newest first.
query PapersOnDataset {
  papers(where: { evaluatesOn: "ImageNet" }, orderBy: { field: PUBLISHED, direction: DESC }, first: 10) {
    totalCount
    nodes {
      title
      published
      introduces { name kind }
    }
  }
}
`;

const stats = `# The shape of the whole graph.
query Stats {
  stats(top: 5) {
    papers
    entities
    mentions
    lineageEdges
    entitiesByKind { kind count }
    topModels { count entity { name } }
  }
  serverInfo { papergraph neo4j }
}
`;

const curate = `# Curation needs the API token: set it in the Headers tab below
# ({"Authorization": "Bearer <PAPERGRAPH_API_TOKEN>", "X-Curator": "your name"}).
mutation AddEdge {
  addLineageEdge(child: "RoBERTa", parent: "BERT", relation: EXTENDS, evidence: "RoBERTa is a robustly optimized BERT.") {
    created
    curatedBy
    edge { child { name } relation parent { name } source }
  }
}
`;

export const EXAMPLES: Example[] = [
  { query: lineage },
  { query: search, variables: JSON.stringify({ text: 'masked image modeling' }, null, 2) },
  { query: entity, variables: JSON.stringify({ name: 'ViT' }, null, 2) },
  { query: papers },
  { query: stats },
  {
    query: curate,
    headers: JSON.stringify(
      { Authorization: 'Bearer <PAPERGRAPH_API_TOKEN>', 'X-Curator': 'me' },
      null,
      2,
    ),
  },
];
