import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '@hub/platform';
import { PersonalDataAudit, PersonalDataReadsQuery, PersonalDataReadView } from './personal-data-audit';

@ApiTags('audit')
@Controller('v1/personal-data-reads')
export class PersonalDataAuditController {
  constructor(private readonly audit: PersonalDataAudit) {}

  @Get()
  @RequireRoles('audit:read')
  @ApiOperation({ summary: "Reads of applicants' personal data outside the owning agency (who, what, when, stated purpose), oldest first" })
  @ApiOkResponse({ type: [PersonalDataReadView] })
  list(@Query() query: PersonalDataReadsQuery): Promise<PersonalDataReadView[]> {
    return this.audit.list(query);
  }
}
