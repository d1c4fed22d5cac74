import { Module } from '@nestjs/common';
import { CalendarReadModel } from './calendar-read-model';

@Module({ providers: [CalendarReadModel], exports: [CalendarReadModel] })
export class CalendarReadModelModule {}
