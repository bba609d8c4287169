import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { KB_LANGUAGES, type KbLanguage } from '@relaydesk/contracts';
import { UUID_SCHEMA, VersionField } from '../../../common/openapi/request-fields.js';
import { KbPersonDto } from './kb-article.dto.js';

/** An article the automatic answer offered a ticket's requester. */
export class TicketKbSuggestionDto {
  @ApiProperty({ format: 'uuid' }) articleId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: KB_LANGUAGES }) language!: KbLanguage;
  @ApiProperty({ description: '1-3, best first' }) position!: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the requester closed the ticket with this article',
  })
  solvedAt!: string | null;
  @ApiPropertyOptional({
    description: 'Staff only: the match score (0-1) that let the article through',
  })
  score?: number;
  @ApiPropertyOptional({ type: KbPersonDto, nullable: true, description: 'Staff only' })
  solvedBy?: KbPersonDto | null;
}

export class TicketKbSuggestionsDto {
  @ApiProperty({ type: [TicketKbSuggestionDto] }) items!: TicketKbSuggestionDto[];
  @ApiProperty({
    description:
      "The caller is the requester and the workflow lets them close the ticket now with one of these ('This solved my problem')",
  })
  canClose!: boolean;
}

export class TicketKbSolutionDto {
  @ApiProperty({ ...UUID_SCHEMA, description: 'The suggested article that solved the problem' })
  @IsUUID()
  articleId!: string;
  /** The ticket's version, as for a transition. */
  @VersionField() version!: number;
}
