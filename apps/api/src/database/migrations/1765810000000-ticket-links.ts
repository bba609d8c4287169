import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18, tickets use the registers: a ticket's service object, equipment item and contract,
 * and the warranty flag (set from the equipment's warranty unless staff set it by hand). The
 * filter indexes are partial: most tickets link to none, and `= $1` implies NOT NULL.
 */
export class TicketLinks1765810000000 implements MigrationInterface {
  name = 'TicketLinks1765810000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "tickets" ADD "service_object_id" uuid`);
    await q.query(`ALTER TABLE "tickets" ADD "equipment_id" uuid`);
    await q.query(`ALTER TABLE "tickets" ADD "contract_id" uuid`);
    await q.query(`ALTER TABLE "tickets" ADD "warranty" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "tickets" ADD "warranty_manual" boolean NOT NULL DEFAULT false`);
    await q.query(
      `CREATE INDEX "tickets_contract_updated_idx" ON "tickets"  ("contract_id", "updated_at", "id") WHERE "contract_id" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "tickets_equipment_updated_idx" ON "tickets"  ("equipment_id", "updated_at", "id") WHERE "equipment_id" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "tickets_service_object_updated_idx" ON "tickets"  ("service_object_id", "updated_at", "id") WHERE "service_object_id" IS NOT NULL`,
    );
    await q.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_26233804997c73aac7d1e8b7f65" FOREIGN KEY ("service_object_id") REFERENCES "service_objects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_097f1a04d28f8349c2fed7d794d" FOREIGN KEY ("equipment_id") REFERENCES "equipment_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_3161a9e4422dc3b66705062a182" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_3161a9e4422dc3b66705062a182"`);
    await q.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_097f1a04d28f8349c2fed7d794d"`);
    await q.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_26233804997c73aac7d1e8b7f65"`);
    await q.query(`DROP INDEX "public"."tickets_service_object_updated_idx"`);
    await q.query(`DROP INDEX "public"."tickets_equipment_updated_idx"`);
    await q.query(`DROP INDEX "public"."tickets_contract_updated_idx"`);
    await q.query(`ALTER TABLE "tickets" DROP COLUMN "warranty_manual"`);
    await q.query(`ALTER TABLE "tickets" DROP COLUMN "warranty"`);
    await q.query(`ALTER TABLE "tickets" DROP COLUMN "contract_id"`);
    await q.query(`ALTER TABLE "tickets" DROP COLUMN "equipment_id"`);
    await q.query(`ALTER TABLE "tickets" DROP COLUMN "service_object_id"`);
  }
}
