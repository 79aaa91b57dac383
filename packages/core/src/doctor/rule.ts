import type { CaptureFacts } from '../capture/capture-facts';
import type { Finding } from './finding';

/** A file near the user's .wslconfig that WSL never reads (found live; captures do not hold them). */
export interface MisplacedFile {
  readonly path: string;
  readonly message: string;
}

/** What the user wants to run, and what it needs (from `headroom fit`). */
export interface TargetNeed {
  /** The model and context, in words ("Llama 3.1 70B Q4_K_M, 8192 tokens"). */
  readonly label: string;
  /** RAM the model needs inside WSL: offloaded layers, KV cache beyond VRAM, and the runtime. */
  readonly ramBytes: number;
  /** How the figure was reached, one line. */
  readonly reasoning: string;
}

/** What the rules judge: the facts of a capture, plus what only a live run or the user's settings know. */
export interface DoctorInput {
  readonly facts: CaptureFacts;
  readonly misplaced?: readonly MisplacedFile[];
  readonly target?: TargetNeed;
}

/** A diagnosis rule: a pure function from the input to its findings (none when all is well). */
export type Rule = (input: DoctorInput) => Finding[];
