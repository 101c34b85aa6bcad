import { MembershipView } from './territory.operations';

export interface Grouped {
  community: MembershipView['community'];
  roles: MembershipView['role'][];
}

/** One row per community with all of the person's roles in it. */
export function groupMemberships(memberships: MembershipView[]): Grouped[] {
  const byId = new Map<string, Grouped>();
  for (const m of memberships) {
    const g = byId.get(m.community.id) ?? { community: m.community, roles: [] };
    if (!g.roles.includes(m.role)) g.roles.push(m.role);
    byId.set(m.community.id, g);
  }
  return [...byId.values()];
}

