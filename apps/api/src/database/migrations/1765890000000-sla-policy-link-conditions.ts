import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: SLA policies test a ticket's contract, service object and equipment type, "any of"
 * lists like their organization, priority and type conditions (empty: any). No foreign keys, as
 * for those: the ids are checked when a policy is saved, and a register row that goes away
 * leaves a condition nothing matches.
 */
export class SlaPolicyLinkConditions1765890000000 implements MigrationInterface {
  name = 'SlaPolicyLinkConditions1765890000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "sla_policies" ADD "contract_ids" uuid array NOT NULL DEFAULT '{}'`);
    await q.query(
      `ALTER TABLE "sla_policies" ADD "service_object_ids" uuid array NOT NULL DEFAULT '{}'`,
    );
    await q.query(
      `ALTER TABLE "sla_policies" ADD "equipment_type_ids" uuid array NOT NULL DEFAULT '{}'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "sla_policies" DROP COLUMN "equipment_type_ids"`);
    await q.query(`ALTER TABLE "sla_policies" DROP COLUMN "service_object_ids"`);
    await q.query(`ALTER TABLE "sla_policies" DROP COLUMN "contract_ids"`);
  }
}
