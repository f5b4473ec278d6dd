import { ApiProperty } from '@nestjs/swagger';
import { Campaign } from '../campaign.entity';
import type { CampaignIncentives, CampaignRules } from '../domain/campaign-rules';

export class CampaignResponse {
  @ApiProperty() id!: string;
  @ApiProperty() businessId!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() problemStatement!: string;
  @ApiProperty() category!: string;
  @ApiProperty() status!: string;
  @ApiProperty() visibility!: string;
  @ApiProperty() submissionClosesAt!: string;
  @ApiProperty() votingClosesAt!: string;
  @ApiProperty() judgingClosesAt!: string;
  @ApiProperty() rules!: CampaignRules;
  @ApiProperty() incentives!: CampaignIncentives;
  @ApiProperty({ nullable: true, type: String }) programId!: string | null;
  @ApiProperty({ nullable: true, type: String }) cohortId!: string | null;
  @ApiProperty() votersCount!: number;
  @ApiProperty() createdAt!: string;

  static from(c: Campaign): CampaignResponse {
    return {
      id: c.id,
      businessId: c.businessId,
      kind: c.kind,
      title: c.title,
      problemStatement: c.problemStatement,
      category: c.category,
      status: c.status,
      visibility: c.visibility,
      submissionClosesAt: c.submissionClosesAt.toISOString(),
      votingClosesAt: c.votingClosesAt.toISOString(),
      judgingClosesAt: c.judgingClosesAt.toISOString(),
      rules: c.rules,
      incentives: c.incentives,
      programId: c.programId,
      cohortId: c.cohortId,
      votersCount: c.votersCount,
      createdAt: c.createdAt.toISOString(),
    };
  }
}
