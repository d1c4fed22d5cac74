import type { AgencyUpsertedV1 } from '@hub/contracts';
import type { AgencyEntity } from './agency.entity';

/** The full snapshot published on catalogue.agency.upserted.v1 (absent optional members left out). */
export function agencySnapshot(a: AgencyEntity): AgencyUpsertedV1 {
  const snapshot: AgencyUpsertedV1 = { code: a.code, name: a.name, level: a.level, active: a.active, revision: a.revision };
  if (a.parentCode) snapshot.parentCode = a.parentCode;
  if (a.validFrom) snapshot.validFrom = a.validFrom;
  if (a.validTo) snapshot.validTo = a.validTo;
  return snapshot;
}
