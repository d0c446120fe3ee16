import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';

import { announceReady, serverEnv } from './child';

/**
 * The peer: the Neo4j GraphQL Library (@neo4j/graphql 7) serving the same graph, set up the way
 * its documentation shows (type definitions, a driver, Apollo Server standalone). The type
 * definitions map papergraph's graph as it is stored: one `Entity` type over the :Entity label
 * (kind is a property), one relationship field per mention role with its properties, the two
 * full-text indexes papergraph's migrations create, and three @cypher fields for what the
 * library cannot generate: a one-hop lineage step over the six lineage relationship types, and
 * the paper and descendant counts the stats workload sorts by.
 */

const MENTION_TYPES = 'INTRODUCES|USES|EVALUATES_ON|COMPARES_WITH|ADDRESSES';
const LINEAGE_TYPES = 'EXTENDS|VARIANT_OF|FINETUNED_FROM|DISTILLED_FROM|COMBINES|INSPIRED_BY';

export const TYPE_DEFS = /* GraphQL */ `
  type Paper
    @node(labels: ["Paper"])
    @fulltext(indexes: [{ indexName: "paper_text", queryName: "searchPapers", fields: ["title", "abstract"] }]) {
    id: ID!
    title: String!
    abstract: String
    published: String
    authors: [String!]
    introduces: [Entity!]! @relationship(type: "INTRODUCES", direction: OUT, properties: "Mention")
    uses: [Entity!]! @relationship(type: "USES", direction: OUT, properties: "Mention")
    evaluatesOn: [Entity!]! @relationship(type: "EVALUATES_ON", direction: OUT, properties: "Mention")
    comparesWith: [Entity!]! @relationship(type: "COMPARES_WITH", direction: OUT, properties: "Mention")
    addresses: [Entity!]! @relationship(type: "ADDRESSES", direction: OUT, properties: "Mention")
  }

  type Mention @relationshipProperties {
    evidence: String
    confidence: Float
    source: String
  }

  type Entity
    @node(labels: ["Entity"])
    @fulltext(
      indexes: [{ indexName: "entity_text", queryName: "searchEntities", fields: ["name", "aliasText", "description"] }]
    ) {
    id: ID!
    name: String!
    kind: String!
    aliases: [String!]
    aliasText: String
    description: String
    introducedIn: [Paper!]! @relationship(type: "INTRODUCES", direction: IN, properties: "Mention")
    evaluatedIn: [Paper!]! @relationship(type: "EVALUATES_ON", direction: IN, properties: "Mention")
    derivatives: [Entity!]!
      @cypher(statement: "MATCH (this)<-[:${LINEAGE_TYPES}]-(child:Entity) RETURN child", columnName: "child")
    paperCount: Int!
      @cypher(
        statement: "RETURN COUNT { MATCH (p:Paper)-[:${MENTION_TYPES}]->(this) RETURN DISTINCT p } AS n"
        columnName: "n"
      )
    descendantCount: Int!
      @cypher(
        statement: "RETURN COUNT { MATCH (d:Entity)-[:${LINEAGE_TYPES}*1..10]->(this) WHERE d <> this RETURN DISTINCT d } AS n"
        columnName: "n"
      )
  }
`;

export interface PeerServer {
  url: string;
  close(): Promise<void>;
}

export async function startNeo4jGraphQLServer(options: {
  uri: string;
  user: string;
  password: string;
}): Promise<PeerServer> {
  const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password));
  const neoSchema = new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver });
  const server = new ApolloServer({ schema: await neoSchema.getSchema() });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  return {
    url: url.replace(/\/$/, ''),
    close: async () => {
      await server.stop();
      await driver.close();
    },
  };
}

if (require.main === module) {
  const env = serverEnv();
  startNeo4jGraphQLServer(env).then(
    (server) => announceReady(server.url, () => server.close()),
    (error) => {
      process.stderr.write(`neo4j-graphql: ${(error as Error).stack}\n`);
      process.exit(1);
    },
  );
}
