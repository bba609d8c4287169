import type { Response } from 'express';
import type { AuthUser } from '../../../common/auth/auth-user.js';

/** A slow reader that lets this much pile up is dropped; it reconnects with Last-Event-ID. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** Why the server ends a stream: sent as a last `closed` event so the client knows what to do. */
export type CloseReason = 'expired' | 'session_ended' | 'replaced' | 'shutdown';

/**
 * One `text/event-stream` response of one signed-in user, in the SSE wire format.
 *
 * It is registered before it starts: what arrives live while the replay is read is held and
 * written after the replay, and nothing (not even headers) is written until `start`, so a
 * failure while opening can still be answered with a problem+json. The ids it has sent are kept
 * (bounded) so an event that comes both by replay and live reaches the browser once.
 */
export class SseConnection {
  private readonly sentIds = new Set<string>();
  private state: 'pending' | 'open' | 'closed' = 'pending';
  private held: string[] = [];
  private closeListeners: (() => void)[] = [];

  constructor(
    /** Re-read every heartbeat (LiveHub.tick): who the user is now decides what they hear. */
    public user: AuthUser,
    /** When the access token that opened the stream expires (ms since the epoch, by the Clock). */
    readonly expiresAt: number,
    private readonly res: Response,
  ) {
    res.on('close', () => this.markClosed());
  }

  get closed(): boolean {
    return this.state === 'closed';
  }

  onClose(listener: () => void): void {
    if (this.state === 'closed') listener();
    else this.closeListeners.push(listener);
  }

  /** Sends the headers, then what `opening` writes (the replay), then what arrived meanwhile. */
  start(headers: Record<string, string>, opening: () => void): void {
    if (this.state !== 'pending') return;
    this.res.writeHead(200, headers);
    this.state = 'open';
    const held = this.held;
    this.held = [];
    opening();
    for (const frame of held) this.write(frame);
  }

  /** An event; one with an `id` (an event_log id) is sent at most once per connection. */
  send(event: string, data: unknown, id?: string): void {
    if (id !== undefined) {
      if (this.sentIds.has(id)) return;
      this.sentIds.add(id);
      if (this.sentIds.size > 2000) this.sentIds.delete(this.sentIds.values().next().value!);
    }
    const idLine = id !== undefined ? `id: ${id}\n` : '';
    this.write(`${idLine}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /**
   * The client's reconnect delay and where it resumes: a frame with `id:` and no data moves the
   * last event id without dispatching an event (the SSE processing model).
   */
  hint(retryMs: number, id: string): void {
    this.write(`retry: ${retryMs}\nid: ${id}\n\n`);
  }

  /** A comment line: keeps proxies and the browser from taking a quiet stream for a dead one. */
  heartbeat(): void {
    if (this.state === 'open') this.write(': keep-alive\n\n');
  }

  /** Ends the stream, telling the client why (it decides whether and when to come back). */
  close(reason: CloseReason): void {
    if (this.state === 'open') {
      this.write(`event: closed\ndata: ${JSON.stringify({ reason })}\n\n`);
      this.res.end();
    }
    this.markClosed();
  }

  private write(frame: string): void {
    if (this.state === 'pending') {
      this.held.push(frame);
      return;
    }
    if (this.state === 'closed') return;
    if (this.res.writableLength > MAX_BUFFERED_BYTES) {
      this.res.destroy();
      this.markClosed();
      return;
    }
    this.res.write(frame);
  }

  private markClosed(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.held = [];
    const listeners = this.closeListeners;
    this.closeListeners = [];
    for (const l of listeners) l();
  }
}
