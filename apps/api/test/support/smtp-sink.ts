import { createServer } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The SMTP MAIL FROM (envelope sender), not the From header. */
  envelopeFrom: string;
  rcptTo: string[];
  raw: string;
  parsed: ParsedMail;
}

/** A free TCP port on the loopback (nothing listens on it once this resolves). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A real SMTP server in the test process (smtp-server), no TLS, no auth: what it accepts is
 * parsed with mailparser before it answers 250, so a send that resolved is already in
 * `received`. `reject` answers RCPT TO for an address with the given SMTP reply.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Address → [code, text] given to RCPT TO. */
  readonly reject = new Map<string, [number, string]>();
  /** Time DATA takes, so that concurrent senders overlap. */
  dataDelayMs = 0;
  /** Runs after a message is received, before the 250 that accepts it. */
  beforeAccept: (() => Promise<void>) | null = null;
  private server: SMTPServer | null = null;

  constructor(readonly port: number) {}

  static async start(port?: number): Promise<SmtpSink> {
    const sink = new SmtpSink(port ?? (await freePort()));
    await sink.listen();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      disableReverseLookup: true,
      logger: false,
      closeTimeout: 200,
      onRcptTo: (address, _session, callback) => {
        const refusal = this.reject.get(address.address.toLowerCase());
        if (!refusal) return callback();
        const err = Object.assign(new Error(refusal[1]), { responseCode: refusal[0] });
        callback(err);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          void simpleParser(raw)
            .then(async (parsed) => {
              if (this.dataDelayMs > 0) await new Promise((r) => setTimeout(r, this.dataDelayMs));
              if (this.beforeAccept) await this.beforeAccept();
              this.received.push({
                envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                rcptTo: session.envelope.rcptTo.map((r) => r.address),
                raw,
                parsed,
              });
              callback();
            })
            .catch((e: Error) => callback(e));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Stops listening and drops open connections: an outage, as the sender sees it. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.rcptTo.includes(address));
  }
}
