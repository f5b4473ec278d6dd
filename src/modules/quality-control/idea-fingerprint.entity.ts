import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateColumn, JsonColumn } from '../../database/json-column';
import { packHashes, unpackHashes } from './domain/gram-hashes';

/**
 * The 5-gram set of an idea's normalised text (ALGORITHMS.md §1), written in the idea's own
 * transaction. The in-memory near-duplicate index of every instance is rebuilt from these rows, and
 * `version` (per campaign, strictly increasing in commit order) tells an instance what it has missed.
 */
@Entity('idea_fingerprints')
export class IdeaFingerprint {
  @PrimaryColumn('varchar', { length: 36 }) ideaId!: string;
  @Column('varchar', { length: 36 }) campaignId!: string;
  @Column('integer') version!: number;
  /** Rejected ideas and confirmed duplicates stay recorded but are no longer anyone's original. */
  @Column('boolean', { default: true }) active!: boolean;
  @JsonColumn() grams!: string[];
  /** The grams' sorted distinct hashes (`hashGrams`), stored packed: what catch-ups and re-checks compare without parsing the grams. */
  @Column('text', { transformer: { to: (hashes?: Uint32Array) => hashes && packHashes(hashes), from: (packed: string) => unpackHashes(packed) } })
  hashes!: Uint32Array;
  @DateColumn() submittedAt!: Date;
  @DateColumn() updatedAt!: Date;
}

/** The last fingerprint version of a campaign; bumping it locks the row, so writers of one campaign take turns. */
@Entity('campaign_fingerprint_versions')
export class CampaignFingerprintVersion {
  @PrimaryColumn('varchar', { length: 36 }) campaignId!: string;
  @Column('integer', { default: 0 }) version!: number;
}
