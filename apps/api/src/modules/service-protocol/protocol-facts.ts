import type { WorkEntryKind } from '@relaydesk/contracts';
import type { ProtocolLanguage } from './protocol-labels.js';

/** A printed line of work: what is billed (the invoice's view), never the time done. */
export interface ProtocolWorkLine {
  /** YYYY-MM-DD. */
  date: string;
  activity: string | null;
  description: string;
  /** billable or warranty: internal work is never printed. */
  kind: Exclude<WorkEntryKind, 'internal'>;
  /** Billed quantity in `unit`; without an activity, the billed hours. */
  quantity: number;
  /** null: hours (the label of the language). */
  unit: string | null;
  /** Per unit; null without an activity. */
  price: number | null;
  /** 0 for warranty work (no charge). */
  amount: number;
}

/** Everything a protocol prints, gathered under the reader's visibility before rendering. */
export interface ProtocolFacts {
  lang: ProtocolLanguage;
  printedAt: Date;
  /** IANA zone of the installation: every time of day is printed in it. */
  timeZone: string;
  provider: {
    name: string;
    legalName: string;
    address: string;
    taxId: string;
    registrationId: string;
    phone: string;
    email: string;
    url: string;
  };
  /**
   * Prices, line amounts and the total amount: staff's print. A copy stored for the client has
   * none (clients read billed quantities, never prices: docs/work-log.md).
   */
  prices: boolean;
  /** ISO 4217 code beside sums; '' for none. */
  currency: string;
  ticket: {
    number: number;
    subject: string;
    description: string;
    createdAt: string;
    status: string;
    warranty: boolean;
  };
  organization: string | null;
  contact: string | null;
  serviceObject: { name: string; address: string | null } | null;
  equipment: {
    name: string;
    serialNumber: string | null;
    inventoryNumber: string | null;
    warrantyUntil: string | null;
  } | null;
  contract: { number: string; title: string; from: string | null; to: string | null } | null;
  /** Public replies only, oldest first: internal notes never reach a protocol. */
  resolution: { author: string | null; at: string; body: string }[];
  /** Billed work, oldest first (billable and warranty entries; internal ones never). */
  work: ProtocolWorkLine[];
  totals: {
    /** Billed seconds of billable work. */
    billedSeconds: number;
    /** Billed seconds of warranty work (no charge). */
    warrantySeconds: number;
    /** Sum of the billable lines' amounts. */
    amount: number;
  };
}
