import { Injectable, Logger } from '@nestjs/common';
import { formatInZone } from '@hub/calendar';
import type { AgencyFeedItemType, FeedDossierV1, FeedPaymentV1, FeedRatingV1, FeedRefundV1, FeedSupplementV1 } from '@hub/contracts';
import type { EntityManager } from 'typeorm';
import { AgencyFeedStore, type NewFeedRow } from './agency-feed.store';

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
      // Per dossier, the submission comes first. The intake writes it with the dossier; a dossier an older version
      // took in may still lack it (see FeedSubmissionSweep): its first later change then records it.
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

/**
 * The `dossier.submitted` item of an online intake, recorded by the intake's own statement (in its transaction, so the
 * item exists exactly when the dossier does). Its content is what `record` would write from the stored row.
 */
export function submissionFeedRow(dossier: FeedDossierFacts, submittedAt: Date): NewFeedRow {
  return {
    agencyCode: dossier.receivingAgencyCode,
    dossierCode: dossier.code,
    type: 'dossier.submitted',
    occurredAt: submittedAt,
    sourceKey: submittedKey(dossier.code),
    data: { dossier: feedDossierOf(dossier) },
  };
}

/** The dossier as a feed item shows it, from what the hub holds of it. */
export interface FeedDossierFacts {
  code: string;
  procedureCode: string;
  procedureVersion: number;
  receivingAgencyCode: string;
  channel: FeedDossierV1['channel'];
  status: number;
  receivedAt: Date;
  dueAt: Date | null;
  /** As stored (an online intake's applicant always has its identity number). */
  applicant: Partial<FeedDossierV1['applicant']>;
  summary: string | null;
}

/** The feed's `dossier` section: one mapping for items recorded from a stored row and for the intake's own item. */
export function feedDossierOf(d: FeedDossierFacts): FeedDossierV1 {
  return {
    code: d.code,
    procedureCode: d.procedureCode,
    procedureVersion: d.procedureVersion,
    receivingAgencyCode: d.receivingAgencyCode,
    channel: d.channel,
    status: Number(d.status),
    receivedAt: formatInZone(d.receivedAt),
    dueAt: d.dueAt ? formatInZone(d.dueAt) : null,
    applicant: d.applicant as FeedDossierV1['applicant'],
    summary: d.summary,
  };
}

function snapshotOf(d: DossierRow): FeedDossierV1 {
  return feedDossierOf({
    code: d.code,
    procedureCode: d.procedure_code,
    procedureVersion: d.procedure_version,
    receivingAgencyCode: d.receiving_agency_code,
    channel: d.channel,
    status: Number(d.status),
    receivedAt: new Date(d.received_at),
    dueAt: d.due_at ? new Date(d.due_at) : null,
    applicant: d.applicant,
    summary: d.summary,
  });
}
