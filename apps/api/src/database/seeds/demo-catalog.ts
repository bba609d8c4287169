import type { EntityManager } from 'typeorm';
import type { TranslatedText } from '@relaydesk/contracts';
import type { DirectoryIds } from './demo-directory.js';

/** Two-level categories (CDESK); the last one is for staff only. */
const CATEGORIES: { name: TranslatedText; isPublic?: boolean; children: TranslatedText[] }[] = [
  {
    name: { en: 'Climate control', ru: 'Климат-контроль', cs: 'Řízení klimatu' },
    children: [
      { en: 'Heating', ru: 'Отопление', cs: 'Vytápění' },
      { en: 'Ventilation', ru: 'Вентиляция', cs: 'Větrání' },
    ],
  },
  {
    name: { en: 'Irrigation', ru: 'Полив', cs: 'Zavlažování' },
    children: [
      { en: 'Pumps', ru: 'Насосы', cs: 'Čerpadla' },
      { en: 'Drip lines', ru: 'Капельные линии', cs: 'Kapkové linky' },
    ],
  },
  {
    name: { en: 'Suppliers', ru: 'Поставщики', cs: 'Dodavatelé' },
    isPublic: false,
    children: [{ en: 'Spare parts', ru: 'Запчасти', cs: 'Náhradní díly' }],
  },
];

/**
 * Categories, a project with a manager and members, and custom fields on two Okdesk types, so
 * the forms and filters have something to show. Runs inside the caller's transaction.
 */
export async function insertDemoCatalog(em: EntityManager, ids: DirectoryIds): Promise<void> {
  for (const [position, root] of CATEGORIES.entries()) {
    const [{ id }] = (await em.query(
      `INSERT INTO categories (name, is_public, position) VALUES ($1, $2, $3) RETURNING id`,
      [JSON.stringify(root.name), root.isPublic ?? true, position],
    )) as { id: string }[];
    await em.query(
      `INSERT INTO categories (parent_id, name, is_public, position)
       SELECT $1, x.name, $2, x.ord - 1 FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS x(name, ord)`,
      [id, root.isPublic ?? true, JSON.stringify(root.children)],
    );
  }

  const [project] = (await em.query(
    `INSERT INTO projects (name, description, manager_id) VALUES ($1, $2, $3) RETURNING id`,
    [
      'Теплица №7: модернизация / Greenhouse 7 retrofit',
      'Замена контроллеров климата и насосной станции / New climate controllers and pump station',
      ids.people.dmitry,
    ],
  )) as { id: string }[];
  await em.query(
    `INSERT INTO project_members (project_id, user_id) SELECT $1, unnest($2::uuid[])`,
    // Sergey, the customer, files against the project from the portal (Pythagoras).
    [project.id, [ids.people.jan, ids.people.alexey, ids.people.sergey]],
  );

  await em.query(
    `INSERT INTO ticket_type_fields (type_id, key, name, kind, required, client_visible, client_editable,
                                     options, position)
     SELECT tt.id, x.key, x.name, x.kind, x.required, x.client_visible, x.client_editable, x.options, x.position
       FROM jsonb_to_recordset($1::jsonb) AS x(type_key text, key text, name jsonb, kind text,
              required boolean, client_visible boolean, client_editable boolean, options jsonb,
              position int)
       JOIN ticket_types tt ON tt.key = x.type_key`,
    [
      JSON.stringify([
        {
          type_key: 'technological_equipment',
          key: 'serial_number',
          name: {
            en: 'Equipment serial number',
            ru: 'Серийный номер оборудования',
            cs: 'Výrobní číslo zařízení',
          },
          kind: 'text',
          required: true,
          client_visible: true,
          client_editable: true,
          options: [],
          position: 0,
        },
        {
          type_key: 'technological_equipment',
          key: 'warranty',
          name: { en: 'Under warranty', ru: 'На гарантии', cs: 'V záruce' },
          kind: 'checkbox',
          required: false,
          client_visible: false,
          client_editable: false,
          options: [],
          position: 1,
        },
        {
          type_key: 'microclimate',
          key: 'zone',
          name: { en: 'Greenhouse zone', ru: 'Зона теплицы', cs: 'Zóna skleníku' },
          kind: 'select',
          required: false,
          client_visible: true,
          client_editable: true,
          options: [
            { value: 'seedlings', name: { en: 'Seedlings', ru: 'Рассада', cs: 'Sazenice' } },
            { value: 'vegetables', name: { en: 'Vegetables', ru: 'Овощи', cs: 'Zelenina' } },
            { value: 'flowers', name: { en: 'Flowers', ru: 'Цветы', cs: 'Květiny' } },
          ],
          position: 0,
        },
      ]),
    ],
  );
}
