import { ApiProperty } from '@nestjs/swagger';

/** A published Ed25519 public key (RFC 8037). */
export class Ed25519JwkView {
  @ApiProperty({ enum: ['OKP'], example: 'OKP' }) kty!: 'OKP';
  @ApiProperty({ enum: ['Ed25519'], example: 'Ed25519' }) crv!: 'Ed25519';
  @ApiProperty({ description: 'The public key (base64url)', example: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }) x!: string;
  @ApiProperty({ description: 'Derived from the key: the same on every replica', example: 'mK3pQ0v9cT2hWb7E' }) kid!: string;
  @ApiProperty({ enum: ['EdDSA'], example: 'EdDSA' }) alg!: 'EdDSA';
  @ApiProperty({ enum: ['sig'], example: 'sig' }) use!: 'sig';
}

export class JwkSetView {
  @ApiProperty({ type: [Ed25519JwkView], description: 'The current key first; during a rotation the previous one too' }) keys!: Ed25519JwkView[];
}
