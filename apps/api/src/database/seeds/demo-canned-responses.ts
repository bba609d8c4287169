import type { EntityManager } from 'typeorm';
import type { DirectoryIds } from './demo-directory.js';

/**
 * A few canned responses in the three languages (issue 17): global greetings and closings, the
 * first line's request for details (hinted to the microclimate type, whose `zone` field it
 * names), L2's visit announcement, and one personal template of Alexey's. So the composer's
 * picker on a demo ticket offers something fitting at once.
 */
export async function insertDemoCannedResponses(
  em: EntityManager,
  ids: DirectoryIds,
): Promise<void> {
  const types = (await em.query(
    `SELECT id, key FROM ticket_types WHERE key IN ('microclimate', 'website_issue')`,
  )) as { id: string; key: string }[];
  const typeId = (key: string) => types.filter((t) => t.key === key).map((t) => t.id);
  const global = { scope: 'global', owner: null, group: null };
  const l1 = { scope: 'group', owner: null, group: ids.groups.l1 };
  const l2 = { scope: 'group', owner: null, group: ids.groups.l2 };
  const rows = [
    {
      ...global,
      language: 'en',
      title: 'Thanks, we are on it',
      body: 'Hello {{requester.name}},\n\nthank you for your request #{{ticket.number}} “{{ticket.subject}}”. We are looking into it and will get back to you shortly.\n\nBest regards,\n{{agent.name}}',
    },
    {
      ...global,
      language: 'ru',
      title: 'Спасибо, взяли в работу',
      body: 'Здравствуйте, {{requester.name}}!\n\nСпасибо за обращение №{{ticket.number}} «{{ticket.subject}}». Мы уже разбираемся и скоро вернёмся с ответом.\n\nС уважением,\n{{agent.name}}',
    },
    {
      ...global,
      language: 'cs',
      title: 'Děkujeme, řešíme to',
      body: 'Dobrý den, {{requester.name}},\n\nděkujeme za požadavek č. {{ticket.number}} „{{ticket.subject}}“. Už na něm pracujeme a brzy se ozveme.\n\nS pozdravem\n{{agent.name}}',
    },
    {
      ...l1,
      language: 'ru',
      title: 'Уточнить зону и показания датчиков',
      body: 'Здравствуйте, {{requester.name}}!\n\nЧтобы разобраться с заявкой №{{ticket.number}}, пришлите, пожалуйста, текущие показания датчиков в зоне «{{custom.zone}}» и фото экрана контроллера.\n\n{{agent.name}}, {{organization.name}} — первая линия',
      types: typeId('microclimate'),
    },
    {
      ...l1,
      language: 'cs',
      title: 'Upřesnit zónu a hodnoty čidel',
      body: 'Dobrý den, {{requester.name}},\n\nabychom mohli vyřešit požadavek č. {{ticket.number}}, pošlete prosím aktuální hodnoty čidel v zóně „{{custom.zone}}“ a fotku displeje řídicí jednotky.\n\n{{agent.name}}, první linie',
      types: typeId('microclimate'),
    },
    {
      ...l2,
      language: 'en',
      title: 'Engineer visit',
      body: 'Hello {{requester.name}},\n\nan engineer will visit {{organization.name}} about #{{ticket.number}}. Please make sure the controller cabinet is accessible.\n\n{{agent.name}}, L2 engineering',
    },
    {
      ...global,
      language: 'en',
      title: 'Website: clear the cache',
      body: 'Hello {{requester.name}},\n\nplease clear your browser cache and sign in again; if “{{ticket.subject}}” still happens, reply with a screenshot.\n\n{{agent.name}}',
      types: typeId('website_issue'),
    },
    {
      scope: 'personal',
      owner: ids.people.alexey,
      group: null,
      language: 'ru',
      title: 'Закрываю заявку',
      body: '{{requester.name}}, проблема по заявке №{{ticket.number}} решена. Если что-то снова пойдёт не так — просто ответьте на это сообщение.\n\n{{agent.name}}',
    },
  ];
  for (const r of rows) {
    await em.query(
      `INSERT INTO canned_responses (title, body, scope, owner_id, group_id, language, type_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [r.title, r.body, r.scope, r.owner, r.group, r.language, 'types' in r ? r.types : []],
    );
  }
}
