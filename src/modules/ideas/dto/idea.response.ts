import { ApiProperty } from '@nestjs/swagger';
import { Idea, QualityReport } from '../idea.entity';
import { CampaignVoteContext, crowdScoreOf, tallyOf } from '../domain/idea-score';

export class IdeaResponse {
  @ApiProperty() id!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty() authorId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The author’s display name; null once the account is gone' }) authorName!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() status!: string;
  @ApiProperty({ nullable: true, type: String }) statusReason!: string | null;
  @ApiProperty() tally!: ReturnType<typeof tallyOf>;
  @ApiProperty() score!: number;
  @ApiProperty() qualityReport!: QualityReport;
  @ApiProperty() revision!: number;
  @ApiProperty() submittedAt!: string;
  @ApiProperty() updatedAt!: string;

  /** `authorNames` from UsersService.displayNames, read once for a whole page. */
  static from(idea: Idea, context: CampaignVoteContext, authorNames: ReadonlyMap<string, string>): IdeaResponse {
    return {
      id: idea.id,
      campaignId: idea.campaignId,
      authorId: idea.authorId,
      authorName: authorNames.get(idea.authorId) ?? null,
      title: idea.title,
      description: idea.description,
      tags: idea.tags,
      status: idea.status,
      statusReason: idea.statusReason,
      tally: tallyOf(idea),
      score: crowdScoreOf(idea, context),
      qualityReport: idea.qualityReport,
      revision: idea.revision,
      submittedAt: idea.submittedAt.toISOString(),
      updatedAt: idea.updatedAt.toISOString(),
    };
  }
}
