import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18, the registers: contracts (number unique per organization; `expired` is derived when
 * read, never stored), service objects (working hours as an SLA calendar), equipment types (their
 * custom field definitions as jsonb) and items (parent item for components, prefix search by
 * serial and inventory number through lower(...) text_pattern_ops indexes), and the authorized
 * requesters with their per-organization switch.
 */
export class Contracts1765800000000 implements MigrationInterface {
  name = 'Contracts1765800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "contracts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "number" character varying(100) NOT NULL, "title" character varying(200) NOT NULL, "valid_from" date, "valid_to" date, "status" character varying(10) NOT NULL DEFAULT 'draft', "sla_policy_id" uuid, "allowance_seconds" integer, "allowance_period" character varying(10), "billing_notes" text NOT NULL DEFAULT '', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "contracts_organization_number_key" UNIQUE ("organization_id", "number"), CONSTRAINT "contracts_allowance_check" CHECK (("allowance_seconds" IS NULL) = ("allowance_period" IS NULL) AND ("allowance_period" IS NULL OR "allowance_period" IN ('month', 'contract'))), CONSTRAINT "contracts_dates_check" CHECK ("valid_to" IS NULL OR "valid_from" IS NULL OR "valid_to" >= "valid_from"), CONSTRAINT "contracts_status_check" CHECK ("status" IN ('draft', 'active', 'suspended')), CONSTRAINT "PK_2c7b8f3a7b1acdd49497d83d0fb" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "contracts_sla_policy_idx" ON "contracts"  ("sla_policy_id")`);
    await q.query(`CREATE INDEX "contracts_valid_to_idx" ON "contracts"  ("valid_to")`);
    await q.query(`CREATE INDEX "contracts_number_id_idx" ON "contracts"  ("number", "id")`);
    await q.query(
      `CREATE TABLE "service_objects" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "address" text NOT NULL DEFAULT '', "contact_id" uuid, "calendar_id" uuid, "notes" text NOT NULL DEFAULT '', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_836006d43cc55bb9cdb9bea7fbd" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "service_objects_calendar_idx" ON "service_objects"  ("calendar_id")`,
    );
    await q.query(
      `CREATE INDEX "service_objects_contact_idx" ON "service_objects"  ("contact_id")`,
    );
    await q.query(
      `CREATE INDEX "service_objects_organization_name_idx" ON "service_objects"  ("organization_id", "name", "id")`,
    );
    await q.query(
      `CREATE INDEX "service_objects_name_id_idx" ON "service_objects"  ("name", "id")`,
    );
    await q.query(
      `CREATE TABLE "equipment_types" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "fields" jsonb NOT NULL DEFAULT '[]', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_837e6ae15084eed0f1d4b394303" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "equipment_types_name_id_idx" ON "equipment_types"  ("name", "id")`,
    );
    await q.query(
      `CREATE TABLE "equipment_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "service_object_id" uuid, "parent_id" uuid, "manufacturer" character varying(200) NOT NULL DEFAULT '', "model" character varying(200) NOT NULL DEFAULT '', "serial_number" character varying(100), "inventory_number" character varying(100), "installed_on" date, "warranty_until" date, "status" character varying(12) NOT NULL DEFAULT 'in_service', "custom_fields" jsonb NOT NULL DEFAULT '{}', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "equipment_items_parent_check" CHECK ("parent_id" IS NULL OR "parent_id" <> "id"), CONSTRAINT "equipment_items_status_check" CHECK ("status" IN ('in_service', 'under_repair', 'retired')), CONSTRAINT "PK_1db509012993e5093517cbee5bf" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "equipment_items_parent_idx" ON "equipment_items"  ("parent_id")`);
    await q.query(`CREATE INDEX "equipment_items_type_idx" ON "equipment_items"  ("type_id")`);
    await q.query(
      `CREATE INDEX "equipment_items_service_object_idx" ON "equipment_items"  ("service_object_id")`,
    );
    await q.query(
      `CREATE INDEX "equipment_items_organization_created_idx" ON "equipment_items"  ("organization_id", "created_at", "id")`,
    );
    await q.query(
      `CREATE INDEX "equipment_items_created_id_idx" ON "equipment_items"  ("created_at", "id")`,
    );
    await q.query(
      `CREATE TABLE "authorized_requesters" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "contract_id" uuid, CONSTRAINT "PK_22fd0a0555c62c9d7746a4f021a" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "authorized_requesters_contract_idx" ON "authorized_requesters"  ("contract_id")`,
    );
    await q.query(
      `CREATE INDEX "authorized_requesters_user_idx" ON "authorized_requesters"  ("user_id")`,
    );
    await q.query(
      `CREATE INDEX "authorized_requesters_lookup_idx" ON "authorized_requesters"  ("organization_id", "user_id")`,
    );
    await q.query(
      `CREATE TABLE "requester_lists" ("organization_id" uuid NOT NULL, "enabled" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "requester_lists_pkey" PRIMARY KEY ("organization_id"))`,
    );
    await q.query(
      `ALTER TABLE "contracts" ADD CONSTRAINT "FK_deb40e2f2ce5c32699535a05843" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "contracts" ADD CONSTRAINT "FK_c3cd6552eccc3a71c2d4c5cb705" FOREIGN KEY ("sla_policy_id") REFERENCES "sla_policies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "service_objects" ADD CONSTRAINT "FK_8e18500962feff4cc75a0714145" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "service_objects" ADD CONSTRAINT "FK_199aa3745aaf0fdb5117a22a3e9" FOREIGN KEY ("contact_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "service_objects" ADD CONSTRAINT "FK_8a6411e088ec932e5ab8869bd69" FOREIGN KEY ("calendar_id") REFERENCES "sla_calendars"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "equipment_items" ADD CONSTRAINT "FK_094d8f14b3c69219252a71b5235" FOREIGN KEY ("type_id") REFERENCES "equipment_types"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "equipment_items" ADD CONSTRAINT "FK_508fe3a43c588142e3fd3b6e609" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "equipment_items" ADD CONSTRAINT "FK_941dd833def056802848544c4a8" FOREIGN KEY ("service_object_id") REFERENCES "service_objects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "equipment_items" ADD CONSTRAINT "FK_84ae175c633b6bdd4e710212b2f" FOREIGN KEY ("parent_id") REFERENCES "equipment_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "authorized_requesters" ADD CONSTRAINT "FK_37e8bcae3dd6dc080dc8534f3cc" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "authorized_requesters" ADD CONSTRAINT "FK_468bf9edf921f87461eab26f377" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "authorized_requesters" ADD CONSTRAINT "FK_dfeef19e79c4a20c2a6b17f612c" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "requester_lists" ADD CONSTRAINT "FK_59216f5a8e551e9f196d82b6d72" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `CREATE INDEX "equipment_items_serial_prefix_idx" ON "equipment_items" (lower("serial_number") text_pattern_ops)`,
    );
    await q.query(
      `CREATE INDEX "equipment_items_inventory_prefix_idx" ON "equipment_items" (lower("inventory_number") text_pattern_ops)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "requester_lists"`);
    await q.query(`DROP TABLE "authorized_requesters"`);
    await q.query(`DROP TABLE "equipment_items"`);
    await q.query(`DROP TABLE "equipment_types"`);
    await q.query(`DROP TABLE "service_objects"`);
    await q.query(`DROP TABLE "contracts"`);
  }
}
