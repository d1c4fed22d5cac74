import type { INestApplicationContext } from '@nestjs/common';
import { SAMPLE_NATIONAL_CALENDARS } from '@hub/calendar';
import type { CallerIdentity, EventTrace } from '@hub/platform';
import { UpsertAgencyUseCase } from '../agency/usecases/upsert-agency/upsert-agency.usecase';
import { PutCalendarUseCase } from '../calendar/usecases/put-calendar/put-calendar.usecase';
import { ImportProceduresUseCase } from '../procedure/usecases/import-procedures/import-procedures.usecase';
import { UpsertSectorUseCase } from '../sector/usecases/upsert-sector/upsert-sector.usecase';
import { PutStatusMappingUseCase } from '../status-mapping/usecases/put-status-mapping/put-status-mapping.usecase';
import { SAMPLE_AGENCIES, SAMPLE_SECTORS, SAMPLE_STATUS_MAPPING, sampleProcedureRecords } from './sample-catalogue';

export interface SeedCount {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export interface SeedReport {
  agencies: SeedCount;
  sectors: SeedCount;
  calendars: SeedCount;
  procedures: SeedCount;
  statusMappings: SeedCount;
}

const SEED_CALLER: CallerIdentity = { clientId: 'catalogue-seed', kind: 'operator', agencyCodes: [], roles: ['catalogue:write'] };

/**
 * Loads the SAMPLE catalogue (see sample-catalogue.ts) through the same use cases as the API, so every
 * change is published on the snapshot topics. Idempotent: a second run reports everything unchanged and
 * publishes nothing. Call it on a started application (e.g. `CATALOGUE_SEED=true`, or from a start script
 * with the catalogue's Nest application); its events carry `trace` (start-up work: a `newTrace()`).
 */
export async function seedCatalogue(app: INestApplicationContext, trace: EventTrace): Promise<SeedReport> {
  const agencies = app.get(UpsertAgencyUseCase, { strict: false });
  const sectors = app.get(UpsertSectorUseCase, { strict: false });
  const calendars = app.get(PutCalendarUseCase, { strict: false });
  const procedures = app.get(ImportProceduresUseCase, { strict: false });
  const mappings = app.get(PutStatusMappingUseCase, { strict: false });

  const report: SeedReport = { agencies: zero(), sectors: zero(), calendars: zero(), procedures: zero(), statusMappings: zero() };
  // Parents are listed before their children.
  for (const agency of SAMPLE_AGENCIES) count(report.agencies, (await agencies.execute({ ...agency, active: true, trace })).result);
  for (const sector of SAMPLE_SECTORS) count(report.sectors, (await sectors.execute({ ...sector, trace })).result);
  for (const year of SAMPLE_NATIONAL_CALENDARS) {
    count(report.calendars, (await calendars.execute({ scope: 'national', year: year.year, holidays: year.holidays, workingDays: year.workingDays, sample: true, trace })).result);
  }
  const imported = await procedures.execute({ source: sampleProcedureRecords().map((value, index) => ({ index, value })), caller: SEED_CALLER, trace });
  report.procedures = { created: imported.created, updated: imported.updated, unchanged: imported.unchanged, failed: imported.failed };
  if (imported.failed > 0) {
    const errors = imported.results.filter((r) => r.result === 'error').map((r) => `${r.code}: ${JSON.stringify(r.errors)}`);
    throw new Error(`sample procedures failed to load: ${errors.join('; ')}`);
  }
  count(report.statusMappings, (await mappings.execute({ agencyCode: SAMPLE_STATUS_MAPPING.agencyCode, mappings: SAMPLE_STATUS_MAPPING.mappings, caller: SEED_CALLER, trace })).result);
  return report;
}

function zero(): SeedCount {
  return { created: 0, updated: 0, unchanged: 0, failed: 0 };
}

function count(into: SeedCount, result: 'created' | 'updated' | 'unchanged'): void {
  into[result] += 1;
}
