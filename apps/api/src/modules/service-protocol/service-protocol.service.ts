import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { BusinessRuleError, NotFoundError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import { httpConfig, InjectConfig, type HttpConfig } from '../../config/config-namespaces.js';
import { InstallationSettingsService } from '../installation/index.js';
import {
  AttachmentsService,
  TicketCommentsService,
  TicketQueries,
  type CommentDto,
} from '../tickets/index.js';
import {
  WorkEntriesService,
  WorkLogSettingsService,
  type WorkEntryDto,
} from '../work-log/index.js';
import type { ProtocolFacts, ProtocolWorkLine } from './protocol-facts.js';
import { PROTOCOL_LABELS, type ProtocolLanguage } from './protocol-labels.js';
import { renderProtocolPdf } from './protocol-pdf.js';

const PAGE = 200;

export interface StoredProtocol {
  id: string;
  fileName: string;
  sizeBytes: number;
  internal: boolean;
}

@Injectable()
export class ServiceProtocolService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly tickets: TicketQueries,
    private readonly comments: TicketCommentsService,
    private readonly attachments: AttachmentsService,
    private readonly work: WorkEntriesService,
    private readonly workSettings: WorkLogSettingsService,
    private readonly installation: InstallationSettingsService,
    @InjectConfig(httpConfig) private readonly http: HttpConfig,
  ) {}

  /**
   * Staff only: a client gets 404, as for anything they may not see. `prices` false: the copy a
   * client may read, with billed quantities but no prices or sums.
   */
  async render(
    user: AuthUser,
    ticketId: string,
    lang: ProtocolLanguage,
    prices = true,
  ): Promise<{ pdf: Buffer; fileName: string }> {
    const facts = { ...(await this.facts(user, ticketId, lang)), prices };
    const title = PROTOCOL_LABELS[lang].title;
    return {
      pdf: await renderProtocolPdf(facts),
      fileName: `${title} ${facts.ticket.number} ${lang}.pdf`,
    };
  }

  /**
   * Keeps a copy on the ticket. The copy holds billed work, so it follows the work log's
   * clients_see_billed: internal while clients may not see billed work (asking for a public copy
   * then is 422), public by default when they may, unless the agent asks for an internal one.
   */
  async store(
    user: AuthUser,
    ticketId: string,
    lang: ProtocolLanguage,
    internalAsked?: boolean,
  ): Promise<StoredProtocol> {
    await this.attachments.assertCanUpload(user, ticketId);
    const { clientsSeeBilled } = await this.workSettings.get();
    if (internalAsked === false && !clientsSeeBilled) {
      throw new BusinessRuleError('Clients do not see billed work in this installation', [
        {
          field: 'internal',
          message: 'must be true: the work log does not let clients see billed work',
        },
      ]);
    }
    const internal = internalAsked ?? !clientsSeeBilled;
    // A copy the client reads is rendered from what clients may see of work: no prices or sums.
    // It is a snapshot: turning clientsSeeBilled off later does not withdraw it.
    const { pdf, fileName } = await this.render(user, ticketId, lang, internal);
    const stored: string[] = [];
    try {
      const dto = await this.db.transaction(async (em) => {
        const a = await this.attachments.storeFromMail(em, {
          ticketId,
          commentId: null,
          uploaderId: user.id,
          fileName,
          content: pdf,
          internal,
          dangerous: false,
        });
        stored.push(a.storageKey);
        return a;
      });
      return { id: dto.id, fileName: dto.fileName, sizeBytes: dto.sizeBytes, internal };
    } catch (e) {
      await this.attachments.removeStored(stored);
      throw e;
    }
  }

  private async facts(
    user: AuthUser,
    ticketId: string,
    lang: ProtocolLanguage,
  ): Promise<Omit<ProtocolFacts, 'prices'>> {
    if (user.role === 'client') throw new NotFoundError('Ticket');
    const t = await this.tickets.get(user, ticketId);
    const publicReplies: CommentDto[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.comments.list(user, ticketId, PAGE, cursor);
      publicReplies.push(...page.items.filter((c) => !c.internal));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);

    const [object] = t.serviceObjectId
      ? ((await this.db.query('SELECT address FROM service_objects WHERE id = $1', [
          t.serviceObjectId,
        ])) as { address: string }[])
      : [];
    const [item] = t.equipmentId
      ? ((await this.db.query(
          `SELECT to_char(warranty_until, 'YYYY-MM-DD') AS warranty_until
             FROM equipment_items WHERE id = $1`,
          [t.equipmentId],
        )) as { warranty_until: string | null }[])
      : [];
    const [contract] = t.contractId
      ? ((await this.db.query(
          `SELECT to_char(valid_from, 'YYYY-MM-DD') AS valid_from,
                  to_char(valid_to, 'YYYY-MM-DD') AS valid_to
             FROM contracts WHERE id = $1`,
          [t.contractId],
        )) as { valid_from: string | null; valid_to: string | null }[])
      : [];
    // Item names in the printed language; the entries are read under the printer's visibility.
    const work = await this.work.forTicket({ ...user, locale: lang }, ticketId);
    const lines = work.items.filter((e) => e.kind !== 'internal').map(workLine);
    const company = await this.installation.get();
    const url = String(this.http.publicUrl);
    return {
      lang,
      printedAt: this.clock.now(),
      timeZone: company.timeZone,
      currency: company.currency,
      provider: {
        name: company.companyName || new URL(url).host,
        legalName: company.legalName,
        address: company.address,
        taxId: company.taxId,
        registrationId: company.registrationId,
        phone: company.phone,
        email: company.email,
        url,
      },
      ticket: {
        number: t.number,
        subject: t.subject,
        description: t.description,
        createdAt: t.createdAt,
        status: t.status,
        warranty: t.warranty,
      },
      organization: t.organization?.name ?? null,
      contact: t.requester?.name ?? null,
      serviceObject: t.serviceObject
        ? { name: t.serviceObject.name, address: object?.address || null }
        : null,
      equipment: t.equipment
        ? {
            name: t.equipment.name,
            serialNumber: t.equipment.serialNumber,
            inventoryNumber: t.equipment.inventoryNumber,
            warrantyUntil: item?.warranty_until ?? null,
          }
        : null,
      contract: t.contract
        ? {
            number: t.contract.number,
            title: t.contract.title,
            from: contract?.valid_from ?? null,
            to: contract?.valid_to ?? null,
          }
        : null,
      resolution: publicReplies.map((c) => ({
        author: c.author?.name ?? null,
        at: c.createdAt,
        body: c.body,
      })),
      work: lines,
      totals: {
        billedSeconds: sum(
          work.items.filter((e) => e.kind === 'billable').map((e) => e.billedSeconds),
        ),
        warrantySeconds: sum(
          work.items.filter((e) => e.kind === 'warranty').map((e) => e.billedSeconds),
        ),
        amount: round2(sum(lines.map((e) => e.amount))),
      },
    };
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * An entry as the protocol prints it: the billed side only (CDESK prints the invoiced work). An
 * entry without an activity is billed time in hours, without a price.
 */
function workLine(e: WorkEntryDto): ProtocolWorkLine {
  const kind = e.kind === 'warranty' ? 'warranty' : 'billable';
  return {
    date: e.workDate,
    activity: e.billingItem?.name ?? null,
    description: e.description,
    kind,
    quantity: e.billingItem ? e.quantityBilled : round2(e.billedSeconds / 3600),
    unit: e.billingItem?.unit ?? null,
    price: e.billingItem?.price ?? null,
    amount: kind === 'billable' ? (e.amount ?? 0) : 0,
  };
}
