/** How a group hands a ticket that arrives without an agent to one of its members. */
export const GROUP_DISTRIBUTIONS = ['manual', 'round_robin', 'least_open'] as const;
export type GroupDistribution = (typeof GROUP_DISTRIBUTIONS)[number];

/** HappyDesk's three support lines: L1 first contact, L2 specialists, L3 engineering. */
export const SUPPORT_LEVELS = [1, 2, 3] as const;
export type SupportLevel = (typeof SUPPORT_LEVELS)[number];
