import { CoreSchema1763830000000 } from './1763830000000-core-schema';
import { QualityControlSchema1763840000000 } from './1763840000000-quality-control-schema';
import { IncentivesSchema1763850000000 } from './1763850000000-incentives-schema';
import { TrainingSchema1763860000000 } from './1763860000000-training-schema';
import { VoteExclusionsSchema1763870000000 } from './1763870000000-vote-exclusions-schema';
import { FingerprintHashesSchema1763880000000 } from './1763880000000-fingerprint-hashes-schema';
import { CappedPointsIndex1763890000000 } from './1763890000000-capped-points-index';
import { IdeaAuthorStatusIndex1763900000000 } from './1763900000000-idea-author-status-index';

/** Every migration in order; the app, the tests and the CLI run exactly this list. */
export const MIGRATIONS = [
  CoreSchema1763830000000,
  QualityControlSchema1763840000000,
  IncentivesSchema1763850000000,
  TrainingSchema1763860000000,
  VoteExclusionsSchema1763870000000,
  FingerprintHashesSchema1763880000000,
  CappedPointsIndex1763890000000,
  IdeaAuthorStatusIndex1763900000000,
];
