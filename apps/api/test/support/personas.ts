import type { TestApp } from './test-app';

export const PERSONA_NAMES = [
  'anonymous',
  'clientA',
  'clientB',
  'agent',
  'departmentHead',
  'dispatcher',
  'admin',
] as const;
export type PersonaName = (typeof PERSONA_NAMES)[number];

export interface Persona {
  id: string;
  email: string;
  token: string;
}

export interface World {
  orgA: { id: string };
  orgB: { id: string };
  department: { id: string };
  group: { id: string };
  otherGroup: { id: string };
  clientA: Persona;
  /** A colleague of clientA in org A (no organization-wide visibility). */
  clientA2: Persona;
  clientB: Persona;
  agent: Persona;
  otherAgent: Persona;
  departmentHead: Persona;
  /** A staff member of the head's department. */
  departmentMember: Persona;
  dispatcher: Persona;
  admin: Persona;
}

/**
 * The cast used by the visibility and authorization tests: two client organizations, an agent
 * in a group, a department head with a member, a dispatcher and an admin.
 */
export async function buildWorld(t: TestApp): Promise<World> {
  const f = t.factory;
  const orgA = await f.organization('Org A');
  const orgB = await f.organization('Org B');
  const persona = async (seed: Parameters<typeof f.user>[0]): Promise<Persona> => {
    const u = await f.user(seed);
    return { id: u.id, email: u.email, token: await t.tokenFor(u.id) };
  };
  const departmentHead = await persona({ role: 'agent', name: 'Head' });
  const department = await f.department('Service', departmentHead.id);
  await t.db.query('UPDATE users SET department_id = $1 WHERE id = $2', [
    department.id,
    departmentHead.id,
  ]);
  const departmentMember = await persona({
    role: 'agent',
    departmentId: department.id,
    name: 'Member',
  });
  const agent = await persona({ role: 'agent', name: 'Agent' });
  const otherAgent = await persona({ role: 'agent', name: 'Other agent' });
  const group = await f.group('L1', [agent.id]);
  const otherGroup = await f.group('L2', [otherAgent.id]);
  return {
    orgA,
    orgB,
    department,
    group,
    otherGroup,
    clientA: await persona({ role: 'client', organizationId: orgA.id, name: 'Client A' }),
    clientA2: await persona({ role: 'client', organizationId: orgA.id, name: 'Client A2' }),
    clientB: await persona({ role: 'client', organizationId: orgB.id, name: 'Client B' }),
    agent,
    otherAgent,
    departmentHead,
    departmentMember,
    dispatcher: await persona({ role: 'dispatcher', name: 'Dispatcher' }),
    admin: await persona({ role: 'admin', name: 'Admin' }),
  };
}

export const bearer = (p: { token: string }) => `Bearer ${p.token}`;
