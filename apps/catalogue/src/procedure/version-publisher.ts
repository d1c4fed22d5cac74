import { Injectable } from '@nestjs/common';
import type { WorkingCalendar } from '@hub/calendar';
import { ProcedurePublished } from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import type { EventTrace } from '@hub/platform';
import type { EntityManager } from 'typeorm';
import { formatInZone } from '../shared/dates';
import { normalizeSearchText } from '../shared/vietnamese-text';
import { contentHash, type ProcedureContent } from './procedure-content';
import { ProcedureEntity, ProcedureVersionEntity } from './procedure.entity';
import { ProcedureErrors } from './procedure.errors';
import { assertLifecycleAllows } from './procedure-lifecycle';
import { ProcedureRepository, type LatestVersion } from './procedure.repository';
import { searchTextOf } from './procedure-search.sql';
import { publishedSnapshot } from './procedure.events';
import { ProcedurePolicy, type ReferenceSnapshot } from './procedure-policy';

export interface PublishRequest {
  /** The procedure row, locked by the caller's transaction. */
  procedure: ProcedureEntity;
  content: ProcedureContent;
  /** Default: `enteredAt`. */
  effectiveFrom?: Date;
  /** When the version is entered in the catalogue (now, or the original entry time of migrated history). */
  enteredAt: Date;
  actor: string;
  refs: ReferenceSnapshot;
  calendar: WorkingCalendar;
  /** Field named in a 409 about the date (`effectiveFrom`, or `records.12.effectiveFrom` in an import). */
  dateField?: string;
}

export interface PublishOutcome {
  version: ProcedureVersionEntity;
  previous: { version: number; effectiveTo: Date } | null;
}

/** A version ready to be written by {@link VersionPublisher.writeMany}. */
export interface PlannedVersion {
  version: ProcedureVersionEntity;
  previous: LatestVersion | null;
  /** The procedure row does not exist yet. */
  isNew: boolean;
}

/**
 * Appends versions: the previous one gets `effectiveTo` = the new `effectiveFrom` (never overwritten), the
 * procedure moves to PUBLISHED, and the full snapshot goes to the outbox in the same transaction, under the
 * `trace` of the work that publishes (the publish or import request, the seed).
 *
 * Dates: a new version must start after the previous one started, and not before the previous one was
 * entered (what the hub has published since then stays history). The first version may start at any time.
 */
@Injectable()
export class VersionPublisher {
  constructor(
    private readonly procedures: ProcedureRepository,
    private readonly policy: ProcedurePolicy,
    private readonly outbox: OutboxWriter,
  ) {}

  /** One version, for the publish endpoint. */
  async publish(tx: EntityManager, request: PublishRequest, trace: EventTrace): Promise<PublishOutcome> {
    const { procedure } = request;
    assertLifecycleAllows({ ...procedure, updatedAt: request.enteredAt }, 'publish-version');
    const latest = await this.procedures.latestVersion(tx, procedure.code);
    const version = this.plan(request, latest);
    if (latest) await this.procedures.closeVersion(tx, procedure.code, latest.version, version.effectiveFrom);
    await this.procedures.insertVersion(tx, version);
    Object.assign(procedure, { status: 'PUBLISHED', latestVersion: version.version, updatedAt: request.enteredAt });
    await this.procedures.update(tx, procedure);
    await this.outbox.append(tx, ProcedurePublished, publishedSnapshot(version), trace);
    return { version, previous: latest ? { version: latest.version, effectiveTo: version.effectiveFrom } : null };
  }

  /** The next version after `latest`; throws a 409 problem when its date would rewrite history. Writes nothing. */
  plan(request: Omit<PublishRequest, 'procedure'> & { procedure: Pick<ProcedureEntity, 'code'> }, latest: LatestVersion | null): ProcedureVersionEntity {
    const { content, enteredAt } = request;
    const code = request.procedure.code;
    const effectiveFrom = request.effectiveFrom ?? enteredAt;
    if (latest) assertAfter(code, latest, effectiveFrom, request.dateField ?? 'effectiveFrom');
    const timeliness = this.policy.timeliness(content, enteredAt, request.refs, request.calendar);
    return {
      procedureCode: code,
      version: (latest?.version ?? 0) + 1,
      name: content.name,
      nameSearch: normalizeSearchText(content.name),
      searchText: searchTextOf(code, content.name),
      sectorCodes: content.sectorCodes,
      publishingAgencyCode: content.publishingAgencyCode,
      implementingAgencyCodes: content.implementingAgencyCodes,
      onlineLevel: content.onlineLevel,
      content,
      contentHash: contentHash(content),
      effectiveFrom,
      effectiveTo: null,
      publishedAt: enteredAt,
      publishedBy: request.actor,
      decisionDate: content.publicationDecision.date,
      entryDeadlineWorkingDays: timeliness.deadlineWorkingDays,
      entryDeadline: timeliness.entryDeadline,
      timeliness: timeliness.timeliness,
      timelinessNote: timeliness.note,
    };
  }

  /**
   * Writes planned versions of distinct procedures with a handful of statements (imports); the events still
   * go through the outbox one by one. Returns the codes whose new procedure row already existed (created
   * concurrently): nothing is written for those.
   */
  async writeMany(tx: EntityManager, planned: PlannedVersion[], trace: EventTrace): Promise<Set<string>> {
    const fresh = planned.filter((p) => p.isNew).map((p) => p.version);
    const taken = await this.procedures.insertPublishedMany(tx, fresh);
    const writable = planned.filter((p) => !taken.has(p.version.procedureCode));
    await this.procedures.closeVersions(
      tx,
      writable.filter((p) => p.previous).map((p) => ({ code: p.version.procedureCode, version: p.previous!.version, effectiveTo: p.version.effectiveFrom })),
    );
    await this.procedures.insertVersions(tx, writable.map((p) => p.version));
    await this.procedures.markPublished(tx, writable.filter((p) => !p.isNew).map((p) => p.version));
    for (const p of writable) await this.outbox.append(tx, ProcedurePublished, publishedSnapshot(p.version), trace);
    return taken;
  }
}

/** A new version (or a withdrawal) at `at` must follow the latest version's start and its entry. */
export function assertAfter(code: string, latest: LatestVersion, at: Date, field: string): void {
  if (at.getTime() <= latest.effectiveFrom.getTime() || at.getTime() < latest.publishedAt.getTime()) {
    const bound = latest.publishedAt > latest.effectiveFrom ? latest.publishedAt : latest.effectiveFrom;
    throw ProcedureErrors.versionOverlap(code, latest.version, formatInZone(bound), field);
  }
}
