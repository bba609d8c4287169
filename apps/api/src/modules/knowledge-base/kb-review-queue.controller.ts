import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import { RequirePermissions } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import {
  KbReviewQueueCountDto,
  KbReviewQueuePageDto,
  KbReviewQueueQueryDto,
} from './dto/kb-review-queue.dto.js';
import { KbReviewQueueService } from './kb-review-queue.service.js';

/** Articles due for a review, for the editors who keep the knowledge base current. */
@ApiTags('knowledge-base')
@ApiBearerAuth()
@RequirePermissions(Permission.KbEdit)
@Controller('v1/kb/review-queue')
export class KbReviewQueueController {
  constructor(private readonly queue: KbReviewQueueService) {}

  @Get()
  @ApiOperation({
    summary: 'Published articles not reviewed for N months, the oldest review first (keyset)',
    description:
      'An article never reviewed counts from its creation. `months` defaults to the setting `reviewIntervalMonths`.',
  })
  @ApiOkResponse({ type: KbReviewQueuePageDto })
  @ApiProblems(400, 401, 403)
  page(@Query() q: KbReviewQueueQueryDto): Promise<KbReviewQueuePageDto> {
    return this.queue.page(q);
  }

  @Get('count')
  @ApiOperation({ summary: 'How many articles are due at the configured interval (capped)' })
  @ApiOkResponse({ type: KbReviewQueueCountDto })
  @ApiProblems(401, 403)
  count(): Promise<KbReviewQueueCountDto> {
    return this.queue.count();
  }
}
