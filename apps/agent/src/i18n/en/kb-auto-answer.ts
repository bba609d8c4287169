/** The automatic answer for staff (namespace `kbAutoAnswer`): the ticket page card, the KB settings row. */
export default {
  heading: 'Articles suggested to the requester',
  score: 'match {{percent}} %',
  solvedBadge: 'Solved it',
  solvedBy: 'closed by {{name}}, {{when}}',
  someone: 'a former user',
  settings: {
    enabled: 'Automatic answer',
    enabledHint:
      'A client’s new request gets up to three matching client-visible articles in its confirmation mail and on its page, and can be closed with the one that solved it.',
    minScore: 'Minimum match',
    minScoreHint:
      'The share of an article title’s words that the request must contain (subject and the start of the description). Higher: fewer, surer suggestions.',
  },
} as const;
