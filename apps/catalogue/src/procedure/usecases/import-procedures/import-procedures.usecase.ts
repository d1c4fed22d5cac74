import { Inject, Injectable, Logger } from '@nestjs/common';
import type { WorkingCalendar } from '@hub/calendar';
import { AppError, Clock, validatePayload, type CallerIdentity, type EventTrace, type FieldError } from '@hub/platform';
import { TransactionRunner } from '@hub/persistence';
import type { EntityManager } from 'typeorm';
import { CATALOGUE_SETTINGS, type CatalogueSettings } from '../../../config/catalogue.config';
import { parseInstantOrDate } from '../../../shared/dates';
import { canonicalContent, contentHash, type ProcedureContent } from '../../procedure-content';
import type { ProcedureEntity } from '../../procedure.entity';
import { ProcedureErrors, ProcedureFieldCode } from '../../procedure.errors';
import { lifecycleRefusal } from '../../procedure-lifecycle';
import { ProcedurePolicy } from '../../procedure-policy';
import { ProcedureRepository } from '../../procedure.repository';
import { VersionPublisher, type PlannedVersion } from '../../version-publisher';
import { ImportRecordDto, type ImportRecordResultView, type ImportReportView } from './import-procedures.command';
import { ImportResults } from './import-results';
import type { RawRecord } from './import-source';
import { isLayThuTucRecord, mapLayThuTuc } from './lay-thu-tuc.mapper';

interface Prepared {
  index: number;
  code: string;
  content: ProcedureContent;
  hash: string;
  effectiveFrom?: Date;
  enteredAt: Date;
}

/**
 * Bulk import of procedures in the hub's shape or the national portal's LayThuTuc shape. Records are read,
 * validated and written a chunk at a time (memory stays bounded), in ONE transaction: a body that turns out
 * too large or unreadable half-way rolls everything back. Each record's result is reported on its own:
 * created (new procedure, version 1), updated (new version), unchanged (same content as the latest version:
 * re-importing is idempotent) or error (with the reasons; nothing of that record is written).
 */
@Injectable()
export class ImportProceduresUseCase {
  private readonly logger = new Logger('ProcedureImport');

  constructor(
    private readonly procedures: ProcedureRepository,
    private readonly policy: ProcedurePolicy,
    private readonly publisher: VersionPublisher,
    private readonly clock: Clock,
    @Inject(CATALOGUE_SETTINGS) private readonly settings: CatalogueSettings,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ source, caller, trace }: { source: AsyncIterable<RawRecord> | Iterable<RawRecord>; caller: CallerIdentity; trace: EventTrace }): Promise<ImportReportView> {
    const started = Date.now();
    const report = await this.transactions.run(async (tx) => {
      const calendar = await this.policy.calendar(tx);
      const results = new ImportResults(this.settings.importMaxErrorDetails);
      let chunk: RawRecord[] = [];
      let read = 0;
      for await (const record of source) {
        // The sources refuse first; this holds for any source.
        if (++read > this.settings.importMaxRecords) throw ProcedureErrors.importTooManyRecords(this.settings.importMaxRecords);
        chunk.push(record);
        if (chunk.length >= this.settings.importChunkSize) {
          results.add(await this.importChunk(tx, chunk, caller.clientId, calendar, trace));
          chunk = [];
        }
      }
      if (chunk.length > 0) results.add(await this.importChunk(tx, chunk, caller.clientId, calendar, trace));
      return results.report();
    });
    this.logger.log({
      msg:
        `import by ${caller.clientId}: ${report.total} records (${report.created} created, ${report.updated} updated, ` +
        `${report.unchanged} unchanged, ${report.failed} failed) in ${Date.now() - started} ms`,
      correlationId: trace.correlationId,
    });
    return report;
  }

  private async importChunk(tx: EntityManager, raws: RawRecord[], actor: string, calendar: WorkingCalendar, trace: EventTrace): Promise<ImportRecordResultView[]> {
    const results = new Map<number, ImportRecordResultView>();
    const prepared: Prepared[] = [];
    for (const raw of raws) {
      const outcome = this.prepare(raw);
      if ('errors' in outcome) results.set(raw.index, { index: raw.index, ...(outcome.code ? { code: outcome.code } : {}), result: 'error', errors: outcome.errors });
      else prepared.push(outcome);
    }

    const codes = prepared.map((p) => p.code);
    const refs = await this.policy.references(prepared.map((p) => p.content), tx);
    const locked = await this.procedures.lockMany(tx, codes);
    const latest = await this.procedures.latestMany(tx, codes);

    // Versions of distinct procedures are written together; a code seen again waits for the next wave so
    // that its second record follows the first.
    let wave: Array<PlannedVersion & { index: number }> = [];
    const flush = async () => {
      const taken = await this.publisher.writeMany(tx, wave, trace);
      for (const p of wave) {
        const code = p.version.procedureCode;
        if (taken.has(code)) {
          results.set(p.index, { index: p.index, code, result: 'error', errors: [{ field: 'code', code: 'CONCURRENT_CREATE', message: 'the procedure was created concurrently; import it again' }] });
          continue;
        }
        latest.set(code, { version: p.version.version, contentHash: p.version.contentHash, effectiveFrom: p.version.effectiveFrom, publishedAt: p.version.publishedAt });
        locked.set(code, { ...(locked.get(code) ?? newProcedure(code, p.version.publishedAt)), status: 'PUBLISHED', latestVersion: p.version.version });
        results.set(p.index, { index: p.index, code, result: p.previous ? 'updated' : 'created', version: p.version.version });
      }
      wave = [];
    };

    for (const record of prepared) {
      const fail = (errors: FieldError[]) => results.set(record.index, { index: record.index, code: record.code, result: 'error', errors });
      const unknown = this.policy.unknownReferences(record.content, refs);
      if (unknown.length > 0) {
        fail(unknown);
        continue;
      }
      if (wave.some((p) => p.version.procedureCode === record.code)) await flush();
      const previous = latest.get(record.code) ?? null;
      if (previous && previous.contentHash === record.hash) {
        results.set(record.index, { index: record.index, code: record.code, result: 'unchanged', version: previous.version });
        continue;
      }
      const procedure = locked.get(record.code);
      if (procedure && lifecycleRefusal(procedure, 'publish-version')) {
        fail([{ field: 'code', code: ProcedureFieldCode.Withdrawn, message: `procedure ${record.code} was withdrawn and cannot change` }]);
        continue;
      }
      try {
        const version = this.publisher.plan(
          { procedure: { code: record.code }, content: record.content, effectiveFrom: record.effectiveFrom, enteredAt: record.enteredAt, actor, refs, calendar },
          previous,
        );
        wave.push({ index: record.index, version, previous, isNew: !procedure });
      } catch (e) {
        // A broken rule fails this record only; anything else (database, bug) fails the import.
        if (!(e instanceof AppError)) throw e;
        fail(e.fields?.length ? e.fields : [{ field: '', code: e.code, message: e.message }]);
      }
    }
    if (wave.length > 0) await flush();
    return raws.map((r) => results.get(r.index)!);
  }

  /** Parses, maps (LayThuTuc) and validates one record; checks that need no database. */
  private prepare(raw: RawRecord): Prepared | { code?: string; errors: FieldError[] } {
    if ('error' in raw) return { errors: [{ field: '', code: 'MALFORMED_RECORD', message: raw.error }] };
    let plain = raw.value;
    const codeOf = (v: unknown) => (typeof v === 'object' && v !== null ? (v as { code?: unknown; MATTHC?: unknown }) : {});
    const rawCode = codeOf(plain).MATTHC ?? codeOf(plain).code;
    const code = typeof rawCode === 'string' ? rawCode : undefined;
    if (isLayThuTucRecord(plain)) {
      const mapped = mapLayThuTuc(plain as Record<string, unknown>);
      if (!mapped.ok) return { code, errors: mapped.errors };
      plain = mapped.value;
    }
    const validated = validatePayload(ImportRecordDto, plain);
    if (!validated.ok) return { code, errors: validated.errors };
    const dto = validated.value;
    const content = canonicalContent(dto);
    const latestDate = this.policy.latestDecisionDate();
    if (content.publicationDecision.date > latestDate) {
      return {
        code,
        errors: [{ field: 'publicationDecision.date', code: 'PUBLICATION_DATE_IN_FUTURE', message: `must not be later than ${latestDate}` }],
      };
    }
    const now = this.clock.now();
    const enteredAt = dto.enteredAt ? parseInstantOrDate(dto.enteredAt)! : now;
    if (enteredAt > now) return { code, errors: [{ field: 'enteredAt', code: 'IN_FUTURE', message: 'enteredAt must not be in the future' }] };
    return {
      index: raw.index,
      code: dto.code,
      content,
      hash: contentHash(content),
      effectiveFrom: dto.effectiveFrom ? parseInstantOrDate(dto.effectiveFrom) : undefined,
      enteredAt,
    };
  }
}

function newProcedure(code: string, at: Date): ProcedureEntity {
  return {
    code,
    status: 'DRAFT',
    latestVersion: null,
    draft: null,
    draftRevision: 0,
    draftUpdatedAt: null,
    withdrawnAt: null,
    withdrawal: null,
    createdAt: at,
    updatedAt: at,
  };
}
