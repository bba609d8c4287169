import type { ProtocolLanguage } from './protocol-labels.js';

/** Everything a protocol prints, gathered under the reader's visibility before rendering. */
export interface ProtocolFacts {
  lang: ProtocolLanguage;
  printedAt: Date;
  provider: { name: string; url: string };
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
}
