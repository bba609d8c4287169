import { ApiProperty } from '@nestjs/swagger';
import { LOCALES, ROLES, type Locale, type Role } from '@relaydesk/contracts';
import type { User } from '../entities/user.entity.js';

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ enum: LOCALES }) locale!: Locale;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organizationId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) departmentId!: string | null;
  @ApiProperty() canViewAll!: boolean;
  @ApiProperty() canViewOrganizationTickets!: boolean;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: [String], description: 'Groups the user belongs to' }) groupIds!: string[];
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export function toUserDto(user: User, groupIds: string[] = []): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    phone: user.phone,
    locale: user.locale,
    role: user.role,
    organizationId: user.organizationId,
    departmentId: user.departmentId,
    canViewAll: user.canViewAll,
    canViewOrganizationTickets: user.canViewOrganizationTickets,
    active: user.active,
    groupIds,
    version: user.version,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
