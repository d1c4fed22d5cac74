import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** RFC 6749 §4.4.2, as a form (or JSON) body; client credentials may come by HTTP Basic instead. */
export class TokenRequestBody {
  @ApiProperty({ example: 'client_credentials' }) @IsString() @MaxLength(64) grant_type!: string;
  @ApiPropertyOptional({ example: 'hanoi-one-stop' }) @IsOptional() @IsString() @MaxLength(64) client_id?: string;
  @ApiPropertyOptional({ description: "The client's API key" }) @IsOptional() @IsString() @MaxLength(256) client_secret?: string;
  @ApiPropertyOptional({ example: 'dossier:submit dossier:read', description: "Space-separated subset of the client's roles (default: all of them)" })
  @IsOptional() @IsString() @MaxLength(1024) scope?: string;
}

export interface IssueAccessTokenCommand {
  grantType: string;
  /** From HTTP Basic or the form: the two are not mixed. */
  credentials?: { clientId: string; clientSecret: string };
  scope?: string;
}

export class AccessTokenView {
  @ApiProperty({ description: 'An EdDSA-signed JWT (typ at+jwt)', example: 'eyJhbGciOiJFZERTQSIsImtpZCI6Im1LM3BRMHY5Y1QyaFdiN0UiLCJ0eXAiOiJhdCtqd3QifQ.eyJzdWIiOiJoYW5vaS1vbmUtc3RvcCJ9.c2lnbmF0dXJl' }) // an illustrative token (header, one claim, a dummy signature): secret-scan: allow
  access_token!: string;
  @ApiProperty({ example: 'Bearer' }) token_type!: 'Bearer';
  @ApiProperty({ example: 600 }) expires_in!: number;
  @ApiProperty({ example: 'dossier:submit dossier:read' }) scope!: string;
}
