import { Inject, Injectable } from '@nestjs/common';
import { WorkingCalendar } from '@hub/calendar';
import type { AgencyLevel } from '@hub/contracts';
import { Clock, type FieldError } from '@hub/platform';
import type { EntityManager } from 'typeorm';
import { AgencyRepository } from '../agency/agency.repository';
import { CalendarRepository } from '../calendar/calendar.repository';
import { CATALOGUE_SETTINGS, type CatalogueSettings } from '../config/catalogue.config';
import { SectorRepository } from '../sector/sector.repository';
import { addDays, localDateOf } from '../shared/dates';
import { agencyReferences, sectorReferences, type ProcedureContent } from './procedure-content';
import { ProcedureFieldCode, ProcedureErrors } from './procedure.errors';
import { assessTimeliness, type TimelinessAssessment } from './timeliness';

/** What a batch of procedures refers to, looked up once (imports check thousands of records this way). */
export interface ReferenceSnapshot {
  agencies: Set<string>;
  sectors: Set<string>;
  /** Level at the top of each known agency's hierarchy. */
  topLevels: Map<string, AgencyLevel>;
}

/** Rules every procedure version must pass before it is stored, shared by drafts, publishing and imports. */
@Injectable()
export class ProcedurePolicy {
  constructor(
    private readonly agencies: AgencyRepository,
    private readonly sectors: SectorRepository,
    private readonly calendars: CalendarRepository,
    private readonly clock: Clock,
    @Inject(CATALOGUE_SETTINGS) private readonly settings: CatalogueSettings,
  ) {}

  async references(contents: readonly ProcedureContent[], tx?: EntityManager): Promise<ReferenceSnapshot> {
    const agencyCodes = [...new Set(contents.flatMap((c) => agencyReferences(c).map((r) => r.code)))];
    const sectorCodes = [...new Set(contents.flatMap((c) => sectorReferences(c).map((r) => r.code)))];
    const [agencies, sectors] = await Promise.all([this.agencies.existing(agencyCodes, tx), this.sectors.existing(sectorCodes, tx)]);
    const issuers = [...new Set(contents.map((c) => c.publicationDecision.issuingAgencyCode))].filter((c) => agencies.has(c));
    const topLevels = await this.agencies.topLevels(issuers, tx);
    return { agencies, sectors, topLevels };
  }

  /** Unknown agencies and sectors, each with the field that names it (prefixed for nested records). */
  unknownReferences(content: ProcedureContent, refs: ReferenceSnapshot, prefix = ''): FieldError[] {
    return [
      ...sectorReferences(content)
        .filter((r) => !refs.sectors.has(r.code))
        .map((r) => ({ field: prefix + r.field, code: ProcedureFieldCode.UnknownSector, message: `sector ${r.code} does not exist` })),
      ...agencyReferences(content)
        .filter((r) => !refs.agencies.has(r.code))
        .map((r) => ({ field: prefix + r.field, code: ProcedureFieldCode.UnknownAgency, message: `agency ${r.code} does not exist` })),
    ];
  }

  /** Throws 422 when anything referred to is unknown. */
  async assertReferences(content: ProcedureContent, tx?: EntityManager, prefix = ''): Promise<ReferenceSnapshot> {
    const refs = await this.references([content], tx);
    const unknown = this.unknownReferences(content, refs, prefix);
    if (unknown.length > 0) throw ProcedureErrors.unknownReferences(unknown);
    return refs;
  }

  async assertAgencies(references: Array<{ field: string; code: string }>, tx?: EntityManager): Promise<void> {
    const known = await this.agencies.existing(references.map((r) => r.code), tx);
    const unknown = references
      .filter((r) => !known.has(r.code))
      .map((r) => ({ field: r.field, code: ProcedureFieldCode.UnknownAgency, message: `agency ${r.code} does not exist` }));
    if (unknown.length > 0) throw ProcedureErrors.unknownReferences(unknown);
  }

  /** The latest decision date accepted now: today in Vietnam + the configured window. */
  latestDecisionDate(): string {
    return addDays(localDateOf(this.clock.now()), this.settings.publicationDateFutureWindowDays);
  }

  /** 422 when the publication decision is dated later than today + the window. */
  assertDecisionDate(content: ProcedureContent, prefix = ''): void {
    const latest = this.latestDecisionDate();
    if (content.publicationDecision.date > latest) {
      throw ProcedureErrors.publicationDateInFuture(`${prefix}publicationDecision.date`, content.publicationDecision.date, latest);
    }
  }

  async calendar(tx?: EntityManager): Promise<WorkingCalendar> {
    return WorkingCalendar.compose(await this.calendars.national(tx));
  }

  timeliness(content: ProcedureContent, enteredAt: Date, refs: ReferenceSnapshot, calendar: WorkingCalendar): TimelinessAssessment {
    const decision = content.publicationDecision;
    return assessTimeliness({
      decisionDate: decision.date,
      fastTrack: decision.fastTrack,
      issuingTopLevel: refs.topLevels.get(decision.issuingAgencyCode) ?? null,
      enteredAt,
      calendar,
    });
  }
}
