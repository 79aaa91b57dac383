import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';
import { classifyNvidiaSmiFailure } from './errors';
import { outputLines } from './values';

/** A MIG instance listed under its GPU. */
export interface MigDevice {
  /** The profile, such as `3g.40gb`. */
  readonly profile: string;
  readonly deviceIndex: number;
  /** `MIG-...`. */
  readonly uuid: string;
}

/** A GPU as `nvidia-smi -L` lists it. */
export interface ListedGpu {
  readonly index: number;
  readonly name: string;
  readonly uuid: string;
  /** The MIG devices listed under it; [] without MIG. */
  readonly migDevices: MigDevice[];
}

const GPU_LINE = /^GPU\s+(\d+):\s*(.*?)\s*\(UUID:\s*([^()\s]+)\)$/;
const MIG_LINE = /^MIG\s+(\S+)\s+Device\s+(\d+):\s*\(UUID:\s*([^()\s]+)\)$/;

/**
 * Parse `nvidia-smi -L`: `GPU 0: NVIDIA GeForce RTX 2080 SUPER (UUID: GPU-...)`, with `MIG 3g.40gb Device 0:
 * (UUID: MIG-...)` lines under a GPU in MIG mode. Every line must be one of these: an error message, a cut line or
 * garbage is unreadable.
 */
export function parseNvidiaSmiList(text: string, probe: string): Parsed<ListedGpu[]> {
  return parseSafely(probe, text, () => {
    const failure = classifyNvidiaSmiFailure(text, null);
    if (failure) return unreadable(probe, `nvidia-smi reported an error: ${failure.message}`, text);
    const gpus: { index: number; name: string; uuid: string; migDevices: MigDevice[] }[] = [];
    for (const [at, raw] of outputLines(text).entries()) {
      const line = raw.trim();
      if (line === '') continue;
      const gpu = GPU_LINE.exec(line);
      const mig = MIG_LINE.exec(line);
      const owner = gpus[gpus.length - 1];
      if (gpu) {
        gpus.push({ index: Number(gpu[1]), name: gpu[2] ?? '', uuid: gpu[3] ?? '', migDevices: [] });
      } else if (mig && owner) {
        owner.migDevices.push({ profile: mig[1] ?? '', deviceIndex: Number(mig[2]), uuid: mig[3] ?? '' });
      } else {
        return unreadable(probe, `line ${at + 1} is not a GPU or MIG device line (cut off?)`, text);
      }
    }
    if (gpus.length === 0) return unreadable(probe, 'no GPU is listed', text);
    return parsed(gpus);
  });
}
