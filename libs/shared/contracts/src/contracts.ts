/**
 * Contracts, service objects and equipment (issue 18). A contract's stored status is one of
 * CONTRACT_STORED_STATUSES; `expired` is never stored: a contract that is not a draft reads as
 * expired once its end date has passed (docs/contracts.md).
 */
export const CONTRACT_STATUSES = ['draft', 'active', 'suspended', 'expired'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const CONTRACT_STORED_STATUSES = ['draft', 'active', 'suspended'] as const;
export type ContractStoredStatus = (typeof CONTRACT_STORED_STATUSES)[number];

/** What a prepaid allowance of service hours is counted against. */
export const ALLOWANCE_PERIODS = ['month', 'contract'] as const;
export type AllowancePeriod = (typeof ALLOWANCE_PERIODS)[number];

export const EQUIPMENT_STATUSES = ['in_service', 'under_repair', 'retired'] as const;
export type EquipmentStatus = (typeof EQUIPMENT_STATUSES)[number];

/** Levels of components: an item, its parts, their parts... at most this many in one chain. */
export const EQUIPMENT_MAX_DEPTH = 5;
