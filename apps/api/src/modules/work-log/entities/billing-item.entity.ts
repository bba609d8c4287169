import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Names per language; the plain `name` is used where a language has none. */
export type LocalizedNames = Partial<Record<'en' | 'ru' | 'cs', string>>;

/**
 * One line of the price list: an activity or material work is billed as (name, unit, price).
 * Retired items stay (`active` false) so old entries keep their activity.
 */
@Entity('billing_items')
@Index('billing_items_name_id_idx', ['name', 'id'])
export class BillingItem {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('varchar', { length: 200 }) name!: string;
  @Column('jsonb', { default: () => "'{}'" }) names!: LocalizedNames;
  /** What a quantity counts: h, pcs, km... */
  @Column('varchar', { length: 20 }) unit!: string;
  /** Price per unit; numeric so money is never a float. */
  @Column('numeric', { precision: 12, scale: 2, default: 0 }) price!: string;
  @Column('boolean', { default: true }) active!: boolean;
  @Column('int', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
