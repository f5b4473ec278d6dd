import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateColumn, JsonColumn } from '../../database/json-column';

/** One review per judge per idea, replaced while the campaign is judged. */
@Entity('idea_reviews')
export class IdeaReview {
  @PrimaryColumn('varchar', { length: 36 }) ideaId!: string;
  @PrimaryColumn('varchar', { length: 36 }) judgeId!: string;
  @Column('varchar', { length: 36 }) campaignId!: string;
  @JsonColumn() scores!: Record<string, number>;
  @Column('text', { nullable: true }) comment!: string | null;
  @DateColumn() createdAt!: Date;
  @DateColumn() updatedAt!: Date;
}
