import type { IngestOutcome, IngestSource } from '../ingest/ingest-types.js';

/**
 * What the mail sources need of the ingest: one raw message in, one outcome out, the message
 * stored and its ticket or comment filed in one transaction. The module binds it to the ingest
 * service; the poller depends on this shape only.
 */
export abstract class MailIngestPort {
  abstract ingest(source: IngestSource, raw: Buffer): Promise<IngestOutcome>;
}
