/**
 * The Markdown of a draft written from a ticket (docs/knowledge-base.md, "Publish from a
 * ticket"). Everything here is text people typed into a ticket, much of it from e-mail: it must
 * read as the same text in the article, never as markup. So every line is escaped for Markdown
 * and kept as its own line.
 */

/** Characters Markdown gives a meaning anywhere in a line (emphasis, code, links, HTML, tables). */
const INLINE = /[\\`*_[\]<>&|~!]/g;

/**
 * One line of plain text as Markdown that renders as exactly that text. Leading spaces would
 * make an indented code block (where escapes show as backslashes), so they go; what starts a
 * heading, quote, list or rule at the line's start is escaped there.
 */
export function escapeMarkdownLine(line: string): string {
  const escaped = line.trimStart().replace(INLINE, (c) => `\\${c}`);
  return escaped
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2')
    .trimEnd();
}

/**
 * Plain text as Markdown paragraphs: blank lines part paragraphs as in the text, and each line
 * break inside a paragraph stays a line break (a trailing backslash: CommonMark's visible hard
 * break, which an editor does not strip the way it strips trailing spaces).
 */
export function plainTextToMarkdown(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map(escapeMarkdownLine)
        .filter((l) => l.length > 0),
    )
    .filter((lines) => lines.length > 0);
  return paragraphs.map((lines) => lines.join('\\\n')).join('\n\n');
}

export interface DraftComment {
  body: string;
  authorName: string | null;
}

export interface DraftHeadings {
  problem: string;
  solution: string;
  replies: string;
}

function answers(comments: DraftComment[], withAuthors: boolean): string {
  return comments
    .map((c) => {
      const text = plainTextToMarkdown(c.body);
      if (!text) return '';
      return withAuthors && c.authorName
        ? `${text}\n\n*— ${escapeMarkdownLine(c.authorName)}*`
        : text;
    })
    .filter(Boolean)
    .join('\n\n---\n\n');
}

/**
 * The draft's body: the problem (the description), the solution (the comments that resolved the
 * ticket; without one, every public answer), then the other public answers.
 */
export function ticketDraftMarkdown(
  description: string,
  comments: { solution: DraftComment[]; others: DraftComment[] },
  headings: DraftHeadings,
  withAuthors: boolean,
): string {
  const sections: [string, string][] = [
    [headings.problem, plainTextToMarkdown(description)],
    [headings.solution, answers(comments.solution, withAuthors)],
    [headings.replies, answers(comments.others, withAuthors)],
  ];
  return sections
    .filter(([, text]) => text)
    .map(([heading, text]) => `## ${heading}\n\n${text}`)
    .join('\n\n');
}

/** Headings in the article's language: the draft is written in it. */
export const DRAFT_HEADINGS: Record<'en' | 'ru' | 'cs', DraftHeadings> = {
  en: { problem: 'Problem', solution: 'Solution', replies: 'Other replies' },
  ru: { problem: 'Проблема', solution: 'Решение', replies: 'Другие ответы' },
  cs: { problem: 'Problém', solution: 'Řešení', replies: 'Další odpovědi' },
};
