import { InitialSchema1763700000000 } from './1763700000000-InitialSchema.js';

// Listed explicitly (not globbed) so the same list works from src under jest and from dist.
export const migrations = [InitialSchema1763700000000];
