import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18, the work log: the price list (billing items), work entries on tickets (done and
 * billed apart, kind, the contract they count against, a batch id for an entry over several
 * tickets), their history (kept after a delete), one running timer per agent (its key), the
 * allowance warnings sent (their key makes each one exactly-once) and the settings row.
 */
export class WorkLog1765840000000 implements MigrationInterface {
  name = 'WorkLog1765840000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "billing_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "names" jsonb NOT NULL DEFAULT '{}', "unit" character varying(20) NOT NULL, "price" numeric(12,2) NOT NULL DEFAULT '0', "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9e3b8d77d9899c41dfd1335f364" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "billing_items_name_id_idx" ON "billing_items"  ("name", "id") `);
    await q.query(
      `CREATE TABLE "work_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "user_id" uuid NOT NULL, "work_date" date NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "duration_seconds" integer NOT NULL, "billed_seconds" integer NOT NULL, "billing_item_id" uuid, "quantity_done" numeric(12,2) NOT NULL DEFAULT '0', "quantity_billed" numeric(12,2) NOT NULL DEFAULT '0', "kind" character varying(10) NOT NULL, "description" text NOT NULL DEFAULT '', "contract_id" uuid, "batch_id" uuid, "created_by_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "work_entries_seconds_check" CHECK ("duration_seconds" >= 0 AND "billed_seconds" >= 0 AND ("ended_at" IS NULL OR "started_at" IS NULL OR "ended_at" >= "started_at")), CONSTRAINT "work_entries_kind_check" CHECK ("kind" IN ('billable', 'internal', 'warranty')), CONSTRAINT "PK_49570488fae06ae59c082ebb969" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "work_entries_billing_item_idx" ON "work_entries"  ("billing_item_id") `,
    );
    await q.query(`CREATE INDEX "work_entries_batch_idx" ON "work_entries"  ("batch_id") `);
    await q.query(
      `CREATE INDEX "work_entries_date_id_idx" ON "work_entries"  ("work_date", "id") `,
    );
    await q.query(
      `CREATE INDEX "work_entries_contract_date_idx" ON "work_entries"  ("contract_id", "work_date") `,
    );
    await q.query(
      `CREATE INDEX "work_entries_user_date_idx" ON "work_entries"  ("user_id", "work_date") `,
    );
    await q.query(
      `CREATE INDEX "work_entries_ticket_date_idx" ON "work_entries"  ("ticket_id", "work_date") `,
    );
    await q.query(
      `CREATE TABLE "work_entry_changes" ("id" BIGSERIAL NOT NULL, "entry_id" uuid NOT NULL, "ticket_id" uuid NOT NULL, "actor_id" uuid, "action" character varying(10) NOT NULL, "changes" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b750675f58b48b32bf046b2915d" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "work_entry_changes_ticket_idx" ON "work_entry_changes"  ("ticket_id", "id") `,
    );
    await q.query(
      `CREATE TABLE "work_timers" ("user_id" uuid NOT NULL, "ticket_id" uuid NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "work_timers_pkey" PRIMARY KEY ("user_id"))`,
    );
    await q.query(`CREATE INDEX "work_timers_ticket_idx" ON "work_timers"  ("ticket_id") `);
    await q.query(
      `CREATE TABLE "work_allowance_warnings" ("contract_id" uuid NOT NULL, "period_start" date NOT NULL, "threshold" smallint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "work_allowance_warnings_pkey" PRIMARY KEY ("contract_id", "period_start", "threshold"))`,
    );
    await q.query(
      `CREATE TABLE "work_log_settings" ("id" smallint NOT NULL, "clients_see_billed" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "work_log_settings_singleton_check" CHECK ("id" = 1), CONSTRAINT "work_log_settings_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `ALTER TABLE "work_entries" ADD CONSTRAINT "FK_6146bd62c089ae324e1eedee7f3" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "work_entries" ADD CONSTRAINT "FK_028be725880338f3bb2e0c5f1f7" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "work_entries" ADD CONSTRAINT "FK_590e0632393148f4711bedfae2e" FOREIGN KEY ("billing_item_id") REFERENCES "billing_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "work_entries" ADD CONSTRAINT "FK_b5f9400351dd8be79537759af22" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "work_entries" ADD CONSTRAINT "FK_fcaa71a23041b1d40fd06654490" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "work_entry_changes" ADD CONSTRAINT "FK_6a1a609d718c0903af9bd3c2ab2" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "work_entry_changes" ADD CONSTRAINT "FK_ccf2e3155363808f2b9199c9b33" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "work_timers" ADD CONSTRAINT "FK_6173027398e58fb89cf15a6e721" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "work_timers" ADD CONSTRAINT "FK_2ce072a28d0c9063d6a454cfb24" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "work_allowance_warnings" ADD CONSTRAINT "FK_4514392b5898dc446c0164811c8" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`INSERT INTO "work_log_settings" ("id") VALUES (1)`);
    // The allowance warning's defaults: in the bell and by e-mail, no SMS.
    await q.query(
      `INSERT INTO "notification_defaults" ("kind", "channel", "enabled")
       VALUES ('work_allowance_reached', 'in_app', true), ('work_allowance_reached', 'email', true),
              ('work_allowance_reached', 'sms', false)
       ON CONFLICT DO NOTHING`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "notification_defaults" WHERE "kind" = 'work_allowance_reached'`);
    await q.query(`DROP TABLE "work_log_settings"`);
    await q.query(`DROP TABLE "work_allowance_warnings"`);
    await q.query(`DROP TABLE "work_timers"`);
    await q.query(`DROP TABLE "work_entry_changes"`);
    await q.query(`DROP TABLE "work_entries"`);
    await q.query(`DROP TABLE "billing_items"`);
  }
}
