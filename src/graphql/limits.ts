import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';

import { RequestLimits } from '../config';

export interface LimitOptions {
  limits: RequestLimits;
  /**
   * Block "Did you mean ...?" suggestions. They reveal field names, so they go whenever
   * introspection is off; otherwise the schema is public anyway and they help.
   */
  blockFieldSuggestions: boolean;
}

/**
 * The checks every operation passes before it executes: tokens while parsing, then GraphQL
 * Armor's nesting depth, estimated cost, aliases and directives. A rejected operation never
 * reaches a resolver or the database; it gets a 400 with a message naming the limit.
 */
export function requestLimits({ limits, blockFieldSuggestions }: LimitOptions): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
} {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    // graphql-js counts tokens itself (parseOptions below) and Apollo answers that with a 400
    // GRAPHQL_PARSE_FAILED; Armor's token plugin throws from a hook and Apollo 5 answers 500.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: blockFieldSuggestions },
  });
  // Only the checks: protect() also returns server options (batching, stack traces) that
  // app.ts sets itself.
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}
