import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ProcedureEntity, ProcedureVersionEntity } from './procedure.entity';
import { searchStatements, type SearchCriteria, type SearchHit, type SearchRow } from './procedure-search.sql';
import { VERSION_COLUMN_TYPES, VERSION_COLUMNS, versionRecord } from './procedure-version.columns';
/** What a new version must follow. */
export interface LatestVersion {
  version: number;
  contentHash: string;
  effectiveFrom: Date;
  publishedAt: Date;
}

/** The versions' summary columns (everything but the content). */
export type VersionSummary = Omit<ProcedureVersionEntity, 'content' | 'nameSearch' | 'searchText'>;

@Injectable()
export class ProcedureRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(code: string, tx: EntityManager = this.dataSource.manager): Promise<ProcedureEntity | null> {
    return tx.findOneBy(ProcedureEntity, { code });
  }

  /** The procedure row locked until the transaction ends (every write to a procedure goes through it). */
  async findForUpdate(tx: EntityManager, code: string): Promise<ProcedureEntity | null> {
    return tx.getRepository(ProcedureEntity).createQueryBuilder('p').setLock('pessimistic_write').where('p.code = :code', { code }).getOne();
  }

  /** Inserts a new procedure; false when the code exists (concurrent creators lose without an error). */
  async insert(tx: EntityManager, procedure: ProcedureEntity): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO procedure (code, status, latest_version, draft, draft_revision, draft_updated_at, withdrawn_at, withdrawal, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (code) DO NOTHING RETURNING code`,
      [
        procedure.code,
        procedure.status,
        procedure.latestVersion,
        procedure.draft === null ? null : JSON.stringify(procedure.draft),
        procedure.draftRevision,
        procedure.draftUpdatedAt,
        procedure.withdrawnAt,
        procedure.withdrawal === null ? null : JSON.stringify(procedure.withdrawal),
        procedure.createdAt,
        procedure.updatedAt,
      ],
    );
    return rows.length > 0;
  }

  async update(tx: EntityManager, procedure: ProcedureEntity): Promise<void> {
    const { code, ...fields } = procedure;
    await tx.update(ProcedureEntity, { code }, fields);
  }

  /** Locks the procedures of a batch, in code order (no deadlock between concurrent imports). */
  async lockMany(tx: EntityManager, codes: readonly string[]): Promise<Map<string, ProcedureEntity>> {
    if (codes.length === 0) return new Map();
    const rows = await tx
      .getRepository(ProcedureEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.code IN (:...codes)', { codes: [...new Set(codes)] })
      .orderBy('p.code')
      .getMany();
    return new Map(rows.map((p) => [p.code, p]));
  }

  /** The latest version of each procedure of a batch. */
  async latestMany(tx: EntityManager, codes: readonly string[]): Promise<Map<string, LatestVersion>> {
    if (codes.length === 0) return new Map();
    const rows: Array<{ procedure_code: string; version: number; content_hash: string; effective_from: Date; published_at: Date }> = await tx.query(
      `SELECT DISTINCT ON (procedure_code) procedure_code, version, content_hash, effective_from, published_at
         FROM procedure_version WHERE procedure_code = ANY($1) ORDER BY procedure_code, version DESC`,
      [[...new Set(codes)]],
    );
    return new Map(
      rows.map((r) => [r.procedure_code, { version: r.version, contentHash: r.content_hash, effectiveFrom: r.effective_from, publishedAt: r.published_at }]),
    );
  }

  /** Inserts the procedure rows of first versions as PUBLISHED; returns the codes that already existed. */
  async insertPublishedMany(tx: EntityManager, versions: readonly ProcedureVersionEntity[]): Promise<Set<string>> {
    if (versions.length === 0) return new Set();
    const rows: Array<{ code: string }> = await tx.query(
      `INSERT INTO procedure (code, status, latest_version, draft, draft_revision, created_at, updated_at)
       SELECT x.code, 'PUBLISHED', x.version, NULL, 0, x.at, x.at
         FROM unnest($1::text[], $2::int[], $3::timestamptz[]) AS x(code, version, at)
       ON CONFLICT (code) DO NOTHING RETURNING code`,
      [versions.map((v) => v.procedureCode), versions.map((v) => v.version), versions.map((v) => v.publishedAt)],
    );
    const inserted = new Set(rows.map((r) => r.code));
    return new Set(versions.map((v) => v.procedureCode).filter((c) => !inserted.has(c)));
  }

  async closeVersions(tx: EntityManager, closes: ReadonlyArray<{ code: string; version: number; effectiveTo: Date }>): Promise<void> {
    if (closes.length === 0) return;
    await tx.query(
      `UPDATE procedure_version v SET effective_to = x.effective_to
         FROM unnest($1::text[], $2::int[], $3::timestamptz[]) AS x(code, version, effective_to)
        WHERE v.procedure_code = x.code AND v.version = x.version`,
      [closes.map((c) => c.code), closes.map((c) => c.version), closes.map((c) => c.effectiveTo)],
    );
  }

  async insertVersions(tx: EntityManager, versions: readonly ProcedureVersionEntity[]): Promise<void> {
    if (versions.length === 0) return;
    await tx.query(
      `INSERT INTO procedure_version (${VERSION_COLUMNS.join(', ')})
       SELECT ${VERSION_COLUMNS.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${VERSION_COLUMN_TYPES})`,
      [JSON.stringify(versions.map(versionRecord))],
    );
  }

  /** Existing procedures whose new version was just written. */
  async markPublished(tx: EntityManager, versions: readonly ProcedureVersionEntity[]): Promise<void> {
    if (versions.length === 0) return;
    await tx.query(
      `UPDATE procedure p SET status = 'PUBLISHED', latest_version = x.version, updated_at = x.at
         FROM unnest($1::text[], $2::int[], $3::timestamptz[]) AS x(code, version, at)
        WHERE p.code = x.code`,
      [versions.map((v) => v.procedureCode), versions.map((v) => v.version), versions.map((v) => v.publishedAt)],
    );
  }

  latestVersion(tx: EntityManager, code: string): Promise<ProcedureVersionEntity | null> {
    return tx.findOne(ProcedureVersionEntity, { where: { procedureCode: code }, order: { version: 'DESC' } });
  }

  async insertVersion(tx: EntityManager, version: ProcedureVersionEntity): Promise<void> {
    await tx.insert(ProcedureVersionEntity, version);
  }

  async closeVersion(tx: EntityManager, code: string, version: number, effectiveTo: Date): Promise<void> {
    await tx.update(ProcedureVersionEntity, { procedureCode: code, version }, { effectiveTo });
  }

  /** The version in force at `at`: effectiveFrom ≤ at < effectiveTo. */
  inForce(code: string, at: Date): Promise<ProcedureVersionEntity | null> {
    return this.dataSource.manager
      .createQueryBuilder(ProcedureVersionEntity, 'v')
      .where('v.procedureCode = :code', { code })
      .andWhere('v.effectiveFrom <= :at', { at })
      .andWhere('(v.effectiveTo IS NULL OR v.effectiveTo > :at)', { at })
      .getOne();
  }

  version(code: string, version: number): Promise<ProcedureVersionEntity | null> {
    return this.dataSource.manager.findOneBy(ProcedureVersionEntity, { procedureCode: code, version });
  }

  versions(code: string): Promise<VersionSummary[]> {
    return this.dataSource.manager.find(ProcedureVersionEntity, {
      where: { procedureCode: code },
      order: { version: 'ASC' },
      select: {
        procedureCode: true,
        version: true,
        name: true,
        sectorCodes: true,
        publishingAgencyCode: true,
        implementingAgencyCodes: true,
        onlineLevel: true,
        contentHash: true,
        effectiveFrom: true,
        effectiveTo: true,
        publishedAt: true,
        publishedBy: true,
        decisionDate: true,
        entryDeadlineWorkingDays: true,
        entryDeadline: true,
        timeliness: true,
        timelinessNote: true,
      },
    });
  }

  /**
   * Procedures in force at `at`, matching every word of `q` (accent- and case-insensitive, as word prefixes),
   * ranked: exact code, exact name, name prefix, name contains the phrase, other matches; then trigram
   * similarity of the name, then code, so pages are stable. `total` counts all matches.
   */
  async search(c: SearchCriteria): Promise<{ hits: SearchHit[]; total: number }> {
    const { pageSql, countSql, params, countParams } = searchStatements(c);
    const rows: SearchRow[] = await this.dataSource.query(pageSql, params);
    // The page carries the total (window count over every match); only a page past the end needs the count query.
    let total = rows.length > 0 ? Number(rows[0].total) : 0;
    if (rows.length === 0 && c.offset > 0) {
      const [row] = await this.dataSource.query(countSql, countParams);
      total = row.total;
    }
    return {
      total,
      hits: rows.map((r) => ({
        code: r.procedure_code,
        version: r.version,
        name: r.name,
        sectorCodes: r.sector_codes,
        publishingAgencyCode: r.publishing_agency_code,
        implementingAgencyCodes: r.implementing_agency_codes,
        onlineLevel: r.online_level,
        effectiveFrom: r.effective_from,
        effectiveTo: r.effective_to,
        tier: Number(r.tier),
        score: Number(r.score),
      })),
    };
  }
}
