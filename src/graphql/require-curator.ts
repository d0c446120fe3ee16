import { Context } from './context';
import { forbidden, unauthenticated } from './errors';

/**
 * The gate of every mutation: returns who the write is recorded as made by, or throws. Checked in
 * each resolver before any work, so a refused mutation never touches the database.
 */
export function requireCurator(ctx: Context): string {
  if (!ctx.mutationsEnabled) {
    throw forbidden('Mutations are off on this server: set PAPERGRAPH_API_TOKEN to turn them on.');
  }
  if (!ctx.authorized) {
    throw unauthenticated(
      'This mutation needs a valid token: send the header Authorization: Bearer <PAPERGRAPH_API_TOKEN>.',
    );
  }
  return ctx.curator;
}
