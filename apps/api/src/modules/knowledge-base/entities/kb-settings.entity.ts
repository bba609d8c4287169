import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The knowledge base's installation-wide settings: one row (id 1). */
@Entity('kb_settings')
@Check('kb_settings_singleton_check', `"id" = 1`)
@Check('kb_settings_auto_answer_min_score_check', `"auto_answer_min_score" BETWEEN 0 AND 1`)
@Check('kb_settings_review_interval_check', `"review_interval_months" BETWEEN 1 AND 120`)
export class KbSettings {
  @PrimaryColumn('smallint', { primaryKeyConstraintName: 'kb_settings_pkey' }) id!: number;
  /** On: public sections are readable without signing in (the portal's /kb). Off by default. */
  @Column('boolean', { name: 'public_enabled', default: false }) publicEnabled!: boolean;
  /** The review queue lists published articles whose last review is older than this. */
  @Column('smallint', { name: 'review_interval_months', default: 6 })
  reviewIntervalMonths!: number;
  /** The automatic answer: articles in a new client ticket's acknowledgement. Off by default. */
  @Column('boolean', { name: 'auto_answer_enabled', default: false }) autoAnswerEnabled!: boolean;
  /** The score (0-1) an article needs for the automatic answer (docs/knowledge-base.md). */
  @Column('real', { name: 'auto_answer_min_score', default: 0.5 }) autoAnswerMinScore!: number;
  @Column('int', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
