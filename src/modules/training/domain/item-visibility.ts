import type { InstrumentItem } from './training.types';

export type VisibleItem = Omit<InstrumentItem, 'correct' | 'points'> & Partial<Pick<InstrumentItem, 'correct' | 'points'>>;

/**
 * Test keys (the correct choice and the points that reveal which items weigh most) stay with the
 * trainers until the instrument closes; a participant who could read them would score 100 %.
 */
export function itemsForReader(items: readonly InstrumentItem[], revealKeys: boolean): VisibleItem[] {
  if (revealKeys) return items.map((item) => ({ ...item }));
  return items.map(({ correct: _correct, points: _points, ...rest }) => rest);
}

/** Keys are revealed to everyone once the instrument has closed; to its trainers always. */
export function revealsKeys(isTrainer: boolean, closesAt: Date | null, now: Date): boolean {
  return isTrainer || (closesAt !== null && closesAt <= now);
}
