/** The setup wizard's judgements: the four gates of its first step and the .wslconfig proposal for a goal. */
export {
  setupGates,
  setupGpus,
  wslMemTotalBytes,
  type SetupGate,
  type SetupGateId,
  type SetupGates,
  type SetupGpu,
} from './setup-gates';
export {
  proposeWslConfig,
  type ProposalHost,
  type ProposedChange,
  type SetupProposal,
  type SizingKey,
  type SliderBounds,
} from './setup-proposal';
export { fittingAlternatives, type GoalCandidate } from './fit-alternatives';
