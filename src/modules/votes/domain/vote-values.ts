import type { IdeaCounts, VoteMode } from '../../ideas/domain/idea-score';

/** The values each vote mode accepts (PRODUCT.md: 1, −1, or 1–5 by mode). */
export function isValidVoteValue(mode: VoteMode, value: number): boolean {
  switch (mode) {
    case 'up':
      return value === 1;
    case 'updown':
      return value === 1 || value === -1;
    case 'rating':
      return Number.isInteger(value) && value >= 1 && value <= 5;
  }
}

export const ALLOWED_VALUES: Record<VoteMode, string> = { up: '1', updown: '1 or -1', rating: '1–5' };

export interface TallyDelta {
  up: number;
  down: number;
  ratingCount: number;
  ratingSum: number;
  voters: number;
}

function contribution(mode: VoteMode, value: number | null): TallyDelta {
  if (value === null) return { up: 0, down: 0, ratingCount: 0, ratingSum: 0, voters: 0 };
  if (mode === 'rating') return { up: 0, down: 0, ratingCount: 1, ratingSum: value, voters: 1 };
  return { up: value > 0 ? 1 : 0, down: value < 0 ? 1 : 0, ratingCount: 0, ratingSum: 0, voters: 1 };
}

/** How an idea's tally changes when a voter's valid vote goes from `before` to `after` (null: none). */
export function tallyDelta(mode: VoteMode, before: number | null, after: number | null): TallyDelta {
  const from = contribution(mode, before);
  const to = contribution(mode, after);
  return {
    up: to.up - from.up,
    down: to.down - from.down,
    ratingCount: to.ratingCount - from.ratingCount,
    ratingSum: to.ratingSum - from.ratingSum,
    voters: to.voters - from.voters,
  };
}

/** The stored tally columns of an idea. */
export function countsOf(idea: IdeaCounts): IdeaCounts {
  return { upCount: idea.upCount, downCount: idea.downCount, ratingCount: idea.ratingCount, ratingSum: idea.ratingSum, votersCount: idea.votersCount };
}

/** An idea's tally after one voter's valid vote goes from `before` to `after`; the one rule every writer uses. */
export function withVoteChange(counts: IdeaCounts, mode: VoteMode, before: number | null, after: number | null): IdeaCounts {
  const d = tallyDelta(mode, before, after);
  return {
    upCount: counts.upCount + d.up,
    downCount: counts.downCount + d.down,
    ratingCount: counts.ratingCount + d.ratingCount,
    ratingSum: counts.ratingSum + d.ratingSum,
    votersCount: counts.votersCount + d.voters,
  };
}

export interface VoteChange {
  counts: IdeaCounts;
  /** False when the tally is the same as before (a repeated or an invalid vote). */
  changed: boolean;
  /** What the campaign's rating sums must follow. */
  ratingDelta: { count: number; sum: number };
}

/** The tally after a planned change of one voter's value, and what else must follow it. */
export function applyVoteChange(counts: IdeaCounts, mode: VoteMode, before: number | null, after: number | null): VoteChange {
  const d = tallyDelta(mode, before, after);
  const changed = d.up !== 0 || d.down !== 0 || d.voters !== 0 || d.ratingSum !== 0 || d.ratingCount !== 0;
  return { counts: withVoteChange(counts, mode, before, after), changed, ratingDelta: { count: d.ratingCount, sum: d.ratingSum } };
}
