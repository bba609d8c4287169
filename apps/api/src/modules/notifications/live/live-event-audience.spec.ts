import { liveAudience } from './live-event-audience';

describe('liveAudience', () => {
  it('tells clients of what they can see happen', () => {
    expect(liveAudience('ticket.created', {})).toBe('everyone');
    expect(liveAudience('ticket.status_changed', {})).toBe('everyone');
    expect(liveAudience('ticket.comment_added', { internal: false })).toBe('everyone');
    expect(liveAudience('ticket.attachment_added', { internal: false })).toBe('everyone');
    expect(
      liveAudience('ticket.updated', {
        changes: [
          { field: 'dueAt', internal: false },
          { field: 'subject', internal: false },
        ],
      }),
    ).toBe('everyone');
  });

  it('keeps internal work and staff-only fields among staff', () => {
    expect(liveAudience('ticket.comment_added', { internal: true })).toBe('staff');
    expect(liveAudience('ticket.comment_added', {})).toBe('staff');
    expect(liveAudience('ticket.attachment_added', { internal: true })).toBe('staff');
    expect(
      liveAudience('ticket.updated', {
        changes: [
          { field: 'custom:cost', internal: true },
          { field: 'dueAt', internal: false },
          { field: 'projectId', internal: false },
        ],
      }),
    ).toBe('staff');
    expect(liveAudience('ticket.updated', {})).toBe('staff');
    expect(liveAudience('ticket.assigned', {})).toBe('staff');
    expect(liveAudience('ticket.escalated', {})).toBe('staff');
    expect(liveAudience('sla.breached', {})).toBe('staff');
    expect(liveAudience('something.new', {})).toBe('staff');
  });
});
