/** One dispatched Server-Sent Event. */
export interface SseMessage {
  /** The event type (`message` when the frame named none). */
  type: string;
  data: string;
  /** The last event id as of this event ('' when the stream has not given one). */
  lastEventId: string;
}

/**
 * The SSE processing model (HTML Living Standard, "Interpreting an event stream"), fed with
 * text chunks as they arrive: lines end in CRLF, LF or CR; `:` starts a comment; `data` lines
 * join with newlines; an `id:` moves the last event id even on a frame with no data; `retry:`
 * takes digits only; a frame with no data dispatches nothing.
 */
export class SseParser {
  lastEventId = '';
  retryMs: number | null = null;
  private buffer = '';
  private type = '';
  private data: string[] = [];
  private pendingId: string | null = null;

  push(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const out: SseMessage[] = [];
    for (;;) {
      const end = this.buffer.search(/\r\n|\r|\n/);
      // A lone CR at the end may be the first half of CRLF: wait for the next chunk.
      if (end === -1 || (end === this.buffer.length - 1 && this.buffer[end] === '\r')) break;
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + (this.buffer.startsWith('\r\n', end) ? 2 : 1));
      const message = this.line(line);
      if (message) out.push(message);
    }
    return out;
  }

  private line(line: string): SseMessage | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.type = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.pendingId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
    return null;
  }

  private dispatch(): SseMessage | null {
    if (this.pendingId !== null) this.lastEventId = this.pendingId;
    this.pendingId = null;
    const type = this.type || 'message';
    const data = this.data;
    this.type = '';
    this.data = [];
    if (data.length === 0) return null;
    return { type, data: data.join('\n'), lastEventId: this.lastEventId };
  }
}
