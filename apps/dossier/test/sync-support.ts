import { randomUUID } from 'node:crypto';
import { SAMPLE_NATIONAL_CALENDARS } from '@hub/calendar';
import { ProcedurePublished, type CalendarUpdatedV1 } from '@hub/contracts';
import type { ConsumedEvent } from '@hub/messaging';
import { uniqueSuffix, type ServiceUnderTest } from '@hub/testing';
import { DataSource } from 'typeorm';
import { CalendarReadModel } from '../src/calendar-read-model/calendar-read-model';
import type { DossierConfig } from '../src/config/dossier.config';
import { ProcedureVersionRepository } from '../src/procedure-read-model/procedure-version.repository';

/** A receiving agency unique to this run (short 2025 form), so codes never collide with other runs. */
export function uniqueAgency(): string {
  return `H${10 + Math.floor(Math.random() * 89)}.${1000 + (parseInt(uniqueSuffix(), 16) % 8999)}`;
}

export function consumed<P>(payload: P, topic: string): ConsumedEvent<P> {
  return { payload, eventId: randomUUID(), key: 'k', topic, partition: 0, offset: '0', occurredAt: new Date().toISOString(), producer: 'test', correlationId: randomUUID() };
}

export function calendarEvent(year: number, holidays: string[] = []): CalendarUpdatedV1 {
  return { scope: 'national', year, holidays, workingDays: [], settings: {}, sample: true, revision: 1 };
}

/** The read models a sync needs: one procedure (5 working days at the counter, 3 online) and the sample calendars. */
export async function seedReferenceData(service: ServiceUnderTest<DossierConfig>, agency: string, procedureCode: string): Promise<void> {
  const ds = service.app.get(DataSource);
  await ds.transaction(async (tx) => {
    await service.app.get(ProcedureVersionRepository).insertVersion(tx, {
      ...ProcedurePublished.example,
      code: procedureCode,
      implementingAgencyCodes: [agency],
      effectiveFrom: '1980-01-01T00:00:00+07:00',
      channels: [
        { channel: 'COUNTER', timeLimit: { amount: 5, unit: 'WORKING_DAY' }, fees: [] },
        { channel: 'ONLINE', timeLimit: { amount: 3, unit: 'WORKING_DAY' }, fees: [] },
      ],
    });
    for (const year of SAMPLE_NATIONAL_CALENDARS) {
      await service.app.get(CalendarReadModel).apply(tx, { ...calendarEvent(year.year, [...year.holidays]), workingDays: [...year.workingDays] });
    }
  });
}

export interface RecordOptions {
  seq?: number;
  version?: number;
  status?: number;
  receivedAt?: string;
  statusChangedAt?: string;
  [extra: string]: unknown;
}

/** A valid sync record received on 12 January 2026 at 09:00 (code dated 260112). */
export function record(agency: string, procedureCode: string, options: RecordOptions = {}): Record<string, unknown> {
  const { seq = 1, version = 1, status = 2, receivedAt = '2026-01-12T09:00:00+07:00', statusChangedAt = receivedAt, ...extra } = options;
  const date = receivedAt.slice(2, 10).replaceAll('-', '');
  return {
    code: `${agency}-${date}-${String(seq).padStart(4, '0')}`,
    version,
    procedureCode,
    receivingAgencyCode: agency,
    channel: 'COUNTER',
    status,
    receivedAt,
    statusChangedAt,
    applicant: { fullName: 'Phạm Thị Dung', idNumber: '001190000123', phone: '0912345678' },
    documents: [{ name: 'Đơn đề nghị', copies: 1, digitised: true }],
    fees: [{ code: 'LP01', name: 'Lệ phí', amount: 50000 }],
    ...extra,
  };
}
