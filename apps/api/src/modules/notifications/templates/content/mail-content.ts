// One description of a mail that both parts are rendered from, so the text part and the HTML
// part always say the same. Every string here is plain text; the HTML renderer escapes it.

export interface Fact {
  readonly label: string;
  readonly value: string;
}

export interface MailAction {
  readonly label: string;
  readonly url: string;
  /** Drawn as the main button; others are drawn plainer. */
  readonly primary?: boolean;
}

export type MailBlock =
  | { readonly type: 'paragraph'; readonly text: string }
  /** A paragraph that must not be overlooked (an internal note's "staff only"). */
  | { readonly type: 'notice'; readonly text: string }
  | { readonly type: 'facts'; readonly rows: readonly Fact[] }
  /** Text a person wrote (a comment, a description, a question), shown as written. */
  | { readonly type: 'quote'; readonly label: string; readonly body: string }
  | { readonly type: 'actions'; readonly actions: readonly MailAction[] };

export interface MailContent {
  readonly subject: string;
  readonly heading: string;
  readonly blocks: readonly MailBlock[];
  /** Why the reader got this mail. */
  readonly reason: string;
  /** Notification settings and unsubscribe, when they apply. */
  readonly footerLinks: readonly MailAction[];
}
