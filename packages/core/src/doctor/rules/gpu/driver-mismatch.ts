import type { Rule } from '../../rule';
import {
  distroDriverVersion,
  hostSmiDriverVersion,
  passthroughProblem,
  registryDriverVersion,
} from './gpu-facts';
import { WSL_BANNER_DRIVER_ISSUE } from './sources';

/**
 * `driver-mismatch`: the Windows driver the distro reports (its banner's `Driver Version`, which inside WSL is the
 * Windows driver) differs from the one the host reports (host query or banner; the registry as a last resort). The
 * `NVIDIA-SMI` number is the Linux user-mode build and never equals the Windows driver, so it is not compared.
 * Silent when passthrough is broken: a missing banner is gpu-passthrough-missing's.
 */
export const driverMismatch: Rule = ({ facts }) => {
  if (passthroughProblem(facts)) return [];
  const distro = distroDriverVersion(facts);
  const fromSmi = hostSmiDriverVersion(facts);
  const host = fromSmi ?? registryDriverVersion(facts);
  if (!distro || !host || distro.version === host.version) return [];
  return [
    {
      id: 'driver-mismatch',
      severity: 'error',
      category: 'gpu',
      title: `WSL uses NVIDIA driver ${distro.version}, but Windows runs ${host.version}`,
      explanation:
        `Inside WSL, nvidia-smi's “Driver Version” is the Windows driver the distro is using (the NVIDIA-SMI number ` +
        `beside it is the Linux build and always differs, which is normal). Here the distro reports ${distro.version} ` +
        `while Windows runs ${host.version}, so the distro is not on the driver Windows runs now, as can happen after ` +
        `a driver update while WSL kept running. CUDA programs in WSL may fail or misbehave until WSL restarts on the ` +
        `current driver.`,
      evidence: [
        { probe: distro.evidence.probe, excerpt: `distro driver ${distro.version} ≠ host ${host.version}` },
        distro.evidence,
        host.evidence,
      ],
      fix: {
        kind: 'shutdown-and-verify',
        label: 'Restart WSL (`wsl --shutdown`) so the distro picks up the current driver, then check again',
      },
      source: WSL_BANNER_DRIVER_ISSUE,
      confidence: 'medium',
    },
  ];
};
