// For test helpers inside libraries: importing an app from a library (even a test file) would add a
// library → app edge to the Nx graph, which the module-boundary rule rejects as a cycle.
export { ALL_ENTITIES } from '../../apps/cli/src/all-entities';
