import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@hub/platform';
import { PaymentConfig } from '../config/payment.config';
import { IntervalRunner } from '../shared/interval-runner';
import { ExpirePaymentsUseCase } from './usecases/expire-payments/expire-payments.usecase';

/** Runs the expiry pass every PAYMENT_EXPIRY_JOB_INTERVAL_MS (0: never, e.g. in tests that call the use case). */
@Injectable()
export class ExpirePaymentsJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runner = new IntervalRunner('payment expiry', new Logger(ExpirePaymentsJob.name));

  constructor(
    private readonly expire: ExpirePaymentsUseCase,
    private readonly clock: Clock,
    private readonly config: PaymentConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.runner.start(this.config.PAYMENT_EXPIRY_JOB_INTERVAL_MS, () => this.expire.execute(this.clock.now()));
  }

  onApplicationShutdown(): Promise<void> {
    return this.runner.stop();
  }
}
