import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { TransactionRunner } from '@hub/persistence';
import { Clock } from '@hub/platform';
import { PaymentConfig } from '../config/payment.config';
import { ProviderRegistry } from '../provider/provider.registry';
import { IntervalRunner } from '../shared/interval-runner';
import { ReconciliationRepository } from './reconciliation.repository';
import { ReconcileStatementUseCase } from './usecases/reconcile-statement/reconcile-statement.usecase';

/** Yesterday (Asia/Ho_Chi_Minh) as yyyy-MM-dd. */
export function yesterdayInVietnam(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
}

/**
 * Reconciles yesterday for every provider whose statement can be fetched, once: each pass checks, and the daily
 * run's unique index makes a second replica's insert a no-op.
 */
@Injectable()
export class DailyReconcileJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DailyReconcileJob.name);
  private readonly runner = new IntervalRunner('daily reconciliation', this.logger);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly providers: ProviderRegistry,
    private readonly reconciliations: ReconciliationRepository,
    private readonly reconcile: ReconcileStatementUseCase,
    private readonly clock: Clock,
    private readonly config: PaymentConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.runner.start(this.config.DAILY_RECONCILE_INTERVAL_MS, () => this.runOnce());
  }

  async runOnce(): Promise<number> {
    const date = yesterdayInVietnam(this.clock.now());
    let done = 0;
    for (const provider of this.providers.all()) {
      if (!provider.fetchStatement) continue;
      if (await this.transactions.run((tx) => this.reconciliations.exists(tx, provider.name, date, 'DAILY'))) continue;
      try {
        if (await this.reconcile.execute({ provider: provider.name, date, caller: 'daily-job' })) done++;
      } catch (e) {
        this.logger.warn(`daily reconciliation of ${provider.name} on ${date}: ${(e as Error).message}`);
      }
    }
    return done;
  }

  onApplicationShutdown(): Promise<void> {
    return this.runner.stop();
  }
}
