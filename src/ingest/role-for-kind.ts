import { EntityKind, LinkRole } from '../model';

/**
 * The role a link can have with an entity of this kind: tasks are only addressed, and only
 * datasets are evaluated on; a role that needs another kind falls back to USES.
 */
export function roleForKind(role: LinkRole, kind: EntityKind): LinkRole {
  if (kind === 'TASK') return 'ADDRESSES';
  if (role === 'ADDRESSES') return 'USES';
  if (role === 'EVALUATES_ON' && kind !== 'DATASET') return 'USES';
  return role;
}
