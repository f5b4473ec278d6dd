import { CoreSchema1763830000000 } from './1763830000000-core-schema';

/** Every migration in order; the app, the tests and the CLI run exactly this list. */
export const MIGRATIONS = [CoreSchema1763830000000];
