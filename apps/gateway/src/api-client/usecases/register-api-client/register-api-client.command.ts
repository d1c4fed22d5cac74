import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { AGENCY_CODE_PATTERN, HUB_ROLES, type HubRole, IsInstant } from '@hub/contracts';
import { CALLER_KINDS, MAX_AGENCY_CODES_PER_CLIENT, type CallerKind } from '@hub/platform';
import { API_CLIENT_ID_EXAMPLE, API_CLIENT_ID_PATTERN } from '../../api-client-id';

export class RegisterApiClientCommand {
  @ApiProperty({ example: API_CLIENT_ID_EXAMPLE, description: 'Lower-case id, 3–64 chars' })
  @Matches(API_CLIENT_ID_PATTERN, { message: 'clientId must be 3-64 lower-case letters, digits or dashes' }) clientId!: string;

  @ApiProperty({ example: 'Hệ thống một cửa điện tử Hà Nội' })
  @IsString() @Length(1, 200) name!: string;

  @ApiProperty({ enum: CALLER_KINDS.filter((k) => k !== 'public') })
  @IsIn(CALLER_KINDS.filter((k) => k !== 'public')) kind!: Exclude<CallerKind, 'public'>;

  @ApiProperty({
    type: [String],
    example: ['000.00.00.H31'],
    maxItems: MAX_AGENCY_CODES_PER_CLIENT,
    description: `Agencies an agency system acts for (at least one, at most ${MAX_AGENCY_CODES_PER_CLIENT}: they travel in every signed identity); [] for every other kind`,
  })
  // The policy refuses more than MAX_AGENCY_CODES_PER_CLIENT with its own code; this only bounds the work.
  @IsArray() @ArrayMaxSize(5000) @Matches(AGENCY_CODE_PATTERN, { each: true, message: 'each agency code must look like 000.00.15.H31 or H55.242' })
  agencyCodes!: string[];

  @ApiPropertyOptional({ enum: HUB_ROLES, isArray: true, description: "Default: the kind's default roles. Only roles the kind may hold (README, roles matrix)" })
  @IsOptional() @IsArray() @ArrayMaxSize(HUB_ROLES.length) @IsIn(HUB_ROLES, { each: true }) roles?: HubRole[];

  @ApiPropertyOptional({ format: 'date-time', example: '2027-01-01T00:00:00+07:00', description: 'Keys and tokens are refused from this instant (in the future); absent: no expiry' })
  @IsOptional() @IsInstant() expiresAt?: string;
}

export class RegisteredApiClientDto {
  @ApiProperty({ example: API_CLIENT_ID_EXAMPLE }) clientId!: string;
  @ApiProperty({ example: 'Hệ thống một cửa điện tử Hà Nội' }) name!: string;
  @ApiProperty({ example: 'agency-system' }) kind!: string;
  @ApiProperty({ type: [String], example: ['000.00.00.H31'] }) agencyCodes!: string[];
  @ApiProperty({ type: [String], example: ['dossier:sync', 'dossier:read'] }) roles!: string[];
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: null }) expiresAt!: string | null;
  @ApiProperty({ description: 'Shown once; only its hash is stored', example: 'hub_0a1b2c3d_example-not-a-real-key-0000000000000000000000000' }) apiKey!: string;
}
