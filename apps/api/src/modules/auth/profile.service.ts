import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { roleHasPermission, Permission, type VisibilityScope } from '@relaydesk/contracts';
import { seesAllTickets, type AuthUser } from '../../common/auth/auth-user.js';
import { Clock } from '../../common/time/clock.js';
import { sql } from '../../common/database/sql.js';
import {
  outOfOfficeErrors,
  smsOptInChange,
  toUserDto,
  User,
  type PhoneState,
} from '../directory/index.js';
import { AuthorizedRequesters } from '../contracts/index.js';
import type { MeDto, UpdateMeDto } from './dto/auth.dto.js';
import { BusinessRuleError } from '../../common/errors/domain-errors.js';

function effectiveScope(caller: AuthUser): VisibilityScope | null {
  if (caller.role === 'client') return null;
  return caller.role === 'agent' ? caller.visibilityScope : 'all';
}

@Injectable()
export class ProfileService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly requesters: AuthorizedRequesters,
  ) {}

  async me(caller: AuthUser): Promise<MeDto> {
    const user = await this.db.getRepository(User).findOneByOrFail({ id: caller.id });
    return {
      ...toUserDto(user, caller.groupIds),
      permissions: Object.values(Permission).filter((p) => roleHasPermission(caller.role, p)),
      headOfDepartmentIds: caller.headOfDepartmentIds,
      // The SPA offers "all tickets" by it: what THE visibility rule does, dispatchers included.
      canViewAll: seesAllTickets(caller),
      effectiveVisibilityScope: effectiveScope(caller),
      // No contract named: a contact listed for any one contract may file (under it).
      mayFileRequests:
        caller.role !== 'client' ||
        !caller.organizationId ||
        (await this.requesters.mayFile(caller.id, caller.organizationId, null)),
    };
  }

  async update(caller: AuthUser, dto: UpdateMeDto): Promise<MeDto> {
    await this.db.transaction(async (em) => {
      // Locked: the opt-in rule reads the stored phone, which an admin may be changing.
      const [current] = await sql<PhoneState>(
        em,
        'SELECT phone, sms_opt_in AS "smsOptIn" FROM users WHERE id = $1 FOR NO KEY UPDATE',
        [caller.id],
      );
      const changes: Partial<User> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.locale !== undefined) changes.locale = dto.locale;
      if (dto.phone !== undefined) changes.phone = dto.phone;
      const sms = smsOptInChange(current, dto);
      if (sms.smsOptIn !== undefined) changes.smsOptIn = sms.smsOptIn;
      const errors = [...sms.errors, ...(await outOfOfficeErrors(em, caller.id, dto))];
      if (errors.length) throw new BusinessRuleError('The profile cannot be saved', errors);
      const at = (v: string | null) => (v === null ? null : new Date(v));
      if (dto.outOfOfficeFrom !== undefined) changes.outOfOfficeFrom = at(dto.outOfOfficeFrom);
      if (dto.outOfOfficeUntil !== undefined) changes.outOfOfficeUntil = at(dto.outOfOfficeUntil);
      if (Object.keys(changes).length > 0) {
        await em
          .createQueryBuilder()
          .update(User)
          .set({ ...changes, updatedAt: this.clock.now(), version: () => 'version + 1' })
          .where('id = :id', { id: caller.id })
          .execute();
      }
    });
    return this.me(caller);
  }
}
