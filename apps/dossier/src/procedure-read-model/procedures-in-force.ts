import { Injectable } from '@nestjs/common';
import type { ProcedureVersionEntity } from './procedure-version.entity';
import { ProcedureVersionRepository, versionInForce, type ProcedureHistory } from './procedure-version.repository';

/** Procedures whose history is kept; the least recently loaded goes first beyond it (the national catalogue has ~7,000). */
export const MAX_CACHED_PROCEDURES = 20_000;

/**
 * The version of a procedure in force at a time, for online intake, from histories kept in memory: a published
 * version never changes, so a history only goes stale when a newer version or a withdrawal arrives. Nothing here
 * tracks that. The intake's own statement checks, with the dossier it stores, that the version it was decided with
 * is still the one in force (see NumberedIntakeWriter); when it is not, the intake calls `forget` and asks again.
 * So a stale history costs one retry, never a dossier under the wrong version, on any replica, without a
 * notification channel to lose. Unknown procedures are not kept: they are read again each time.
 */
@Injectable()
export class ProceduresInForce {
  private readonly histories = new Map<string, ProcedureHistory>();

  constructor(private readonly repository: ProcedureVersionRepository) {}

  async find(code: string, at: Date): Promise<ProcedureVersionEntity | null> {
    let history = this.histories.get(code);
    if (!history) {
      history = (await this.repository.historiesOf([code])).get(code);
      if (!history) return null;
      this.keep(code, history);
    }
    return versionInForce(history, at);
  }

  /** The history of `code` is stale (the database knows a newer version or a withdrawal): the next `find` reads it again. */
  forget(code: string): void {
    this.histories.delete(code);
  }

  private keep(code: string, history: ProcedureHistory): void {
    if (this.histories.size >= MAX_CACHED_PROCEDURES) this.histories.delete(this.histories.keys().next().value as string);
    this.histories.set(code, history);
  }
}
