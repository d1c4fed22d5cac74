import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class RequestRefundBody {
  @ApiProperty({ description: 'Whole VND, at most what is still refundable', example: 25000 })
  @IsInt({ message: 'amount must be a whole number of VND' })
  @Min(1)
  @Max(1_000_000_000_000)
  amount!: number;

  @ApiProperty({ example: 'Hồ sơ bị từ chối, hoàn lệ phí' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class RefundView {
  @ApiProperty({ format: 'uuid', example: '5e2a9c7f-1b3d-4a6e-8f0c-3d7b9e1a2c48' }) refundId!: string;
  @ApiProperty({ format: 'uuid', example: '7d9f3c2a-4b1e-4c8d-9a6f-2e5b8c1d4f70' }) paymentId!: string;
  @ApiProperty({ description: 'Whole VND', example: 25000 }) amount!: number;
  @ApiProperty({ example: 'Hồ sơ bị từ chối, hoàn lệ phí' }) reason!: string;
  @ApiProperty({ enum: ['PROPOSED', 'PENDING', 'SENT', 'SUCCEEDED', 'FAILED'], example: 'PENDING' }) state!: string;
  @ApiProperty({ format: 'date-time', example: '2026-03-16T14:05:00+07:00' }) createdAt!: string;
}
