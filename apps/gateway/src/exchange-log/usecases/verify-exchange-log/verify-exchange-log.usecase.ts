import { Injectable } from '@nestjs/common';
import { findChainBreak, GENESIS_HASH, type ChainBreak } from '../../exchange-log-chain';
import { ExchangeLogStore } from '../../exchange-log.store';
import type { ExchangeLogVerificationView, VerifyExchangeLogQuery } from './verify-exchange-log.query';

const BATCH = 1_000;

/** Walks the chain over [from, to] in batches and names the first entry that is missing, edited or relinked. */
@Injectable()
export class VerifyExchangeLogUseCase {
  constructor(private readonly store: ExchangeLogStore) {}

  async execute(query: VerifyExchangeLogQuery): Promise<ExchangeLogVerificationView> {
    const head = await this.store.head();
    const from = query.from ?? 1;
    const to = Math.min(query.to ?? head.seq, head.seq);
    const result = (checked: number, firstBroken?: ChainBreak) => ({ valid: !firstBroken, from, to, checked, ...(firstBroken ? { firstBroken } : {}) });

    let previous = { seq: 0, entryHash: GENESIS_HASH };
    if (from > 1) {
      const [before] = await this.store.range(from - 1, from - 1, 1);
      if (!before) return result(0, { seq: from - 1, reason: 'MISSING' });
      previous = before;
    }
    let checked = 0;
    while (previous.seq < to) {
      const batch = await this.store.range(previous.seq + 1, to, BATCH);
      const broken = batch.length === 0 ? { seq: previous.seq + 1, reason: 'MISSING' as const } : findChainBreak(previous, batch);
      if (broken) return result(checked + Math.max(0, broken.seq - previous.seq - 1), broken);
      checked += batch.length;
      previous = batch[batch.length - 1];
    }
    // The head row holds the newest hash: a rewritten tail shows here even if it was re-chained consistently.
    if (to === head.seq && to > 0 && previous.entryHash !== head.entryHash) return result(checked - 1, { seq: to, reason: 'EDITED' });
    return result(checked);
  }
}
