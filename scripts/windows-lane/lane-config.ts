/** What the lane's driver (Linux) tells the checks that run under Windows' Node. Every path is a Windows path. */
export interface LaneConfig {
  /** Where the checks write their {@link LaneOutcome} list as JSON. */
  readonly resultsFile: string;
  /** The `headroom` command bundled for Windows' Node, and the version its package.json says. */
  readonly cliBundle: string;
  readonly cliVersion: string;
  /** app-start.cjs, the production main bundle, and the deliberately broken one it must fail. */
  readonly appStartLoader: string;
  readonly mainBundle: string;
  readonly brokenBundle: string;
  /** Folder holding the launcher executables `wsl.exe` and `nvidia-smi.exe` over the simulator's fake programs. */
  readonly winBin: string;
  /** The simulator's state folder the fake programs act on. */
  readonly simStateDir: string;
  /** The distros the simulated scenario has, in `wsl --list` order. */
  readonly expectedDistros: readonly string[];
}

/** One check's result. */
export interface LaneOutcome {
  readonly name: string;
  readonly status: 'pass' | 'fail' | 'skip';
  /** Why it failed or was skipped. */
  readonly detail?: string;
  readonly ms: number;
}
