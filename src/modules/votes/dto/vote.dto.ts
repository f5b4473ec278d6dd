import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional } from 'class-validator';
import { IntRange } from '../../../common/validation/decorators';

export class CastVoteDto {
  @ApiPropertyOptional({ description: '1 (up), -1 (down) or 1–5 (rating); defaults to 1', example: 1 })
  @IsOptional()
  @IsInt()
  @IntRange(-1, 5)
  value?: number;
}

export class LeaderboardQuery {
  @ApiPropertyOptional({ default: 50, maximum: 100 }) @IsOptional() @Type(() => Number) @IntRange(1, 100) limit?: number;
}

export class VoteResponse {
  @ApiProperty() ideaId!: string;
  @ApiProperty({ nullable: true, type: Number }) value!: number | null;
  @ApiProperty() tally!: { up: number; down: number; ratings: number; mean: number | null; voters: number };
  @ApiProperty() score!: number;
}

class LeaderboardEntryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() authorId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The author’s display name; null once the account is gone' }) authorName!: string | null;
  @ApiProperty() rank!: number;
  @ApiProperty() score!: number;
  @ApiProperty() tally!: { up: number; down: number; ratings: number; mean: number | null; voters: number };
  @ApiProperty() status!: string;
}

/** The document of GET /campaigns/:id/leaderboard (sent as ready-made JSON text). */
export class LeaderboardResponse {
  @ApiProperty() campaignId!: string;
  @ApiProperty({ enum: ['up', 'updown', 'rating'] }) voteMode!: string;
  @ApiProperty({ type: [LeaderboardEntryResponse] }) items!: LeaderboardEntryResponse[];
}
