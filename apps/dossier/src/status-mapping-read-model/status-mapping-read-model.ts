import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DossierStatus, StatusMappingUpdatedV1 } from '@hub/contracts';
import { SnapshotConflictError } from '@hub/messaging';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { StatusMappingEntity } from './status-mapping.entity';

/** Translates `localStatus` codes: per agency, local code → national status. */
export type StatusTranslator = (agencyCodes: readonly string[], localStatus: string) => DossierStatus | null;

@Injectable()
export class StatusMappingReadModel {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Keeps the highest version per agency; the same version with other mappings is a conflict (dead-lettered). */
  async apply(tx: EntityManager, mapping: StatusMappingUpdatedV1): Promise<void> {
    const values = [mapping.agencyCode, mapping.version, JSON.stringify(mapping.mappings)];
    const applied: unknown[] = await tx.query(
      `INSERT INTO status_mapping (agency_code, version, mappings) VALUES ($1, $2, $3)
       ON CONFLICT (agency_code) DO UPDATE SET version = EXCLUDED.version, mappings = EXCLUDED.mappings
       WHERE status_mapping.version < EXCLUDED.version
       RETURNING 1`,
      values,
    );
    if (applied.length > 0) return;
    const conflicting: unknown[] = await tx.query('SELECT 1 FROM status_mapping WHERE agency_code = $1 AND version = $2 AND mappings <> $3::jsonb', values);
    if (conflicting.length > 0) throw new SnapshotConflictError('status mapping', mapping.agencyCode, mapping.version);
  }

  /** The mappings of the given agencies, looked up in the order given (the record's agency first, then the caller's). */
  async translatorFor(agencyCodes: readonly string[]): Promise<StatusTranslator> {
    const rows = agencyCodes.length === 0 ? [] : await this.dataSource.manager.find(StatusMappingEntity, { where: { agencyCode: In([...new Set(agencyCodes)]) } });
    const byAgency = new Map(rows.map((r) => [r.agencyCode, new Map(r.mappings.map((m) => [m.localCode, m.nationalStatus as DossierStatus]))]));
    return (agencies, localStatus) => {
      for (const agency of agencies) {
        const status = byAgency.get(agency)?.get(localStatus);
        if (status !== undefined) return status;
      }
      return null;
    };
  }
}
