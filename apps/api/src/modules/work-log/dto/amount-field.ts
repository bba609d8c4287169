import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import { WORK_LOG_LIMITS } from '@relaydesk/contracts';

/** A quantity or price: 0..10^9 with at most two decimals (stored as numeric(12,2)). */
export const AmountField = (options: { optional?: boolean; description?: string } = {}) =>
  applyDecorators(
    (options.optional ? ApiPropertyOptional : ApiProperty)({
      type: 'number',
      minimum: 0,
      maximum: WORK_LOG_LIMITS.amount,
      multipleOf: 0.01,
      description: options.description,
    }),
    ...(options.optional ? [IsOptional()] : []),
    IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }),
    Min(0),
    Max(WORK_LOG_LIMITS.amount),
  );
