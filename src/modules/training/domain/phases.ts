import { PROGRAM_PHASES, type ProgramPhase } from './training.types';

/**
 * Phases only move forward: discussion → theory → practice → evaluation. A program may skip ahead
 * (one without a needs campaign starts teaching at once) but never goes back, because instruments
 * and responses already collected belong to the later phase.
 */
export function canMovePhase(from: ProgramPhase, to: ProgramPhase): boolean {
  return PROGRAM_PHASES.indexOf(to) > PROGRAM_PHASES.indexOf(from);
}
