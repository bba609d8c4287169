import type { EntityManager } from 'typeorm';

/**
 * The demo service company's details, which the service protocol prints as the provider (issue
 * 18): a Moscow company invoicing in roubles (its Czech customer's work is priced from the same
 * list). Fictional names and numbers. The migration made the one row; the seed fills it.
 */
export async function insertDemoInstallation(em: EntityManager): Promise<void> {
  await em.query(
    `UPDATE installation_settings
        SET company_name = $1, legal_name = $2, address = $3, tax_id = $4, registration_id = $5,
            phone = $6, email = $7, currency = 'RUB', time_zone = 'Europe/Moscow'
      WHERE id = 1`,
    [
      'АгроКлимат Сервис',
      'ООО «АгроКлимат Сервис»',
      '123456, г. Москва, ул. Примерная, д. 1, офис 10',
      '7700000000',
      '1027700000000',
      '+7 495 000-00-00',
      'service@relaydesk.local',
    ],
  );
}
