import { Module } from '@nestjs/common';
import { AttachmentsModule, TicketsModule } from '../tickets/index.js';
import { KbArticleQueries } from './kb-article-queries.js';
import { KbArticlesController } from './kb-articles.controller.js';
import { KbArticlesService } from './kb-articles.service.js';
import {
  KbAttachmentsController,
  KbPublicAttachmentsController,
} from './kb-attachments.controller.js';
import { KbAttachmentsService } from './kb-attachments.service.js';
import { KbAutoAnswer } from './kb-auto-answer.service.js';
import { KbFeedbackService } from './kb-feedback.service.js';
import { KbPreviewsController } from './kb-previews.controller.js';
import { KbPublicController } from './kb-public.controller.js';
import { KbReadingController } from './kb-reading.controller.js';
import { KbReviewQueueController } from './kb-review-queue.controller.js';
import { KbReviewQueueService } from './kb-review-queue.service.js';
import { KbRevisionsService } from './kb-revisions.service.js';
import { KbSearchService } from './kb-search.service.js';
import { KbSectionsController } from './kb-sections.controller.js';
import { KbSectionsService } from './kb-sections.service.js';
import { KbSettingsController } from './kb-settings.controller.js';
import { KbSettingsService } from './kb-settings.service.js';
import { KbReplySuggestionsService } from './kb-reply-suggestions.service.js';
import { KbTicketDraftsService } from './kb-ticket-drafts.service.js';
import { KbTicketsController } from './kb-tickets.controller.js';
import { KbTicketSuggestionsController } from './kb-ticket-suggestions.controller.js';
import { KbDeflectionReportController } from './kb-deflection-report.controller.js';
import { KbDeflectionReportService } from './kb-deflection-report.service.js';
import { KbSuggestionOpensController } from './kb-suggestion-opens.controller.js';
import { KbSuggestionOpensService } from './kb-suggestion-opens.service.js';
import { KbViewCounter } from './kb-view-counter.js';

/**
 * The knowledge base (issue 17): sections with audiences, articles in Markdown with revisions,
 * search, votes, ticket links, view counts; the public KB. See docs/knowledge-base.md.
 */
@Module({
  // AttachmentsModule: article files live in the ticket attachments' store, received alike.
  imports: [TicketsModule, AttachmentsModule],
  controllers: [
    KbSuggestionOpensController,
    KbDeflectionReportController,
    KbSectionsController,
    KbReadingController,
    KbArticlesController,
    KbPublicController,
    KbSettingsController,
    KbTicketSuggestionsController,
    KbPreviewsController,
    KbReviewQueueController,
    KbAttachmentsController,
    KbPublicAttachmentsController,
    KbTicketsController,
  ],
  providers: [
    KbSuggestionOpensService,
    KbDeflectionReportService,
    KbSectionsService,
    KbArticleQueries,
    KbArticlesService,
    KbRevisionsService,
    KbFeedbackService,
    KbSearchService,
    KbViewCounter,
    KbAttachmentsService,
    KbAutoAnswer,
    KbSettingsService,
    KbReviewQueueService,
    KbTicketDraftsService,
    KbReplySuggestionsService,
  ],
  exports: [KbArticleQueries, KbSearchService, KbViewCounter, KbSettingsService],
})
export class KnowledgeBaseModule {}
