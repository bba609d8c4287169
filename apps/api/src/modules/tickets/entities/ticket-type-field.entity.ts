import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { CustomFieldKind, TranslatedText } from '@relaydesk/contracts';
import { TicketType } from './ticket-type.entity.js';

export interface CustomFieldOption {
  value: string;
  name: TranslatedText;
}

/** A custom field of a ticket type; values live in `tickets.custom_fields` under `key`. */
@Entity('ticket_type_fields')
@Unique('ticket_type_fields_type_key_key', ['typeId', 'key'])
@Check(
  'ticket_type_fields_kind_check',
  `"kind" IN ('text', 'long_text', 'number', 'date', 'date_time', 'select', 'multi_select', 'checkbox', 'user', 'organization')`,
)
@Check('ticket_type_fields_client_check', `NOT "client_editable" OR "client_visible"`)
export class TicketTypeField {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'type_id' }) typeId!: string;
  @ManyToOne(() => TicketType, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'type_id' })
  type?: Relation<TicketType>;
  @Column('varchar', { length: 50 }) key!: string;
  @Column('jsonb') name!: TranslatedText;
  @Column('varchar', { length: 16 }) kind!: CustomFieldKind;
  @Column('boolean', { default: false }) required!: boolean;
  @Column('boolean', { name: 'client_visible', default: false }) clientVisible!: boolean;
  @Column('boolean', { name: 'client_editable', default: false }) clientEditable!: boolean;
  /** Choices of select and multi_select fields. */
  @Column('jsonb', { default: () => "'[]'" }) options!: CustomFieldOption[];
  @Column('boolean', { default: true }) active!: boolean;
  @Column('int', { default: 0 }) position!: number;
  @Column('int', { default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
