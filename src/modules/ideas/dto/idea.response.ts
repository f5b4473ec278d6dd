import { ApiProperty } from '@nestjs/swagger';
import { Idea, QualityReport } from '../idea.entity';
import { CampaignVoteContext, crowdScoreOf, tallyOf } from '../domain/idea-score';

export class IdeaResponse {
  @ApiProperty() id!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty() authorId!: string;
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

  static from(idea: Idea, context: CampaignVoteContext): IdeaResponse {
    return {
      id: idea.id,
      campaignId: idea.campaignId,
      authorId: idea.authorId,
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
