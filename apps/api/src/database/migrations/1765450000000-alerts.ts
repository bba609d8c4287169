import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, alerts from monitoring: `alert_rules` (ordered, first match wins) map an alert's
 * source and labels to a ticket's type, priority, group and organization; `alerts` ties a
 * fingerprint to its ticket, unique among the open ones, which is what makes two identical
 * posts at once file one ticket.
 */
export class Alerts1765450000000 implements MigrationInterface {
  name = 'Alerts1765450000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "alert_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "active" boolean NOT NULL DEFAULT true, "position" integer NOT NULL, "source" character varying(20), "matchers" jsonb NOT NULL DEFAULT '[]', "set_type_id" uuid, "set_priority" character varying(10), "set_group_id" uuid, "set_organization_id" uuid, "resolve_status" character varying(50), "repeat_comment_minutes" integer, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "alert_rules_source_check" CHECK ("source" IN ('alertmanager', 'zabbix', 'generic')), CONSTRAINT "alert_rules_priority_check" CHECK ("set_priority" IN ('low', 'normal', 'high', 'urgent')), CONSTRAINT "alert_rules_repeat_check" CHECK ("repeat_comment_minutes" BETWEEN 0 AND 10080), CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "alert_rules_position_idx" ON "alert_rules" ("position", "id") `);
    await q.query(
      `CREATE TABLE "alerts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" character varying(20) NOT NULL, "fingerprint" character varying(200) NOT NULL, "open" boolean NOT NULL DEFAULT true, "status" character varying(10) NOT NULL, "ticket_id" uuid NOT NULL, "rule_id" uuid, "title" character varying(250) NOT NULL, "severity" character varying(50), "labels" jsonb NOT NULL DEFAULT '{}', "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE, "notification_count" integer NOT NULL DEFAULT '1', "fire_count" integer NOT NULL DEFAULT '1', "unreported_repeats" integer NOT NULL DEFAULT '0', "last_comment_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "alerts_source_check" CHECK ("source" IN ('alertmanager', 'zabbix', 'generic')), CONSTRAINT "alerts_status_check" CHECK ("status" IN ('firing', 'resolved')), CONSTRAINT "alerts_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "alerts_open_fingerprint_key" ON "alerts" ("source", "fingerprint") WHERE "open"`,
    );
    await q.query(`CREATE INDEX "alerts_ticket_id_idx" ON "alerts" ("ticket_id") `);
    await q.query(
      `ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_set_type_id_fkey" FOREIGN KEY ("set_type_id") REFERENCES "ticket_types"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_set_group_id_fkey" FOREIGN KEY ("set_group_id") REFERENCES "groups"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_set_organization_id_fkey" FOREIGN KEY ("set_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "alerts" ADD CONSTRAINT "alerts_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "alerts" ADD CONSTRAINT "alerts_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "alerts"`);
    await q.query(`DROP TABLE "alert_rules"`);
  }
}
