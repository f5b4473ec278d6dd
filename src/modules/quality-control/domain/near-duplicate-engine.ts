import { HASH_COLLISION_MARGIN, HashArena, HashedJaccardQuery } from './gram-hashes';
import { MinHashIndex } from './minhash-index';
import { sameValues } from './typed-arrays';

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
   * A new idea's id: once proposed for, the idea is entered in the index, numbered, and compared by
   * later proposals while its transaction is under way; its fingerprint, when it arrives with the same
   * hashes (`apply`), names the slot without entering the idea again.
   */
  reserveAs?: string;
}

/**
 * The new ideas a proposal compared before their fingerprints were written: every idea reserved in
 * the campaign's index `epoch` with a number from `from` to `to`. An idea written meanwhile that is
 * among them need not be compared again in the proposal's transaction.
 */
export interface Coverage {
  /** One campaign index on one thread: numbers from another (a rebuilt index, a restarted thread) say nothing. */
  epoch: string;
  from: number;
  to: number;
}

/** A new idea's place among the reservations of an index epoch. */
export interface ReservationNumber {
  epoch: string;
  number: number;
}

export interface Proposal {
  /** The ids worth an exact check, strongest first; a reserved idea among them may not be written yet. */
  finalists: string[];
  /** Null when the campaign has no index here. */
  coverage: Coverage | null;
  /** Where the query's idea was reserved, when `reserveAs` reserved it. */
  reservation: ReservationNumber | null;
}

/** Whether a proposal with `coverage` compared the idea reserved as `reservation`. */
export function covers(coverage: Coverage | null, reservation: ReservationNumber | null): boolean {
  return coverage !== null && reservation !== null && reservation.epoch === coverage.epoch && reservation.number >= coverage.from && reservation.number <= coverage.to;
}

/** Reserved ideas kept per campaign at most, the oldest released first: one whose writer never said how it ended. */
const MAX_RESERVED = 1024;

/** A new idea entered in the index before its fingerprint is written: its slot, the hashes it was entered with, its number. */
interface Reservation {
  slot: number;
  hashes: Uint32Array;
  number: number;
}

/** A campaign's ideas: their signatures in the LSH index, their hashes in an arena under the same slots. */
class CampaignIdeas {
  readonly lsh = new MinHashIndex();
  readonly hashes = new HashArena();
  readonly versions = new Map<string, number>();
  /** By idea, in the order they were made. */
  readonly reserved = new Map<string, Reservation>();
  /** The reserved idea in each slot that holds one: the LSH index names only written ideas. */
  readonly reservedIn = new Map<number, string>();
  nextNumber = 1;
  /** Reservations numbered below this were released unanswered and may yet be written unseen: no proposal covers them. */
  firstCovered = 1;

  constructor(readonly epoch: string) {}
}

/**
 * The in-memory near-duplicate index of several campaigns (ALGORITHMS.md §1): each idea's hashed
 * grams and its MinHash/LSH signature, kept up to date from fingerprint changes, and the new ideas
 * whose transactions are under way. Pure and deterministic; it runs on a thread of its own, so the
 * event loop never spends its time here.
 */
export class NearDuplicateEngine {
  private readonly campaigns = new Map<string, CampaignIdeas>();
  private epochs = 0;

  /** `epochPrefix` tells this engine's campaign indexes from those of an engine before it (a restarted thread). */
  constructor(private readonly epochPrefix = '') {}

  /** Applies changes in version order; an older version of an idea than the one held is ignored. Returns the campaign's size. */
  apply(campaignId: string, changes: readonly FingerprintChange[]): number {
    const campaign = this.campaign(campaignId);
    for (const change of changes) {
      const known = campaign.versions.get(change.ideaId);
      if (known !== undefined && known >= change.version) continue;
      // The idea's old hashes go with its old slot, whichever slot a rewrite then takes.
      const previous = campaign.lsh.slotFor(change.ideaId);
      if (previous !== undefined) campaign.hashes.clear(previous);
      const reserved = takeReservation(campaign, change);
      if (!change.active) {
        campaign.lsh.remove(change.ideaId);
        campaign.versions.delete(change.ideaId);
        continue;
      }
      if (reserved === undefined) campaign.hashes.put(campaign.lsh.add(change.ideaId, change.hashes), change.hashes);
      else campaign.lsh.claim(reserved, change.ideaId);
      campaign.versions.set(change.ideaId, change.version);
    }
    return campaign.versions.size;
  }

  /** The end of a reservation whose idea was not written (refused, or failed): it leaves the index. */
  release(campaignId: string, ideaId: string): void {
    const campaign = this.campaigns.get(campaignId);
    if (campaign) releaseReservation(campaign, ideaId);
  }

  /**
   * The ideas worth an exact check against `query`, strongest first: those whose hashed similarity
   * reaches the similar band (less a margin for hash collisions), from every idea of a small campaign
   * or the LSH candidates of a large one, reserved ideas included.
   */
  propose(campaignId: string, query: ProposalQuery): Proposal {
    const campaign = this.campaigns.get(campaignId);
    if (!campaign) return { finalists: [], coverage: null, reservation: null };
    const { lsh, hashes, reservedIn } = campaign;
    const compared = new HashedJaccardQuery(query.hashes);
    const floor = Math.max(0, query.similarThreshold - HASH_COLLISION_MARGIN);
    const slots =
      campaign.versions.size <= FULL_SCAN_LIMIT
        ? [...[...campaign.versions.keys()].map((id) => lsh.slotFor(id)!), ...reservedIn.keys()]
        : lsh.candidateSlots(query.hashes);
    const scored: Array<{ id: string; similarity: number }> = [];
    for (const slot of slots) {
      const id = lsh.idIn(slot) ?? reservedIn.get(slot);
      if (id === undefined || id === query.ignoreId || id === query.reserveAs) continue;
      const similarity = compared.similarityInArenaAtLeast(hashes, slot, floor);
      if (similarity !== null) scored.push({ id, similarity });
    }
    scored.sort((a, b) => b.similarity - a.similarity);
    const coverage: Coverage = { epoch: campaign.epoch, from: campaign.firstCovered, to: campaign.nextNumber - 1 };
    const number = query.reserveAs !== undefined ? reserve(campaign, query.reserveAs, query.hashes) : null;
    const reservation = number === null ? null : { epoch: campaign.epoch, number };
    return { finalists: scored.slice(0, MAX_FINALISTS).map((s) => s.id), coverage, reservation };
  }

  /** Forgets a campaign (it is rebuilt from its fingerprints when next checked). */
  drop(campaignId: string): void {
    this.campaigns.delete(campaignId);
  }

  private campaign(campaignId: string): CampaignIdeas {
    let campaign = this.campaigns.get(campaignId);
    if (!campaign) {
      campaign = new CampaignIdeas(`${this.epochPrefix}${++this.epochs}`);
      this.campaigns.set(campaignId, campaign);
    }
    return campaign;
  }
}

/** Enters a new idea under a numbered reservation; null when the index holds it already. */
function reserve(campaign: CampaignIdeas, ideaId: string, hashes: Uint32Array): number | null {
  if (campaign.versions.has(ideaId) || campaign.reserved.has(ideaId)) return null;
  const slot = campaign.lsh.reserve(hashes);
  campaign.hashes.put(slot, hashes);
  const number = campaign.nextNumber++;
  campaign.reserved.set(ideaId, { slot, hashes, number });
  campaign.reservedIn.set(slot, ideaId);
  if (campaign.reserved.size > MAX_RESERVED) {
    const [oldestId, oldest] = campaign.reserved.entries().next().value!;
    campaign.firstCovered = oldest.number + 1;
    releaseReservation(campaign, oldestId);
  }
  return number;
}

/**
 * The slot reserved for the change's idea when it was entered with exactly the change's hashes (its
 * hashes stay in the arena under it); any other reservation of the idea is released.
 */
function takeReservation(campaign: CampaignIdeas, change: FingerprintChange): number | undefined {
  const reservation = campaign.reserved.get(change.ideaId);
  if (!reservation) return undefined;
  if (!change.active || !sameValues(reservation.hashes, change.hashes)) {
    releaseReservation(campaign, change.ideaId);
    return undefined;
  }
  campaign.reserved.delete(change.ideaId);
  campaign.reservedIn.delete(reservation.slot);
  return reservation.slot;
}

function releaseReservation(campaign: CampaignIdeas, ideaId: string): void {
  const reservation = campaign.reserved.get(ideaId);
  if (!reservation) return;
  campaign.reserved.delete(ideaId);
  campaign.reservedIn.delete(reservation.slot);
  campaign.hashes.clear(reservation.slot);
  campaign.lsh.release(reservation.slot);
}
