import type { ProcedurePublishedV1 } from '@hub/contracts';
import { formatInZone } from '../shared/dates';
import type { ProcedureVersionEntity } from './procedure.entity';

/** The full snapshot published on catalogue.procedure.published.v1. */
export function publishedSnapshot(v: ProcedureVersionEntity): ProcedurePublishedV1 {
  const c = v.content;
  return {
    code: v.procedureCode,
    version: v.version,
    name: c.name,
    sectorCodes: c.sectorCodes,
    implementingAgencyCodes: c.implementingAgencyCodes,
    onlineLevel: c.onlineLevel,
    effectiveFrom: formatInZone(v.effectiveFrom),
    channels: c.channels,
    publishingAgencyCode: c.publishingAgencyCode,
    steps: c.steps,
    requiredDocuments: c.requiredDocuments,
    subjects: c.subjects,
    results: c.results,
    conditions: c.conditions,
    legalBasis: c.legalBasis,
    publicationDecision: c.publicationDecision,
    publishedAt: formatInZone(v.publishedAt),
    entryTimeliness: v.timeliness,
  };
}
