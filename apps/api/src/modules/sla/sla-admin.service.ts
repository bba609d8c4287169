import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  WEEKDAYS,
  type ProblemFieldError,
  type TicketPriority,
  type WorkingInterval,
} from '@relaydesk/contracts';
import {
  BusinessRuleError,
  NotFoundError,
  VersionConflictError,
} from '../../common/errors/domain-errors.js';
import { missingIds } from '../../common/reference-data/condition-lists.js';
import { Clock } from '../../common/time/clock.js';
import { BusinessCalendar, intervalErrors, isValidTimeZone } from './business-time.js';
import type {
  CreateSlaCalendarDto,
  SlaCalendarDto,
  UpdateSlaCalendarDto,
  WeekDto,
} from './dto/sla-calendar.dto.js';
import type {
  CreateSlaPolicyDto,
  PriorityTargetsDto,
  SlaPolicyDto,
  UpdateSlaPolicyDto,
} from './dto/sla-policy.dto.js';
import { SlaCalendar } from './entities/sla-calendar.entity.js';
import { SlaPolicy, type PriorityTargets } from './entities/sla-policy.entity.js';
import { SlaConfigService } from './sla-config.service.js';

function isRealDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

function weekToArray(week: WeekDto): WorkingInterval[][] {
  return WEEKDAYS.map((day) => (week[day] ?? []).map((i) => ({ start: i.start, end: i.end })));
}

function calendarDto(c: SlaCalendar): SlaCalendarDto {
  const week: WeekDto = {};
  WEEKDAYS.forEach((day, i) => (week[day] = c.week[i] ?? []));
  return {
    id: c.id,
    name: c.name,
    timeZone: c.timeZone,
    week,
    holidays: c.holidays,
    exceptions: c.exceptions,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

function policyDto(p: SlaPolicy): SlaPolicyDto {
  return {
    id: p.id,
    name: p.name,
    position: p.position,
    active: p.active,
    calendarId: p.calendarId,
    conditions: {
      organizationIds: p.organizationIds,
      priorities: p.priorities,
      typeIds: p.typeIds,
      contractIds: p.contractIds,
      serviceObjectIds: p.serviceObjectIds,
      equipmentTypeIds: p.equipmentTypeIds,
    },
    firstResponseSeconds: p.firstResponseSeconds,
    resolutionSeconds: p.resolutionSeconds,
    priorityTargets: p.priorityTargets,
    reminderPercent: p.reminderPercent,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/**
 * Admin CRUD of calendars and policies. Writes take the row with FOR UPDATE and check the
 * caller's version; this instance forgets its cached policies at once, other instances within a
 * few seconds. Tickets keep the deadlines they were given; changes apply to tickets created or
 * recomputed afterwards. There is no delete: `active: false` retires a policy.
 */
@Injectable()
export class SlaAdminService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly config: SlaConfigService,
  ) {}

  async listCalendars(): Promise<SlaCalendarDto[]> {
    const rows = await this.db.manager.find(SlaCalendar, { order: { name: 'ASC', id: 'ASC' } });
    return rows.map(calendarDto);
  }

  async getCalendar(id: string, em: EntityManager = this.db.manager): Promise<SlaCalendarDto> {
    const row = await em.findOneBy(SlaCalendar, { id });
    if (!row) throw new NotFoundError('Calendar');
    return calendarDto(row);
  }

  async createCalendar(dto: CreateSlaCalendarDto): Promise<SlaCalendarDto> {
    const values = {
      name: dto.name,
      timeZone: dto.timeZone,
      week: weekToArray(dto.week),
      holidays: [...new Set(dto.holidays ?? [])].sort(),
      exceptions: dto.exceptions ?? [],
    };
    this.checkCalendar(values);
    const now = this.clock.now();
    const saved = await this.db.manager.save(
      this.db.manager.create(SlaCalendar, { ...values, createdAt: now, updatedAt: now }),
    );
    this.config.invalidate();
    return this.getCalendar(saved.id);
  }

  async updateCalendar(id: string, dto: UpdateSlaCalendarDto): Promise<SlaCalendarDto> {
    const result = await this.db.transaction(async (em) => {
      const current = await em.findOne(SlaCalendar, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw new NotFoundError('Calendar');
      if (current.version !== dto.version) throw new VersionConflictError(current.version);
      const values = {
        name: dto.name ?? current.name,
        timeZone: dto.timeZone ?? current.timeZone,
        week: dto.week ? weekToArray(dto.week) : current.week,
        holidays: dto.holidays ? [...new Set(dto.holidays)].sort() : current.holidays,
        exceptions: dto.exceptions ?? current.exceptions,
      };
      this.checkCalendar(values);
      await em.update(SlaCalendar, id, {
        ...values,
        version: current.version + 1,
        updatedAt: this.clock.now(),
      });
      return this.getCalendar(id, em);
    });
    this.config.invalidate();
    return result;
  }

  async listPolicies(): Promise<SlaPolicyDto[]> {
    const rows = await this.db.manager.find(SlaPolicy, { order: { position: 'ASC', id: 'ASC' } });
    return rows.map(policyDto);
  }

  async getPolicy(id: string, em: EntityManager = this.db.manager): Promise<SlaPolicyDto> {
    const row = await em.findOneBy(SlaPolicy, { id });
    if (!row) throw new NotFoundError('SLA policy');
    return policyDto(row);
  }

  async createPolicy(dto: CreateSlaPolicyDto): Promise<SlaPolicyDto> {
    const values = {
      name: dto.name,
      position: dto.position ?? 0,
      active: dto.active ?? true,
      calendarId: dto.calendarId,
      organizationIds: dto.conditions?.organizationIds ?? [],
      priorities: dto.conditions?.priorities ?? [],
      typeIds: dto.conditions?.typeIds ?? [],
      contractIds: dto.conditions?.contractIds ?? [],
      serviceObjectIds: dto.conditions?.serviceObjectIds ?? [],
      equipmentTypeIds: dto.conditions?.equipmentTypeIds ?? [],
      firstResponseSeconds: dto.firstResponseSeconds ?? null,
      resolutionSeconds: dto.resolutionSeconds ?? null,
      priorityTargets: priorityTargets(dto.priorityTargets),
      reminderPercent: dto.reminderPercent ?? 75,
    };
    const now = this.clock.now();
    const id = await this.db.transaction(async (em) => {
      await this.checkPolicy(em, values);
      const saved = await em.save(
        em.create(SlaPolicy, { ...values, createdAt: now, updatedAt: now }),
      );
      return saved.id;
    });
    this.config.invalidate();
    return this.getPolicy(id);
  }

  async updatePolicy(id: string, dto: UpdateSlaPolicyDto): Promise<SlaPolicyDto> {
    const result = await this.db.transaction(async (em) => {
      const current = await em.findOne(SlaPolicy, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw new NotFoundError('SLA policy');
      if (current.version !== dto.version) throw new VersionConflictError(current.version);
      const values = {
        name: dto.name ?? current.name,
        position: dto.position ?? current.position,
        active: dto.active ?? current.active,
        calendarId: dto.calendarId ?? current.calendarId,
        organizationIds: dto.conditions
          ? (dto.conditions.organizationIds ?? [])
          : current.organizationIds,
        priorities: dto.conditions ? (dto.conditions.priorities ?? []) : current.priorities,
        typeIds: dto.conditions ? (dto.conditions.typeIds ?? []) : current.typeIds,
        contractIds: dto.conditions ? (dto.conditions.contractIds ?? []) : current.contractIds,
        serviceObjectIds: dto.conditions
          ? (dto.conditions.serviceObjectIds ?? [])
          : current.serviceObjectIds,
        equipmentTypeIds: dto.conditions
          ? (dto.conditions.equipmentTypeIds ?? [])
          : current.equipmentTypeIds,
        firstResponseSeconds:
          dto.firstResponseSeconds !== undefined
            ? dto.firstResponseSeconds
            : current.firstResponseSeconds,
        resolutionSeconds:
          dto.resolutionSeconds !== undefined ? dto.resolutionSeconds : current.resolutionSeconds,
        priorityTargets: dto.priorityTargets
          ? priorityTargets(dto.priorityTargets)
          : current.priorityTargets,
        reminderPercent: dto.reminderPercent ?? current.reminderPercent,
      };
      await this.checkPolicy(em, values);
      await em.update(SlaPolicy, id, {
        ...values,
        version: current.version + 1,
        updatedAt: this.clock.now(),
      });
      return this.getPolicy(id, em);
    });
    this.config.invalidate();
    return result;
  }

  private checkCalendar(c: {
    timeZone: string;
    week: WorkingInterval[][];
    holidays: string[];
    exceptions: { date: string; intervals: WorkingInterval[] }[];
  }): void {
    const errors: ProblemFieldError[] = [];
    if (!isValidTimeZone(c.timeZone)) {
      errors.push({ field: 'timeZone', message: 'is not an IANA time zone, e.g. Europe/Moscow' });
    }
    c.week.forEach((day, i) => {
      for (const message of intervalErrors(day)) {
        errors.push({ field: `week.${WEEKDAYS[i]}`, message });
      }
    });
    c.holidays.forEach((date, i) => {
      if (!isRealDate(date)) errors.push({ field: `holidays.${i}`, message: 'is not a date' });
    });
    const seen = new Set<string>();
    c.exceptions.forEach((e, i) => {
      if (!isRealDate(e.date))
        errors.push({ field: `exceptions.${i}.date`, message: 'is not a date' });
      if (seen.has(e.date)) {
        errors.push({ field: `exceptions.${i}.date`, message: 'is listed twice' });
      }
      seen.add(e.date);
      for (const message of intervalErrors(e.intervals)) {
        errors.push({ field: `exceptions.${i}.intervals`, message });
      }
    });
    if (errors.length === 0) {
      const cal = new BusinessCalendar({ ...c });
      if (!c.week.some((d) => d.length > 0) || !cal.hasWorkingTime()) {
        errors.push({ field: 'week', message: 'needs working time on at least one day' });
      }
    }
    if (errors.length) throw new BusinessRuleError('The calendar cannot be saved', errors);
  }

  private async checkPolicy(
    em: EntityManager,
    p: {
      calendarId: string;
      organizationIds: string[];
      typeIds: string[];
      contractIds: string[];
      serviceObjectIds: string[];
      equipmentTypeIds: string[];
      firstResponseSeconds: number | null;
      resolutionSeconds: number | null;
      priorityTargets: Partial<Record<TicketPriority, PriorityTargets>>;
    },
  ): Promise<void> {
    const errors: ProblemFieldError[] = [];
    const [calendar] = (await em.query('SELECT 1 FROM sla_calendars WHERE id = $1', [
      p.calendarId,
    ])) as unknown[];
    if (!calendar) errors.push({ field: 'calendarId', message: 'no calendar with this id' });
    for (const [field, table] of [
      ['organizationIds', 'organizations'],
      ['typeIds', 'ticket_types'],
      ['contractIds', 'contracts'],
      ['serviceObjectIds', 'service_objects'],
      ['equipmentTypeIds', 'equipment_types'],
    ] as const) {
      errors.push(...(await missingIds(em, `conditions.${field}`, table, p[field])));
    }
    const anyTarget =
      p.firstResponseSeconds !== null ||
      p.resolutionSeconds !== null ||
      Object.values(p.priorityTargets).some(
        (t) => t && (t.firstResponseSeconds !== null || t.resolutionSeconds !== null),
      );
    if (!anyTarget) {
      errors.push({
        field: 'resolutionSeconds',
        message: 'a policy needs at least one target (first response or resolution)',
      });
    }
    if (errors.length) throw new BusinessRuleError('The SLA policy cannot be saved', errors);
  }
}

function priorityTargets(
  dto: PriorityTargetsDto | undefined,
): Partial<Record<TicketPriority, PriorityTargets>> {
  const out: Partial<Record<TicketPriority, PriorityTargets>> = {};
  for (const [priority, t] of Object.entries(dto ?? {}) as [
    TicketPriority,
    PriorityTargetsDto[TicketPriority],
  ][]) {
    if (!t) continue;
    out[priority] = {
      firstResponseSeconds: t.firstResponseSeconds ?? null,
      resolutionSeconds: t.resolutionSeconds ?? null,
    };
  }
  return out;
}
