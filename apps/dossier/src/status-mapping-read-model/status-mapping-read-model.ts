import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DossierStatus, StatusMappingUpdatedV1 } from '@hub/contracts';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { StatusMappingEntity } from './status-mapping.entity';

/** Translates `localStatus` codes: per agency, local code → national status. */
export type StatusTranslator = (agencyCodes: readonly string[], localStatus: string) => DossierStatus | null;

@Injectable()
export class StatusMappingReadModel {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Keeps the highest version per agency. */
  async apply(tx: EntityManager, mapping: StatusMappingUpdatedV1): Promise<void> {
    await tx.query(
      `INSERT INTO status_mapping (agency_code, version, mappings) VALUES ($1, $2, $3)
       ON CONFLICT (agency_code) DO UPDATE SET version = EXCLUDED.version, mappings = EXCLUDED.mappings
       WHERE status_mapping.version < EXCLUDED.version`,
      [mapping.agencyCode, mapping.version, JSON.stringify(mapping.mappings)],
    );
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
