/**
 * Webhooks (issue 15): the event kinds an endpoint subscribes to, as receivers see them in the
 * payload's `type` (Standard Webhooks). They are a stable public contract, so they are named here
 * rather than derived from the internal event names.
 */
export const WEBHOOK_EVENT_KINDS = [
  'ticket.created',
  'ticket.updated',
  'ticket.status_changed',
  'ticket.assigned',
  'comment.added',
  'sla.breached',
  'rating.received',
] as const;
export type WebhookEventKind = (typeof WEBHOOK_EVENT_KINDS)[number];

/** Where one webhook message is: waiting for (another) attempt, answered 2xx, or given up. */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** The prefix of an endpoint's signing secret (Standard Webhooks): `whsec_` + base64. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';
