import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The knowledge base's installation-wide settings: one row (id 1). */
@Entity('kb_settings')
@Check('kb_settings_singleton_check', `"id" = 1`)
@Check('kb_settings_review_interval_check', `"review_interval_months" BETWEEN 1 AND 120`)
export class KbSettings {
  @PrimaryColumn('smallint', { primaryKeyConstraintName: 'kb_settings_pkey' }) id!: number;
  /** On: public sections are readable without signing in (the portal's /kb). Off by default. */
  @Column('boolean', { name: 'public_enabled', default: false }) publicEnabled!: boolean;
  /** The review queue lists published articles whose last review is older than this. */
  @Column('smallint', { name: 'review_interval_months', default: 6 })
  reviewIntervalMonths!: number;
  @Column('int', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
