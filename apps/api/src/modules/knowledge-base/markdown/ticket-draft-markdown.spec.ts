import { renderMarkdown } from './render-markdown';
import { plainTextToMarkdown, ticketDraftMarkdown, DRAFT_HEADINGS } from './ticket-draft-markdown';

/** What a reader sees of rendered HTML: the text, entities decoded, tags gone. */
const textOf = (html: string) =>
  html
    .replace(/<br \/>\n?/g, '\n')
    .replace(/<\/p>\n?<p>/g, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();

describe('ticket draft Markdown', () => {
  // Lines as they arrive from e-mail: HTML, Markdown syntax, entities, quoting, lists, tables.
  const hostile = [
    '<b>bold?</b> <script>alert(1)</script> <img src=x onerror=alert(1)>',
    '**not bold** _not em_ `not code` [not a link](http://evil.example) ![x](http://x/y.png)',
    '# not a heading',
    '> not a quote',
    '- not a list',
    '+ nor this',
    '* nor this',
    '1. not numbered',
    '2) nor this',
    '| not | a table |',
    '&lt;entity&gt; &amp; ~~not struck~~ \\backslash',
    '    indented like code',
    '<http://autolink.example>',
    '===',
  ];

  it('renders every line as the same literal text, no markup', () => {
    const html = renderMarkdown(plainTextToMarkdown(hostile.join('\n')));
    expect(html).not.toMatch(
      /<(b|strong|em|code|img|h\d|blockquote|ul|ol|li|table|pre|del|s)[\s>]/,
    );
    // Bare URLs become links (linkify), showing the URL itself: still the same text.
    for (const [, href, text] of html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)) {
      expect(text).toBe(href);
    }
    expect(html.match(/<a /g)).toHaveLength(3);
    expect(textOf(html).split('\n')).toEqual(hostile.map((l) => l.trim()));
  });

  it('keeps paragraphs and line breaks', () => {
    const html = renderMarkdown(plainTextToMarkdown('Hello,\nthe pump\r\n\r\n\r\nstopped.\n'));
    expect(html).toBe('<p>Hello,<br />\nthe pump</p>\n<p>stopped.</p>\n');
  });

  it('puts the problem first, then the solution, then other answers; authors only when asked', () => {
    const solution = [{ body: 'Restart *it*.', authorName: 'Anna_K' }];
    const others = [{ body: 'Then wait.', authorName: null }];
    const md = ticketDraftMarkdown('It broke.', { solution, others }, DRAFT_HEADINGS.en, true);
    expect(md).toBe(
      '## Problem\n\nIt broke.\n\n## Solution\n\nRestart \\*it\\*.\n\n*— Anna\\_K*\n\n## Other replies\n\nThen wait.',
    );
    const plain = ticketDraftMarkdown('', { solution: [], others }, DRAFT_HEADINGS.cs, false);
    expect(plain).toBe('## Další odpovědi\n\nThen wait.');
    expect(
      ticketDraftMarkdown(
        'x',
        { solution: [...solution, ...others], others: [] },
        DRAFT_HEADINGS.en,
        false,
      ),
    ).toBe('## Problem\n\nx\n\n## Solution\n\nRestart \\*it\\*.\n\n---\n\nThen wait.');
    expect(ticketDraftMarkdown('', { solution: [], others: [] }, DRAFT_HEADINGS.ru, false)).toBe(
      '',
    );
  });
});
