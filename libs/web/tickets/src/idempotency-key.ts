import { useCallback, useState } from 'react';
import { ApiError } from '@relaydesk/api-client';

/**
 * A fresh Idempotency-Key. crypto.randomUUID exists only in secure contexts (HTTPS or
 * localhost); an app opened over plain HTTP on an intranet address still needs a key, so a v4
 * UUID is made from getRandomValues there.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The key of one write a form may send again: a double click or a retry after a lost answer
 * reuses it, so the server does the write once. `renew` starts a new one after the write
 * succeeded; `renewIfAnswered` after a failure: when the API answered, nothing was done and the
 * corrected form is a new request; when the answer was lost, the retry must keep the key.
 */
export function useIdempotencyKey() {
  const [key, setKey] = useState(newIdempotencyKey);
  const renew = useCallback(() => setKey(newIdempotencyKey()), []);
  const renewIfAnswered = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) renew();
    },
    [renew],
  );
  return { key, renew, renewIfAnswered };
}
