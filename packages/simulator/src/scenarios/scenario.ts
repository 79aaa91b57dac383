/** A distro as the simulated Windows registers it. */
export interface SimulatedDistro {
  readonly name: string;
  readonly version: 1 | 2;
  readonly isDefault: boolean;
  /** Whether it runs when the scenario starts. */
  readonly running: boolean;
  /** What `nproc` and `uname -r` answer inside it. */
  readonly nproc: number;
  readonly kernelRelease: string;
}

/** The versions `wsl --version` reports, in its fixed line order. */
export interface SimulatedWslVersion {
  readonly wsl: string;
  readonly kernel: string;
  readonly wslg: string;
  readonly msrdc: string;
  readonly direct3d: string;
  readonly dxcore: string;
  readonly windows: string;
}

/** A named situation of a Windows machine that the fake executables act out. */
export interface Scenario {
  readonly name: string;
  /** One line for `headroom scenarios`. */
  readonly summary: string;
  readonly distros: readonly SimulatedDistro[];
  readonly wslVersion: SimulatedWslVersion;
}
