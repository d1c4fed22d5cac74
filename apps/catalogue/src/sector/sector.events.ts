import type { SectorUpsertedV1 } from '@hub/contracts';
import type { SectorEntity } from './sector.entity';

/** The full snapshot published on catalogue.sector.upserted.v1. */
export function sectorSnapshot(s: SectorEntity): SectorUpsertedV1 {
  return { code: s.code, name: s.name, active: s.active, revision: s.revision };
}
