import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

/**
 * The applicant as an agency system syncs it. Unlike online intake, the ID number is optional here: systems
 * back-fill counter dossiers whose applicant's number they never recorded (the compatibility vocabulary's
 * `SoGiayToChuHoSo` is optional too).
 */
export class SyncApplicantDto {
  @ApiPropertyOptional({ example: 'Nguyễn Văn An', maxLength: 200, description: 'Omitted: stored as an empty name (back-filled dossiers)' })
  @IsOptional() @IsString() @Length(1, 200) fullName?: string;

  @ApiPropertyOptional({ description: 'Citizen identity number (12 digits) or old ID card number (9 digits)', example: '001086001234' })
  @IsOptional() @Matches(/^(\d{9}|\d{12})$/, { message: 'idNumber must be 9 or 12 digits' }) idNumber?: string;

  @ApiPropertyOptional({ example: '0912345678' })
  @IsOptional() @Matches(/^\+?\d{9,15}$/, { message: 'phone must be 9 to 15 digits, optionally starting with +' }) phone?: string;

  @ApiPropertyOptional({ example: 'an.nguyen@example.vn' })
  @IsOptional() @IsEmail() @MaxLength(254) email?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional() @IsString() @MaxLength(500) address?: string;
}
