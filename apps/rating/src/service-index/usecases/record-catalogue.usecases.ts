import { Injectable } from '@nestjs/common';
import type { AgencyUpsertedV1, ProcedurePublishedV1 } from '@hub/contracts';
import type { EntityManager } from 'typeorm';
import { enteredWithinDeadline } from '../domain/catalogue-timeliness';
import { catalogueContribution } from '../domain/contributions';
import { IndexFactsRepository } from '../store/index-facts.repository';

/**
 * A procedure version counts once for the agency publishing it, in the month it was entered. The catalogue's own
 * judgement (`entryTimeliness`, on the national calendar) decides; UNKNOWN is not counted. Versions from producers
 * that do not send it yet are judged here on weekdays (see catalogue-timeliness.ts); a version without its
 * publication decision or entry time cannot be judged and is not counted.
 */
@Injectable()
export class RecordProcedureVersionUseCase {
  constructor(private readonly facts: IndexFactsRepository) {}

  async execute(tx: EntityManager, p: ProcedurePublishedV1): Promise<void> {
    const decision = p.publicationDecision;
    if (!decision || !p.publishedAt || p.entryTimeliness === 'UNKNOWN') return;
    if (!(await this.facts.firstProcedureVersion(tx, p.code, p.version))) return;
    const enteredAt = new Date(p.publishedAt);
    const agencyCode = p.publishingAgencyCode ?? decision.issuingAgencyCode;
    const withinDeadline = p.entryTimeliness ? p.entryTimeliness === 'ON_TIME' : enteredWithinDeadline(decision, enteredAt);
    await this.facts.addToCounters(tx, [catalogueContribution(agencyCode, enteredAt, withinDeadline)]);
  }
}

/** The agency tree and levels, for roll-up and ranking. */
@Injectable()
export class RecordAgencyUseCase {
  constructor(private readonly facts: IndexFactsRepository) {}

  async execute(tx: EntityManager, a: AgencyUpsertedV1): Promise<void> {
    await this.facts.upsertAgency(tx, { code: a.code, name: a.name, level: a.level, parentCode: a.parentCode ?? null, active: a.active, revision: a.revision ?? 0 });
  }
}
