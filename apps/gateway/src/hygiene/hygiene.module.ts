import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { registerDoorHooks, type DoorOptions } from './door-hooks';

export const DOOR_OPTIONS = Symbol('DOOR_OPTIONS');

@Module({})
export class HygieneModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(DOOR_OPTIONS) private readonly options: DoorOptions,
  ) {}

  onModuleInit(): void {
    registerDoorHooks(this.adapterHost.httpAdapter.getInstance<FastifyInstance>(), this.options);
  }
}
