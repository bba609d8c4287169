import type { EntityManager } from 'typeorm';
import type { StorageConfig } from '../../config/namespaces/storage.config.js';
import type { DirectoryIds } from './demo-directory.js';
import { insertDemoKbImage } from './demo-kb-image.js';

interface ArticleSeed {
  section: 'start' | 'climate' | 'yuzhny' | 'yuzhnyPumps' | 'runbooks';
  /** Translations of one article share a group. */
  group: string;
  language: 'en' | 'ru' | 'cs';
  title: string;
  body: string;
  tags: string[];
  status?: 'draft' | 'published';
  /** Ends with the demo's picture, stored as the article's file and shown inline. */
  image?: true;
}

const ARTICLES: ArticleSeed[] = [
  {
    section: 'start',
    group: 'portal',
    language: 'en',
    title: 'How to file a request in the portal',
    body: '1. Sign in to the portal.\n2. Choose **New request**, pick the type and describe the problem.\n3. Attach photos if you can.\n\nYou get an e-mail with the request number.',
    tags: ['portal', 'requests'],
  },
  {
    section: 'start',
    group: 'portal',
    language: 'ru',
    title: 'Как подать заявку через портал',
    body: '1. Войдите в портал.\n2. Нажмите **Новая заявка**, выберите тип и опишите проблему.\n3. По возможности приложите фотографии.\n\nНомер заявки придёт на почту.',
    tags: ['портал', 'заявки'],
  },
  {
    section: 'start',
    group: 'portal',
    language: 'cs',
    title: 'Jak podat požadavek na portálu',
    body: '1. Přihlaste se na portál.\n2. Zvolte **Nový požadavek**, vyberte typ a popište problém.\n3. Pokud můžete, přiložte fotografie.\n\nČíslo požadavku vám přijde e-mailem.',
    tags: ['portál', 'požadavky'],
  },
  {
    section: 'climate',
    group: 'humidity',
    language: 'ru',
    title: 'Датчик влажности показывает 100%',
    body: 'Чаще всего причина — конденсат на датчике.\n\n- Протрите датчик сухой салфеткой.\n- Проверьте, не направлен ли на него туманообразователь.\n\nЕсли показания не изменились за час, оформите заявку.',
    tags: ['датчик', 'влажность'],
  },
  {
    section: 'climate',
    group: 'humidity',
    language: 'cs',
    title: 'Čidlo vlhkosti ukazuje 100 %',
    body: 'Nejčastější příčinou je kondenzace na čidle.\n\n- Otřete čidlo suchým hadříkem.\n- Zkontrolujte, zda na něj nemíří mlžení.\n\nPokud se hodnota do hodiny nezmění, podejte požadavek.',
    tags: ['čidlo', 'vlhkost'],
  },
  {
    section: 'climate',
    group: 'humidity',
    language: 'en',
    title: 'The humidity sensor shows 100%',
    body: 'The usual cause is condensation on the sensor.\n\n- Wipe the sensor with a dry cloth.\n- Check that no mister points at it.\n\nIf the reading does not change within an hour, file a request.',
    tags: ['sensor', 'humidity'],
    image: true,
  },
  {
    section: 'yuzhnyPumps',
    group: 'pumps',
    language: 'ru',
    title: 'Замена циркуляционного насоса в теплице № 3',
    body: 'Насосы теплицы № 3 обслуживает инженер выезда. Перед заменой насоса перекройте оба крана контура и сбросьте давление.',
    tags: ['насос', 'теплица'],
  },
  {
    section: 'runbooks',
    group: 'controller',
    language: 'en',
    title: 'Rebooting a greenhouse controller remotely',
    body: 'Internal: use the maintenance VPN, then `ctl reboot --soft`. Never power-cycle during irrigation.',
    tags: ['controller', 'runbook'],
  },
  {
    section: 'runbooks',
    group: 'firmware',
    language: 'cs',
    title: 'Aktualizace firmwaru řídicí jednotky (rozpracováno)',
    body: 'Postup se připravuje.',
    tags: ['firmware'],
    status: 'draft',
  },
];

/**
 * The knowledge base of the demo (issue 17): a public "getting started" section, one for every
 * client, one for Agro-Yuzhny only (with a subsection), and the staff's runbooks; articles in
 * the three languages as translations of each other, one draft. The public KB is on.
 */
export async function insertDemoKnowledgeBase(
  em: EntityManager,
  ids: DirectoryIds,
  /** Where uploads live (DATA_DIR): without it the article goes without its picture. */
  storage?: StorageConfig,
): Promise<void> {
  const section = async (
    name: string,
    audience: string,
    position: number,
    parent?: { id: string; path: string[] },
  ) => {
    const [row] = (await em.query(
      `INSERT INTO kb_sections (id, parent_id, path, name, audience, position)
       SELECT g.id, $1::uuid, $2::uuid[] || g.id, $3, $4, $5 FROM (SELECT gen_random_uuid() AS id) g
       RETURNING id, path`,
      [parent?.id ?? null, parent?.path ?? [], name, audience, position],
    )) as { id: string; path: string[] }[];
    return row;
  };
  const yuzhny = await section('Агро-Южный / Agro-Yuzhny', 'clients', 3);
  await em.query(
    'INSERT INTO kb_section_organizations (section_id, organization_id) VALUES ($1, $2)',
    [yuzhny.id, ids.organizations.yuzhny],
  );
  const sections: Record<ArticleSeed['section'], { id: string }> = {
    start: await section('Getting started / Начало работы / Začínáme', 'public', 1),
    climate: await section('Microclimate / Микроклимат / Mikroklima', 'clients', 2),
    yuzhny,
    yuzhnyPumps: await section('Насосы / Pumps', 'clients', 1, yuzhny),
    runbooks: await section('Runbooks (internal)', 'staff', 4),
  };
  const groups = new Map<string, string>();
  for (const a of ARTICLES) {
    const [row] = (await em.query(
      `INSERT INTO kb_articles (id, section_id, title, body, tags, language, translation_group_id,
                                status, author_id, published_at, reviewed_by_id, reviewed_at)
       SELECT g.id, $1, $2, $3, $4::varchar[], $5, coalesce($6::uuid, g.id), $7::varchar, $8,
              CASE WHEN $7::varchar = 'published' THEN now() END, $8, now()
         FROM (SELECT gen_random_uuid() AS id) g
       RETURNING id, translation_group_id`,
      [
        sections[a.section].id,
        a.title,
        a.body,
        a.tags,
        a.language,
        groups.get(a.group) ?? null,
        a.status ?? 'published',
        ids.people.marina,
      ],
    )) as { id: string; translation_group_id: string }[];
    groups.set(a.group, row.translation_group_id);
    let body = a.body;
    if (a.image && storage) {
      const image = await insertDemoKbImage(em, row.id, ids.people.marina, storage);
      body = `${a.body}\n\n${image}`;
      await em.query('UPDATE kb_articles SET body = $2 WHERE id = $1', [row.id, body]);
    }
    await em.query(
      `INSERT INTO kb_article_revisions (article_id, number, title, body, tags, author_id)
       VALUES ($1, 1, $2, $3, $4::varchar[], $5)`,
      [row.id, a.title, body, a.tags, ids.people.marina],
    );
  }
  // The demo shows the automatic answer: a client's new ticket gets matching articles.
  await em.query('UPDATE kb_settings SET public_enabled = true, auto_answer_enabled = true');
}
