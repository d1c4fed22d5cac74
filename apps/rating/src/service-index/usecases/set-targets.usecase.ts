import { Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import type { CallerIdentity } from '@hub/platform';
import type { DataSource } from 'typeorm';
import { INDICATOR_NAMES, type IndicatorName, type Targets } from '../domain/indicators';
import { ServiceIndexErrors } from '../service-index.errors';
import { IndexReadRepository } from '../store/index-read.repository';

const target = (example: number) => (t: object, key: string) => {
  IsOptional()(t, key);
  IsNumber({ maxDecimalPlaces: 4, allowNaN: false, allowInfinity: false })(t, key);
  Min(0.0001)(t, key);
  Max(1)(t, key);
  ApiPropertyOptional({ minimum: 0.0001, maximum: 1, description: 'Value at which the indicator earns its full weight', example })(t, key);
};

/** New targets for some indicators (0 < target ≤ 1); the others keep theirs. Applies to every period on the next read. */
export class SetTargetsBody implements Partial<Record<IndicatorName, number>> {
  @target(1) catalogueTimeliness?: number;
  @target(1) syncTimeliness?: number;
  @target(0.95) onTimeRate?: number;
  @target(0.9) digitisedRate?: number;
  @target(0.9) electronicResultRate?: number;
  @target(0.8) onlineRate?: number;
  @target(0.5) onlinePaymentRate?: number;
  @target(0.9) satisfactionRate?: number;
}

export interface SetTargetsCommand {
  targets: SetTargetsBody;
  caller: CallerIdentity;
}

@Injectable()
export class SetTargetsUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly index: IndexReadRepository,
  ) {}

  async execute(command: SetTargetsCommand): Promise<Targets> {
    if (command.caller.kind !== 'operator') throw ServiceIndexErrors.operatorsOnly();
    const changes = Object.fromEntries(INDICATOR_NAMES.flatMap((n) => (command.targets[n] === undefined ? [] : [[n, command.targets[n]]])));
    await this.dataSource.transaction((tx) => this.index.saveTargets(tx, changes));
    return this.index.targets();
  }
}
