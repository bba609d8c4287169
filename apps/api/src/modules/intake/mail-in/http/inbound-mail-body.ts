/** Where an MTA pipes raw mail (POST), relative to the API root. */
export const INBOUND_MAIL_PATH = '/api/v1/inbound-mail';
/** The media types it takes the message as: the bytes as received, nothing decoded. */
export const INBOUND_MAIL_TYPES = ['message/rfc822', 'application/octet-stream'];
/** Larger messages get 413 (the common size limit of mail servers). */
export const INBOUND_MAIL_MAX_BYTES = 25 * 1024 * 1024;
