import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { AGENCY_CODE_PATTERN, FEE_CHANNELS, PROCEDURE_CODE_PATTERN, type Channel } from '@hub/contracts';

export class ApplicantDto {
  @ApiProperty({ example: 'Nguyễn Văn An', maxLength: 200 })
  @IsString() @Length(1, 200) fullName!: string;

  @ApiProperty({ description: 'Citizen identity number (12 digits) or old ID card number (9 digits)', example: '001086001234' })
  @Matches(/^(\d{9}|\d{12})$/, { message: 'idNumber must be 9 or 12 digits' }) idNumber!: string;

  @ApiPropertyOptional({ example: '0912345678' })
  @IsOptional() @Matches(/^\+?\d{9,15}$/, { message: 'phone must be 9 to 15 digits, optionally starting with +' }) phone?: string;

  @ApiPropertyOptional({ example: 'an.nguyen@example.vn' })
  @IsOptional() @IsEmail() @MaxLength(254) email?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional() @IsString() @MaxLength(500) address?: string;
}

export class SubmitDossierCommand {
  @ApiProperty({ example: '1.001234', description: 'National procedure code (d.dddddd), or a local variant' })
  @Matches(PROCEDURE_CODE_PATTERN, { message: 'procedureCode must look like 1.001234' }) procedureCode!: string;

  @ApiProperty({ example: '000.00.15.H31', description: 'Receiving agency code (QCVN 102:2016 or the short form)' })
  @Matches(AGENCY_CODE_PATTERN, { message: 'receivingAgencyCode must look like 000.00.15.H31 or H55.242' }) receivingAgencyCode!: string;

  @ApiPropertyOptional({ enum: FEE_CHANNELS, default: 'ONLINE' })
  @IsOptional() @IsIn(FEE_CHANNELS) channel: Channel = 'ONLINE';

  @ApiProperty({ type: ApplicantDto })
  @ValidateNested() @Type(() => ApplicantDto) applicant!: ApplicantDto;

  @ApiPropertyOptional({ description: 'Summary of the request (trích yếu)', maxLength: 2000 })
  @IsOptional() @IsString() @MaxLength(2000) summary?: string;
}

export class SubmittedDossierDto {
  @ApiProperty({ example: '000.00.15.H31-260112-0001' }) code!: string;
  @ApiProperty({ example: 1 }) status!: number;
  @ApiProperty() procedureCode!: string;
  @ApiProperty() procedureVersion!: number;
  @ApiProperty() receivingAgencyCode!: string;
  @ApiProperty({ enum: FEE_CHANNELS }) channel!: Channel;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ description: 'Printed on the receipt; with the code it lets the applicant look up status. Returned once, never stored.' })
  lookupKey!: string;
}
