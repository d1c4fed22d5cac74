import { Inject, Injectable, Logger } from '@nestjs/common';
import { GroupCommit } from '@hub/persistence';
import { AppError } from '@hub/platform';
import type { ExchangeEntry, ExchangeRecord } from './exchange-log-chain';
import { ExchangeLogStore } from './exchange-log.store';

/** The most records one group appends: bounds the statement and the wait of the last caller in it. */
export const MAX_GROUP = 256;

/** What the appender needs of the store: one transaction per group. */
export type GroupStore = Pick<ExchangeLogStore, 'appendAll'>;

/**
 * What each caller of a failed group gets. The cause is logged once for the group: its error may carry the whole
 * group's statement parameters, which every caller logging it again would multiply by the group's size.
 */
const groupNotRecorded = (records: number) =>
  new AppError('EXCHANGE_LOG_UNAVAILABLE', `The exchange log could not record the group of ${records} exchanges this one was in.`);

/**
 * Group commit of the exchange log (`GroupCommit`). Appends are serial on the one chain head anyway; rather than
 * each caller paying its own statement, one group is in flight at a time and the records that arrive meanwhile go
 * together in the next one (ExchangeLogStore.appendAll). Each caller gets its own entry; a failed group rejects
 * every caller in it (its records are chained to each other, so none is retried alone) and takes nothing from the
 * next, which reads the head afresh.
 */
@Injectable()
export class ExchangeLogAppender {
  private readonly logger = new Logger(ExchangeLogAppender.name);
  private readonly group: GroupCommit<ExchangeRecord, ExchangeEntry>;

  constructor(@Inject(ExchangeLogStore) store: GroupStore) {
    this.group = new GroupCommit({
      commit: (records) => store.appendAll(records),
      maxGroup: MAX_GROUP,
      onFailure: (error, records) => {
        this.logger.error({ msg: 'Exchange log group append failed', records, err: error });
        return groupNotRecorded(records);
      },
    });
  }

  /** Resolves once the record's entry is committed; rejects if its group could not be. */
  append(record: ExchangeRecord): Promise<ExchangeEntry> {
    return this.group.submit(record);
  }
}
