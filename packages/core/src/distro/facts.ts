import { unreadable, type Parsed } from '../probe/parse-result';
import { parseModelDirs, type ModelDir } from './model-dirs';
import type { DistroProbeBlock } from './batch';
import type { DistroProbeId } from './commands';
import { parseLibcuda, type LibcudaFacts } from './libcuda';
import { parseMeminfo, type Meminfo } from './meminfo';
import { parseMounts, type Mount } from './mounts';
import { parseNproc } from './nproc';
import { parseNvidiaPackages, type NvidiaPackages } from './nvidia-packages';
import { parseOsRelease, type OsRelease } from './os-release';
import { parseUname, type KernelRelease } from './uname';
import { parseWslConf, type WslConf } from './wsl-conf';

/** The facts read from the in-distro probes that were collected; a missing probe leaves its fact absent. */
export interface DistroFacts {
  readonly meminfo?: Parsed<Meminfo>;
  readonly nproc?: Parsed<number>;
  readonly kernel?: Parsed<KernelRelease>;
  readonly osRelease?: Parsed<OsRelease>;
  readonly libcuda?: Parsed<LibcudaFacts>;
  readonly nvidiaPackages?: Parsed<NvidiaPackages>;
  readonly wslConf?: Parsed<WslConf>;
  readonly mounts?: Parsed<Mount[]>;
  readonly modelDirs?: Parsed<ModelDir[]>;
}

/**
 * Read a probe's block: a probe that did not finish is unreadable; one that must succeed (`strict`) is unreadable
 * on a non-zero exit, with the first line of its stderr as the reason; otherwise the parser judges the output.
 */
function readBlock<T>(
  id: DistroProbeId,
  block: DistroProbeBlock | undefined,
  parse: (text: string) => Parsed<T>,
  strict: boolean,
): Parsed<T> | undefined {
  if (block === undefined) return undefined;
  if (block.exitCode === null)
    return unreadable(id, 'the probe did not finish (it hung or was killed)', block.stdout);
  if (strict && block.exitCode !== 0) {
    const firstLine = block.stderr.split('\n').find((line) => line.trim() !== '') ?? '';
    return unreadable(
      id,
      `exit code ${block.exitCode}${firstLine === '' ? '' : `: ${firstLine.trim()}`}`,
      block.stdout,
    );
  }
  return parse(block.stdout);
}

/**
 * Read every in-distro fact whose block is given (from splitDistroProbeOutput, or a capture's records). The
 * nvidia-smi probes are left to the nvidia-smi parsers.
 */
export function readDistroFacts(blocks: Partial<Record<string, DistroProbeBlock>>): DistroFacts {
  const wslConfBlock = blocks['distro-wsl-conf'];
  const facts = {
    meminfo: readBlock('distro-meminfo', blocks['distro-meminfo'], parseMeminfo, true),
    nproc: readBlock('distro-nproc', blocks['distro-nproc'], parseNproc, true),
    kernel: readBlock('distro-uname', blocks['distro-uname'], parseUname, true),
    osRelease: readBlock('distro-os-release', blocks['distro-os-release'], parseOsRelease, true),
    libcuda: readBlock('distro-libcuda', blocks['distro-libcuda'], parseLibcuda, false),
    nvidiaPackages: readBlock(
      'distro-nvidia-packages',
      blocks['distro-nvidia-packages'],
      parseNvidiaPackages,
      false,
    ),
    wslConf: readBlock(
      'distro-wsl-conf',
      wslConfBlock,
      (text) => parseWslConf(text, wslConfBlock?.exitCode ?? null),
      false,
    ),
    mounts: readBlock('distro-mounts', blocks['distro-mounts'], parseMounts, true),
    modelDirs: readBlock('distro-model-dirs', blocks['distro-model-dirs'], parseModelDirs, false),
  };
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined));
}
