/**
 * Who is acting. Roles are (role, scope) grants so that every module — schools,
 * programmes, and later networks — can add its own roles without changing this shape.
 */
export interface RoleGrant {
  role: string;
  scopeId: string;
  regionId?: string | null;
}

export interface Actor {
  userId: string;
  name: string;
  email: string;
  isPlatformAdmin: boolean;
  grants: RoleGrant[];
}

export type MaybeActor = Actor | null;

export function hasGrant(actor: MaybeActor, role: string, scopeId: string) {
  return !!actor?.grants.some((grant) => grant.role === role && grant.scopeId === scopeId);
}

export function grantsOf(actor: MaybeActor, role: string) {
  return actor?.grants.filter((grant) => grant.role === role) ?? [];
}
