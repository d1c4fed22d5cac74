import { Injectable, Logger } from '@nestjs/common';
import { formatInZone } from '@hub/calendar';
import type { AgencyFeedItemType, FeedDossierV1, FeedPaymentV1, FeedRatingV1, FeedRefundV1, FeedSupplementV1 } from '@hub/contracts';
import type { EntityManager } from 'typeorm';
import { AgencyFeedStore } from './agency-feed.store';

/** One change to record: its type, dossier, time, what identifies it, and the section of its type. */
export interface FeedChange {
  type: AgencyFeedItemType;
  dossierCode: string;
  occurredAt: Date;
  sourceKey: string;
  payment?: FeedPaymentV1;
  refund?: FeedRefundV1;
  rating?: FeedRatingV1;
  supplement?: FeedSupplementV1;
}

interface DossierRow {
  code: string;
  procedure_code: string;
  procedure_version: number;
  receiving_agency_code: string;
  channel: FeedDossierV1['channel'];
  status: FeedDossierV1['status'];
  received_at: Date;
  due_at: Date | null;
  applicant: FeedDossierV1['applicant'];
  summary: string | null;
  source: 'hub' | 'sync';
  submitted_at: Date;
}

/**
 * Records a change in the feed of the dossier's receiving agency, in the caller's transaction, with the dossier
 * (applicant included) as the hub holds it then. Recording the same change twice (`sourceKey`) changes nothing.
 */
@Injectable()
export class AgencyFeedWriter {
  private readonly logger = new Logger('AgencyFeedWriter');

  constructor(private readonly store: AgencyFeedStore) {}

  async record(tx: EntityManager, change: FeedChange): Promise<boolean> {
    const [dossier]: Array<DossierRow | undefined> = await tx.query(
      `SELECT code, procedure_code, procedure_version, receiving_agency_code, channel, status, received_at, due_at, applicant, summary, source, submitted_at
         FROM dossier WHERE code = $1`,
      [change.dossierCode],
    );
    if (!dossier) {
      // Payments and ratings name dossiers the hub created; one it does not hold concerns no agency's feed.
      this.logger.warn(`no dossier ${change.dossierCode}: ${change.type} not recorded in the agency feed`);
      return false;
    }
    const { type, dossierCode, occurredAt, sourceKey, ...section } = change;
    const agencyCode = dossier.receiving_agency_code;
    if (type !== 'dossier.submitted' && dossier.source === 'hub') {
      // Per dossier, the submission comes first: an online dossier's later change (recorded in its own
      // transaction) may beat the submission's event here; it then records the submission itself, and the event's
      // consumer finds it already there.
      await this.store.insert(tx, {
        agencyCode,
        dossierCode,
        type: 'dossier.submitted',
        occurredAt: new Date(dossier.submitted_at),
        sourceKey: submittedKey(dossierCode),
        data: { dossier: snapshotOf(dossier) },
      });
    }
    return this.store.insert(tx, { agencyCode, dossierCode, type, occurredAt, sourceKey, data: { dossier: snapshotOf(dossier), ...section } });
  }
}

/** What identifies an online dossier's submission in the feed. */
export function submittedKey(dossierCode: string): string {
  return `dossier.submitted:${dossierCode}`;
}

function snapshotOf(d: DossierRow): FeedDossierV1 {
  return {
    code: d.code,
    procedureCode: d.procedure_code,
    procedureVersion: d.procedure_version,
    receivingAgencyCode: d.receiving_agency_code,
    channel: d.channel,
    status: Number(d.status),
    receivedAt: formatInZone(new Date(d.received_at)),
    dueAt: d.due_at ? formatInZone(new Date(d.due_at)) : null,
    applicant: d.applicant,
    summary: d.summary,
  };
}
