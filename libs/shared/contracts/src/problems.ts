/** `type` URIs of RFC 9457 problem documents; stable, documented, never renamed. */
export const PROBLEM_BASE = 'https://relaydesk.dev/problems/';

export const ProblemType = {
  Validation: `${PROBLEM_BASE}validation`,
  Unauthorized: `${PROBLEM_BASE}unauthorized`,
  Forbidden: `${PROBLEM_BASE}forbidden`,
  NotFound: `${PROBLEM_BASE}not-found`,
  Conflict: `${PROBLEM_BASE}conflict`,
  VersionConflict: `${PROBLEM_BASE}version-conflict`,
  TransitionNotAllowed: `${PROBLEM_BASE}transition-not-allowed`,
  PayloadTooLarge: `${PROBLEM_BASE}payload-too-large`,
  BusinessRule: `${PROBLEM_BASE}business-rule`,
  TooManyRequests: `${PROBLEM_BASE}too-many-requests`,
  UnsupportedMediaType: `${PROBLEM_BASE}unsupported-media-type`,
  Internal: `${PROBLEM_BASE}internal`,
  ServiceUnavailable: `${PROBLEM_BASE}service-unavailable`,
  /** 403: the organization lets only its authorized requesters file (issue 18, CDESK). */
  NotAuthorizedRequester: `${PROBLEM_BASE}not-authorized-requester`,
} as const;

export interface ProblemFieldError {
  field: string;
  message: string;
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: ProblemFieldError[];
  [extension: string]: unknown;
}
