/** What a gateway answered. */
export type SmsResult =
  | { readonly ok: true; readonly providerId: string | null }
  /** `permanent`: retrying cannot help (invalid number, refused); else retried with backoff. */
  | { readonly ok: false; readonly permanent: boolean; readonly error: string };

/**
 * Sends one SMS. Drivers: an HTTP gateway (URL, method, auth header and body template from the
 * environment) and a log driver for development. Never throws: a failure is a result.
 */
export abstract class SmsGateway {
  abstract readonly driver: string;
  abstract send(to: string, text: string): Promise<SmsResult>;
}
