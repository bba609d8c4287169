import { createContext, useContext, type ReactNode } from 'react';
import type { KbReader } from '@relaydesk/web-kb';

/**
 * Whether the pages read as the signed-in user (/api/v1/kb) or anonymously (/api/v1/public/kb).
 * The same pages serve both; only the endpoints and the vote differ.
 */
const KbReaderContext = createContext<KbReader>('signed-in');

export function KbReaderProvider({ reader, children }: { reader: KbReader; children: ReactNode }) {
  return <KbReaderContext.Provider value={reader}>{children}</KbReaderContext.Provider>;
}

export function useKbReader(): KbReader {
  return useContext(KbReaderContext);
}
