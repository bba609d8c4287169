import { randomBytes, randomUUID } from 'node:crypto';
import { statuses, type CellContext, type MatrixRow } from './authz-matrix';
import { bearer } from './personas';
import { createWorkflowFixture } from './workflow-fixture';

/**
 * The knowledge base's rows of the authorization matrix (authz-matrix.e2e-spec.ts). Each cell
 * gets fresh rows written in SQL: a section, an article in it (revision 1). The article is for
 * org A's clients, so clientB's 404 shows the audience rule where a client may act at all.
 */
const uniq = () => randomBytes(4).toString('hex');

async function one<T>(c: CellContext, text: string, params: unknown[] = []): Promise<T> {
  return ((await c.t.db.query(text, params)) as T[])[0];
}

async function kbSection(c: CellContext, audience = 'clients', orgId?: string): Promise<string> {
  const row = await one<{ id: string }>(
    c,
    `INSERT INTO kb_sections (id, path, name, audience)
     SELECT g.id, ARRAY[g.id], $1, $2 FROM (SELECT gen_random_uuid() AS id) g RETURNING id`,
    [`Matrix section ${uniq()}`, audience],
  );
  if (orgId) {
    await c.t.db.query(
      'INSERT INTO kb_section_organizations (section_id, organization_id) VALUES ($1, $2)',
      [row.id, orgId],
    );
  }
  return row.id;
}

/** A published article for org A's clients, with its first revision. */
async function kbArticle(c: CellContext, audience = 'clients'): Promise<string> {
  const sectionId = await kbSection(c, audience, audience === 'clients' ? c.w.orgA.id : undefined);
  const row = await one<{ id: string }>(
    c,
    `INSERT INTO kb_articles (id, section_id, title, body, language, translation_group_id, status, published_at)
     SELECT g.id, $1, $2, 'Matrix body about a heat pump', 'en', g.id, 'published', now()
       FROM (SELECT gen_random_uuid() AS id) g RETURNING id`,
    [sectionId, `Matrix article ${uniq()}`],
  );
  await c.t.db.query(
    `INSERT INTO kb_article_revisions (article_id, number, title, body)
     SELECT id, 1, title, body FROM kb_articles WHERE id = $1`,
    [row.id],
  );
  return row.id;
}

/** A valid 1x1 PNG, for article files. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A file on a fresh article (uploaded by the admin), as `{ articleId, fileId }`. */
async function kbFile(
  c: CellContext,
  audience = 'clients',
): Promise<{ articleId: string; fileId: string }> {
  const articleId = await kbArticle(c, audience);
  const res = await c.t
    .http()
    .post(`${ARTICLE}/${articleId}/attachments`)
    .set('Authorization', bearer(c.w.admin))
    .attach('file', PNG, { filename: 'matrix.png', contentType: 'image/png' });
  if (res.status !== 201) throw new Error(`fixture upload failed: ${res.status}`);
  return { articleId, fileId: (res.body as { id: string }).id };
}

/** A ticket of org A's clientA, assigned to otherAgent in otherGroup (the matrix's target). */
async function kbTicket(c: CellContext, status: string): Promise<string> {
  const ticket = await c.t.factory.ticket({
    subject: `Matrix ticket ${uniq()}`,
    description: 'The heat pump rattles',
    status,
    organizationId: c.w.orgA.id,
    requesterId: c.w.clientA.id,
    createdById: c.w.clientA.id,
    assigneeId: c.w.otherAgent.id,
    groupId: c.w.otherGroup.id,
  });
  return ticket.id;
}

/** A ticket of clientA with one automatic-answer article, on a workflow its requester may close. */
async function kbSuggestedTicket(
  c: CellContext,
): Promise<{ ticketId: string; articleId: string; version: number }> {
  const { typeKey } = await createWorkflowFixture(c.t.db, {
    statuses: [
      { key: 'open', category: 'open', initial: true },
      { key: 'closed', category: 'closed', final: true },
    ],
    transitions: [{ from: 'open', to: 'closed', requester: true }],
  });
  const ticket = await c.t.factory.ticket({
    subject: `Matrix ticket ${uniq()}`,
    description: 'The heat pump rattles',
    typeKey,
    status: 'open',
    organizationId: c.w.orgA.id,
    requesterId: c.w.clientA.id,
    createdById: c.w.clientA.id,
    assigneeId: c.w.otherAgent.id,
    groupId: c.w.otherGroup.id,
  });
  const articleId = await kbArticle(c);
  await c.t.db.query(
    `INSERT INTO ticket_kb_suggestions (ticket_id, article_id, position, score) VALUES ($1, $2, 1, 1)`,
    [ticket.id, articleId],
  );
  return { ticketId: ticket.id, articleId, version: ticket.version };
}

const articleProbe = (c: CellContext, id: string) => () =>
  one(c, 'SELECT title, status, version, reviewed_at FROM kb_articles WHERE id = $1', [id]);

const ARTICLE = '/api/v1/kb/articles';
const readers = statuses(401, 200, 200, 200, 200, 200, 200);
const orgAReaders = statuses(401, 200, 404, 200, 200, 200, 200);
const editorsRead = statuses(401, 403, 403, 200, 200, 200, 200);
const managers = (ok: number) => statuses(401, 403, 403, 403, 403, ok, ok);
const anyone = statuses(200, 200, 200, 200, 200, 200, 200);

export const KB_ROWS: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/v1/kb/sections',
    prepare: async () => ({ path: '/api/v1/kb/sections' }),
    expect: readers,
  },
  {
    method: 'POST',
    path: '/api/v1/kb/sections',
    prepare: async (c) => {
      const name = `Matrix section ${uniq()}`;
      return {
        path: '/api/v1/kb/sections',
        body: { name, audience: 'staff' },
        probe: () => one(c, 'SELECT count(*)::int AS n FROM kb_sections WHERE name = $1', [name]),
      };
    },
    expect: managers(201),
  },
  {
    method: 'PATCH',
    path: '/api/v1/kb/sections/{id}',
    prepare: async (c) => {
      const id = await kbSection(c);
      return {
        path: `/api/v1/kb/sections/${id}`,
        body: { version: 1, name: `Renamed ${uniq()}` },
        probe: () => one(c, 'SELECT name FROM kb_sections WHERE id = $1', [id]),
      };
    },
    expect: managers(200),
  },
  {
    method: 'PUT',
    path: '/api/v1/kb/sections/order',
    prepare: async (c) => {
      const parent = await kbSection(c);
      const kids: string[] = [];
      for (const position of [0, 1]) {
        const row = await one<{ id: string }>(
          c,
          `INSERT INTO kb_sections (id, parent_id, path, name, audience, position)
           SELECT g.id, $1, ARRAY[$1::uuid, g.id], $2, 'clients', $3
             FROM (SELECT gen_random_uuid() AS id) g RETURNING id`,
          [parent, `Matrix subsection ${uniq()}`, position],
        );
        kids.push(row.id);
      }
      return {
        path: '/api/v1/kb/sections/order',
        body: { parentId: parent, sections: kids.reverse().map((id) => ({ id, version: 1 })) },
        probe: () =>
          c.t.db.query('SELECT id, position FROM kb_sections WHERE parent_id = $1 ORDER BY id', [
            parent,
          ]),
      };
    },
    expect: managers(200),
  },
  {
    method: 'DELETE',
    path: '/api/v1/kb/sections/{id}',
    prepare: async (c) => {
      const id = await kbSection(c);
      return {
        path: `/api/v1/kb/sections/${id}`,
        probe: () => one(c, 'SELECT count(*)::int AS n FROM kb_sections WHERE id = $1', [id]),
      };
    },
    expect: managers(204),
  },
  {
    method: 'GET',
    path: ARTICLE,
    prepare: async () => ({ path: ARTICLE }),
    expect: readers,
  },
  {
    method: 'POST',
    path: ARTICLE,
    prepare: async (c) => {
      const sectionId = await kbSection(c, 'staff');
      return {
        path: ARTICLE,
        body: { sectionId, title: 'Matrix new article', body: 'Text', language: 'en' },
        probe: () =>
          one(c, 'SELECT count(*)::int AS n FROM kb_articles WHERE section_id = $1', [sectionId]),
      };
    },
    expect: statuses(401, 403, 403, 201, 201, 201, 201),
  },
  {
    method: 'GET',
    path: `${ARTICLE}/{id}`,
    prepare: async (c) => ({ path: `${ARTICLE}/${await kbArticle(c)}` }),
    expect: orgAReaders,
  },
  {
    method: 'PATCH',
    path: `${ARTICLE}/{id}`,
    prepare: async (c) => {
      const id = await kbArticle(c);
      return {
        path: `${ARTICLE}/${id}`,
        body: { version: 1, title: `Edited ${uniq()}` },
        probe: articleProbe(c, id),
      };
    },
    expect: editorsRead,
  },
  {
    method: 'DELETE',
    path: `${ARTICLE}/{id}`,
    prepare: async (c) => {
      const id = await kbArticle(c);
      return {
        path: `${ARTICLE}/${id}`,
        probe: () => one(c, 'SELECT count(*)::int AS n FROM kb_articles WHERE id = $1', [id]),
      };
    },
    expect: managers(204),
  },
  {
    method: 'POST',
    path: `${ARTICLE}/{id}/status-changes`,
    prepare: async (c) => {
      const id = await kbArticle(c);
      return {
        path: `${ARTICLE}/${id}/status-changes`,
        body: { version: 1, status: 'archived' },
        probe: articleProbe(c, id),
      };
    },
    expect: editorsRead,
  },
  {
    method: 'POST',
    path: `${ARTICLE}/{id}/reviews`,
    prepare: async (c) => {
      const id = await kbArticle(c);
      return { path: `${ARTICLE}/${id}/reviews`, body: { version: 1 }, probe: articleProbe(c, id) };
    },
    expect: editorsRead,
  },
  {
    method: 'GET',
    path: `${ARTICLE}/{id}/revisions`,
    prepare: async (c) => ({ path: `${ARTICLE}/${await kbArticle(c)}/revisions` }),
    expect: editorsRead,
  },
  {
    method: 'GET',
    path: `${ARTICLE}/{id}/revisions/{number}`,
    prepare: async (c) => ({ path: `${ARTICLE}/${await kbArticle(c)}/revisions/1` }),
    expect: editorsRead,
  },
  {
    method: 'GET',
    path: `${ARTICLE}/{id}/revisions/{number}/diff`,
    prepare: async (c) => ({ path: `${ARTICLE}/${await kbArticle(c)}/revisions/1/diff?from=1` }),
    expect: editorsRead,
  },
  {
    method: 'POST',
    path: `${ARTICLE}/{id}/revisions/{number}/restorations`,
    prepare: async (c) => {
      const id = await kbArticle(c);
      return {
        path: `${ARTICLE}/${id}/revisions/1/restorations`,
        body: { version: 1 },
        probe: articleProbe(c, id),
      };
    },
    expect: editorsRead,
  },
  {
    method: 'PUT',
    path: `${ARTICLE}/{id}/my-vote`,
    prepare: async (c) => {
      const id = await kbArticle(c);
      return {
        path: `${ARTICLE}/${id}/my-vote`,
        body: { helpful: true },
        probe: () =>
          one(c, 'SELECT count(*)::int AS n FROM kb_article_ratings WHERE article_id = $1', [id]),
      };
    },
    expect: orgAReaders,
  },
  {
    method: 'GET',
    path: `${ARTICLE}/{id}/ratings`,
    prepare: async (c) => ({ path: `${ARTICLE}/${await kbArticle(c)}/ratings` }),
    expect: editorsRead,
  },
  {
    method: 'GET',
    path: `${ARTICLE}/{id}/tickets`,
    prepare: async (c) => ({ path: `${ARTICLE}/${await kbArticle(c)}/tickets` }),
    expect: editorsRead,
  },
  {
    // An unassigned ticket: every staff member of the world sees it.
    method: 'POST',
    path: `${ARTICLE}/{id}/tickets`,
    prepare: async (c) => {
      const id = await kbArticle(c);
      const ticket = await c.t.factory.ticket({ requesterId: c.w.clientA.id });
      return {
        path: `${ARTICLE}/${id}/tickets`,
        body: { ticketId: ticket.id },
        probe: () =>
          one(c, 'SELECT count(*)::int AS n FROM kb_article_tickets WHERE article_id = $1', [id]),
      };
    },
    expect: editorsRead,
  },
  // Article files: read through the audience rule (org A's clients and staff), written by kb.edit.
  {
    method: 'POST',
    path: `${ARTICLE}/{id}/attachments`,
    prepare: async (c) => {
      const id = await kbArticle(c);
      return {
        path: `${ARTICLE}/${id}/attachments`,
        file: { name: 'matrix.png', content: PNG },
        probe: () =>
          one(c, 'SELECT count(*)::int AS n FROM kb_article_attachments WHERE article_id = $1', [
            id,
          ]),
      };
    },
    expect: statuses(401, 403, 403, 201, 201, 201, 201),
  },
  {
    method: 'GET',
    path: `${ARTICLE}/{id}/attachments`,
    prepare: async (c) => ({ path: `${ARTICLE}/${(await kbFile(c)).articleId}/attachments` }),
    expect: orgAReaders,
  },
  {
    method: 'GET',
    path: `${ARTICLE}/{id}/attachments/{attachmentId}`,
    prepare: async (c) => {
      const { articleId, fileId } = await kbFile(c);
      return { path: `${ARTICLE}/${articleId}/attachments/${fileId}` };
    },
    expect: orgAReaders,
  },
  {
    method: 'DELETE',
    path: `${ARTICLE}/{id}/attachments/{attachmentId}`,
    prepare: async (c) => {
      const { articleId, fileId } = await kbFile(c);
      return {
        path: `${ARTICLE}/${articleId}/attachments/${fileId}`,
        probe: () =>
          one(c, 'SELECT deleted_at FROM kb_article_attachments WHERE id = $1', [fileId]),
      };
    },
    expect: statuses(401, 403, 403, 204, 204, 204, 204),
  },
  // From tickets (kb-tickets.controller.ts): the ticket's visibility first (404), then staff
  // only (its client 403). The ticket is org A's, assigned in another group: as the matrix's
  // target ticket, only clientA, the dispatcher and the admin see it.
  {
    method: 'POST',
    path: '/api/v1/tickets/{id}/kb-articles',
    prepare: async (c) => {
      const sectionId = await kbSection(c, 'staff');
      const ticket = await kbTicket(c, 'resolved');
      return {
        path: `/api/v1/tickets/${ticket}/kb-articles`,
        body: { sectionId },
        probe: () =>
          one(c, 'SELECT count(*)::int AS n FROM kb_article_tickets WHERE ticket_id = $1', [
            ticket,
          ]),
      };
    },
    expect: statuses(401, 403, 404, 404, 404, 201, 201),
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/kb-reply-suggestions',
    prepare: async (c) => ({
      path: `/api/v1/tickets/${await kbTicket(c, 'open')}/kb-reply-suggestions`,
    }),
    expect: statuses(401, 403, 404, 404, 404, 200, 200),
  },
  // The automatic answer: org A's ticket of clientA (assigned elsewhere: the agent and the
  // department head do not see it), on a workflow whose requester may close it, with one
  // suggested article. Only the requester closes it as solved; staff who see it get 403.
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/kb-suggestions',
    prepare: async (c) => ({
      path: `/api/v1/tickets/${(await kbSuggestedTicket(c)).ticketId}/kb-suggestions`,
    }),
    expect: statuses(401, 200, 404, 404, 404, 200, 200),
  },
  {
    method: 'POST',
    path: '/api/v1/tickets/{id}/kb-solutions',
    prepare: async (c) => {
      const { ticketId, articleId, version } = await kbSuggestedTicket(c);
      return {
        path: `/api/v1/tickets/${ticketId}/kb-solutions`,
        body: { articleId, version },
        probe: () =>
          one(c, 'SELECT solved_at FROM ticket_kb_suggestions WHERE ticket_id = $1', [ticketId]),
      };
    },
    expect: statuses(401, 200, 404, 404, 404, 403, 403),
  },
  {
    method: 'GET',
    path: '/api/v1/kb/search',
    prepare: async () => ({ path: '/api/v1/kb/search?q=pump' }),
    expect: readers,
  },
  {
    method: 'GET',
    path: '/api/v1/kb/typeahead',
    prepare: async () => ({ path: '/api/v1/kb/typeahead?q=matr' }),
    expect: readers,
  },
  {
    method: 'GET',
    path: '/api/v1/kb/suggestions',
    prepare: async () => ({ path: '/api/v1/kb/suggestions?text=heat%20pump%20broken' }),
    expect: readers,
  },
  {
    // Clients only (staff read suggestions elsewhere): the article for org A, so clientB's 404
    // is the audience rule.
    method: 'POST',
    path: '/api/v1/kb/suggestion-opens',
    prepare: async (c) => {
      const articleId = await kbArticle(c);
      return {
        path: '/api/v1/kb/suggestion-opens',
        body: { sessionId: randomUUID(), articleId },
        probe: () =>
          one(c, 'SELECT count(*)::int AS n FROM kb_suggestion_opens WHERE article_id = $1', [
            articleId,
          ]),
      };
    },
    expect: statuses(401, 204, 404, 403, 403, 403, 403),
  },
  {
    // Nothing is stored: the answer alone tells who may render.
    method: 'POST',
    path: '/api/v1/kb/previews',
    writes: false,
    prepare: async (c) => ({
      path: '/api/v1/kb/previews',
      body: { body: '**Matrix**' },
      probe: () =>
        one(
          c,
          `SELECT (SELECT count(*) FROM kb_articles)::int AS articles,
                  (SELECT count(*) FROM kb_article_revisions)::int AS revisions`,
        ),
    }),
    expect: editorsRead,
  },
  {
    method: 'GET',
    path: '/api/v1/kb/review-queue',
    prepare: async () => ({ path: '/api/v1/kb/review-queue?months=1' }),
    expect: editorsRead,
  },
  {
    method: 'GET',
    path: '/api/v1/kb/review-queue/count',
    prepare: async () => ({ path: '/api/v1/kb/review-queue/count' }),
    expect: editorsRead,
  },
  {
    method: 'GET',
    path: '/api/v1/admin/kb-settings',
    prepare: async () => ({ path: '/api/v1/admin/kb-settings' }),
    expect: managers(200),
  },
  {
    // The same value at the current version: the write shows in the version alone.
    method: 'PUT',
    path: '/api/v1/admin/kb-settings',
    prepare: async (c) => {
      const read = () =>
        one<{ version: number; public_enabled: boolean }>(
          c,
          'SELECT version, public_enabled FROM kb_settings',
        );
      const current = await read();
      return {
        path: '/api/v1/admin/kb-settings',
        body: { version: current.version, publicEnabled: current.public_enabled },
        probe: read,
      };
    },
    expect: managers(200),
  },
  // The public KB: the same answer for everyone (the caller is ignored); 404s while it is off.
  {
    method: 'GET',
    path: '/api/v1/public/kb/sections',
    prepare: async () => ({ path: '/api/v1/public/kb/sections' }),
    expect: anyone,
  },
  {
    method: 'GET',
    path: '/api/v1/public/kb/articles',
    prepare: async () => ({ path: '/api/v1/public/kb/articles' }),
    expect: anyone,
  },
  {
    method: 'GET',
    path: '/api/v1/public/kb/articles/{id}',
    prepare: async (c) => {
      await c.t.db.query('UPDATE kb_settings SET public_enabled = true');
      return { path: `/api/v1/public/kb/articles/${await kbArticle(c, 'public')}` };
    },
    expect: anyone,
  },
  {
    method: 'GET',
    path: '/api/v1/public/kb/articles/{id}/attachments',
    prepare: async (c) => {
      await c.t.db.query('UPDATE kb_settings SET public_enabled = true');
      return {
        path: `/api/v1/public/kb/articles/${(await kbFile(c, 'public')).articleId}/attachments`,
      };
    },
    expect: anyone,
  },
  {
    method: 'GET',
    path: '/api/v1/public/kb/articles/{id}/attachments/{attachmentId}',
    prepare: async (c) => {
      await c.t.db.query('UPDATE kb_settings SET public_enabled = true');
      const { articleId, fileId } = await kbFile(c, 'public');
      return { path: `/api/v1/public/kb/articles/${articleId}/attachments/${fileId}` };
    },
    expect: anyone,
  },
  {
    method: 'GET',
    path: '/api/v1/public/kb/search',
    prepare: async () => ({ path: '/api/v1/public/kb/search?q=pump' }),
    expect: anyone,
  },
  {
    method: 'GET',
    path: '/api/v1/public/kb/typeahead',
    prepare: async () => ({ path: '/api/v1/public/kb/typeahead?q=matr' }),
    expect: anyone,
  },
];
