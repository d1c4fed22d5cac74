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
  @ApiProperty({ format: 'uuid' }) refundId!: string;
  @ApiProperty({ format: 'uuid' }) paymentId!: string;
  @ApiProperty() amount!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ['PROPOSED', 'PENDING', 'SENT', 'SUCCEEDED', 'FAILED'] }) state!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
