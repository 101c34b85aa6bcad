import { composeContexts, CONTEXTS } from '@ashar/contexts';

/** Every entity of every context in the manifest list: what migrations must produce (checked by the drift test). */
export const ALL_ENTITIES = composeContexts(CONTEXTS).entities;
