import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { AGENCY_CODE_PATTERN, HUB_ROLES, type HubRole } from '@hub/contracts';
import { CALLER_KINDS, type CallerKind } from '@hub/platform';
import { API_CLIENT_ID_EXAMPLE, API_CLIENT_ID_PATTERN } from '../../api-client-id';

export class RegisterApiClientCommand {
  @ApiProperty({ example: API_CLIENT_ID_EXAMPLE, description: 'Lower-case id, 3–64 chars' })
  @Matches(API_CLIENT_ID_PATTERN, { message: 'clientId must be 3-64 lower-case letters, digits or dashes' }) clientId!: string;

  @ApiProperty({ example: 'Hệ thống một cửa điện tử Hà Nội' })
  @IsString() @Length(1, 200) name!: string;

  @ApiProperty({ enum: CALLER_KINDS.filter((k) => k !== 'public') })
  @IsIn(CALLER_KINDS.filter((k) => k !== 'public')) kind!: Exclude<CallerKind, 'public'>;

  @ApiProperty({ type: [String], example: ['000.00.00.H31'], description: 'Agencies an agency system acts for' })
  @IsArray() @ArrayMaxSize(5000) @Matches(AGENCY_CODE_PATTERN, { each: true, message: 'each agency code must look like 000.00.15.H31 or H55.242' })
  agencyCodes!: string[];

  @ApiPropertyOptional({ enum: HUB_ROLES, isArray: true, description: "Default: the kind's default roles (README)" })
  @IsOptional() @IsArray() @ArrayMaxSize(HUB_ROLES.length) @IsIn(HUB_ROLES, { each: true }) roles?: HubRole[];
}

export class RegisteredApiClientDto {
  @ApiProperty() clientId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ type: [String] }) agencyCodes!: string[];
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ description: 'Shown once; only its hash is stored' }) apiKey!: string;
}
