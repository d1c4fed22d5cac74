import { Module } from '@nestjs/common';
import { PersistenceModule } from '@hub/persistence';
import { CalendarYearEntity } from './calendar.entity';
import { AgencyModule } from '../agency/agency.module';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { ComputeDueDateUseCase } from './usecases/compute-due-date/compute-due-date.usecase';
import { GetCalendarUseCase } from './usecases/get-calendar/get-calendar.usecase';
import { PutCalendarUseCase } from './usecases/put-calendar/put-calendar.usecase';

@Module({
  imports: [PersistenceModule.forFeature([CalendarYearEntity]), AgencyModule],
  controllers: [CalendarController],
  providers: [CalendarRepository, PutCalendarUseCase, GetCalendarUseCase, ComputeDueDateUseCase],
  exports: [CalendarRepository, PutCalendarUseCase],
})
export class CalendarModule {}
