import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@hub/platform';
import { PaymentConfig } from '../config/payment.config';
import { IntervalRunner } from '../shared/interval-runner';
import { DispatchRefundsUseCase } from './usecases/dispatch-refunds/dispatch-refunds.usecase';

@Injectable()
export class DispatchRefundsJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runner = new IntervalRunner('refund dispatch', new Logger(DispatchRefundsJob.name));

  constructor(
    private readonly dispatch: DispatchRefundsUseCase,
    private readonly clock: Clock,
    private readonly config: PaymentConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.runner.start(this.config.REFUND_DISPATCH_INTERVAL_MS, () => this.dispatch.execute(this.clock.now()));
  }

  onApplicationShutdown(): Promise<void> {
    return this.runner.stop();
  }
}
