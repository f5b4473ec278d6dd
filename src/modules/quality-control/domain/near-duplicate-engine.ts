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
  /**
   * A new idea's id: once proposed for, the idea is entered in the index out of sight, and shown
   * when its fingerprint arrives with the same hashes (`apply`), without entering it again.
   */
  reserveAs?: string;
}

/** Reserved ideas kept per campaign at most, the oldest released first: one whose writer never said how it ended. */
const MAX_RESERVED = 1024;

/** A new idea entered in the index before its fingerprint is written, and the hashes it was entered with. */
interface Reservation {
  slot: number;
  hashes: Uint32Array;
}

/** A campaign's ideas: their signatures in the LSH index, their hashes in an arena under the same slots. */
class CampaignIdeas {
  readonly lsh = new MinHashIndex();
  readonly hashes = new HashArena();
  readonly versions = new Map<string, number>();
  /** In the order they were made. */
  readonly reserved = new Map<string, Reservation>();
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
      const reserved = this.takeReservation(campaign, change);
      if (!change.active) {
        campaign.lsh.remove(change.ideaId);
        campaign.versions.delete(change.ideaId);
        continue;
      }
      let slot: number;
      if (reserved === undefined) slot = campaign.lsh.add(change.ideaId, change.hashes);
      else campaign.lsh.claim((slot = reserved), change.ideaId);
      campaign.hashes.put(slot, change.hashes);
      campaign.versions.set(change.ideaId, change.version);
    }
    return campaign.versions.size;
  }

  /** The end of a reservation whose idea was not written (refused, or failed): it leaves the index. */
  release(campaignId: string, ideaId: string): void {
    const campaign = this.campaigns.get(campaignId);
    if (campaign) releaseReservation(campaign, ideaId);
  }

  /** The slot reserved for the change's idea when it holds exactly the change's hashes; any other reservation of it is released. */
  private takeReservation(campaign: CampaignIdeas, change: FingerprintChange): number | undefined {
    const reservation = campaign.reserved.get(change.ideaId);
    if (!reservation) return undefined;
    campaign.reserved.delete(change.ideaId);
    if (change.active && sameHashes(reservation.hashes, change.hashes)) return reservation.slot;
    campaign.lsh.release(reservation.slot);
    return undefined;
  }

  private reserve(campaign: CampaignIdeas, ideaId: string, hashes: Uint32Array): void {
    if (campaign.versions.has(ideaId) || campaign.reserved.has(ideaId)) return;
    campaign.reserved.set(ideaId, { slot: campaign.lsh.reserve(hashes), hashes });
    if (campaign.reserved.size > MAX_RESERVED) releaseReservation(campaign, campaign.reserved.keys().next().value!);
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
    if (query.reserveAs !== undefined) this.reserve(campaign, query.reserveAs, query.hashes);
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

function releaseReservation(campaign: CampaignIdeas, ideaId: string): void {
  const reservation = campaign.reserved.get(ideaId);
  if (!reservation) return;
  campaign.reserved.delete(ideaId);
  campaign.lsh.release(reservation.slot);
}

function sameHashes(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
