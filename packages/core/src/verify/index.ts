/** The shutdown-and-verify loop: the state machine the service runs, and the checks it ends with. */
export {
  initialVerifyState,
  isFinished,
  POLL_BACKOFF,
  stepVerify,
  type VerifyEffect,
  type VerifyEvent,
  type VerifyOptions,
  type VerifyPhase,
  type VerifyState,
} from './verify-machine';
export {
  MEMORY_TOLERANCE,
  verifyBaseline,
  verifyChecks,
  type VerifyBaseline,
  type VerifyCheck,
} from './verify-checks';
export { baselineChanges, type BaselineChange } from './baseline-changes';
