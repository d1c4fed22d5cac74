import { Inject, Injectable, Logger } from '@nestjs/common';
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

interface Waiting {
  record: ExchangeRecord;
  resolve: (entry: ExchangeEntry) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit of the exchange log. Every append holds the chain head's row lock, so appends are serial
 * anyway; rather than each caller paying its own transaction, one group is in flight at a time and the records
 * that arrive meanwhile go together in the next one. No timer: when nothing is in flight a record starts its
 * group at once, so a lone request waits for nothing but its own transaction. Each caller gets its own entry;
 * a failed group rejects every caller in it and takes nothing from the next, which reads the head afresh.
 */
@Injectable()
export class ExchangeLogAppender {
  private readonly logger = new Logger(ExchangeLogAppender.name);
  private readonly waiting: Waiting[] = [];
  private inFlight = false;

  constructor(@Inject(ExchangeLogStore) private readonly store: GroupStore) {}

  /** Resolves once the record's entry is committed; rejects if its group could not be. */
  append(record: ExchangeRecord): Promise<ExchangeEntry> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ record, resolve, reject });
      if (!this.inFlight) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.inFlight = true;
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0, MAX_GROUP);
      try {
        const entries = await this.store.appendAll(group.map((w) => w.record));
        group.forEach((w, i) => w.resolve(entries[i]));
      } catch (error) {
        this.logger.error({ msg: 'Exchange log group append failed', records: group.length, err: error });
        for (const w of group) w.reject(groupNotRecorded(group.length));
      }
    }
    this.inFlight = false;
  }
}
