import { HASH_COLLISION_MARGIN, HashArena, HashedJaccardQuery } from './gram-hashes';
import { MinHashIndex } from './minhash-index';

/** Below this many ideas every one is compared (full recall); above it MinHash/LSH proposes candidates. */
const FULL_SCAN_LIMIT = 2000;
/** Finalists re-verified on their stored grams; more than enough for one original and the top 3 similar. */
const MAX_FINALISTS = 12;

/**
 * A fingerprint row as the index takes it: written, rewritten by a revision, or deactivated. Grams
 * travel as their sorted distinct hashes (`hashGrams`): a typed array crosses to the thread as one
 * copy, where an array of two hundred strings cost the sender more than the check itself.
 */
export interface FingerprintChange {
  ideaId: string;
  version: number;
  active: boolean;
  hashes: Uint32Array;
}

export interface ProposalQuery {
  hashes: Uint32Array;
  similarThreshold: number;
  ignoreId: string | null;
}

/** A campaign's ideas: their signatures in the LSH index, their hashes in an arena under the same slots. */
class CampaignIdeas {
  readonly lsh = new MinHashIndex();
  readonly hashes = new HashArena();
  readonly versions = new Map<string, number>();
}

/**
 * The in-memory near-duplicate index of several campaigns (ALGORITHMS.md §1): each idea's hashed
 * grams and its MinHash/LSH signature, kept up to date from fingerprint changes. Pure and
 * deterministic; it runs on a thread of its own, so the event loop never spends its time here.
 */
export class NearDuplicateEngine {
  private readonly campaigns = new Map<string, CampaignIdeas>();

  /** Applies changes in version order; an older version of an idea than the one held is ignored. Returns the campaign's size. */
  apply(campaignId: string, changes: readonly FingerprintChange[]): number {
    const campaign = this.campaign(campaignId);
    for (const change of changes) {
      const known = campaign.versions.get(change.ideaId);
      if (known !== undefined && known >= change.version) continue;
      // The idea's old hashes go with its old slot, whichever slot a rewrite then takes.
      const previous = campaign.lsh.slotFor(change.ideaId);
      if (previous !== undefined) campaign.hashes.clear(previous);
      if (!change.active) {
        campaign.lsh.remove(change.ideaId);
        campaign.versions.delete(change.ideaId);
        continue;
      }
      campaign.hashes.put(campaign.lsh.add(change.ideaId, change.hashes), change.hashes);
      campaign.versions.set(change.ideaId, change.version);
    }
    return campaign.versions.size;
  }

  /**
   * The ideas worth an exact check against `query`, strongest first: those whose hashed similarity
   * reaches the similar band (less a margin for hash collisions), from every idea of a small campaign
   * or the LSH candidates of a large one.
   */
  propose(campaignId: string, query: ProposalQuery): string[] {
    const campaign = this.campaigns.get(campaignId);
    if (!campaign) return [];
    const { lsh, hashes } = campaign;
    const compared = new HashedJaccardQuery(query.hashes);
    const floor = Math.max(0, query.similarThreshold - HASH_COLLISION_MARGIN);
    const slots = campaign.versions.size <= FULL_SCAN_LIMIT ? [...campaign.versions.keys()].map((id) => lsh.slotFor(id)!) : lsh.candidateSlots(query.hashes);
    const values = hashes.values;
    const scored: Array<{ id: string; similarity: number }> = [];
    for (const slot of slots) {
      const id = lsh.idIn(slot);
      if (id === undefined || id === query.ignoreId) continue;
      const similarity = compared.similarityInRangeAtLeast(values, hashes.start(slot), hashes.end(slot), floor);
      if (similarity !== null) scored.push({ id, similarity });
    }
    scored.sort((a, b) => b.similarity - a.similarity);
    return scored.slice(0, MAX_FINALISTS).map((s) => s.id);
  }

  /** Forgets a campaign (it is rebuilt from its fingerprints when next checked). */
  drop(campaignId: string): void {
    this.campaigns.delete(campaignId);
  }

  private campaign(campaignId: string): CampaignIdeas {
    let campaign = this.campaigns.get(campaignId);
    if (!campaign) {
      campaign = new CampaignIdeas();
      this.campaigns.set(campaignId, campaign);
    }
    return campaign;
  }
}
