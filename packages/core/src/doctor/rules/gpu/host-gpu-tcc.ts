import type { Evidence } from '../../finding';
import type { Rule } from '../../rule';
import { hostGpus } from './gpu-facts';
import { CUDA_ON_WSL_CONSTRAINTS } from './sources';

/**
 * `host-gpu-tcc`: a host GPU runs in the TCC driver model. NVIDIA's CUDA on WSL guide ("WSL 2 Support Constraints")
 * supports WDDM only ("It will not be available on Quadro GPUs in TCC mode"); microsoft/WSL#11865 shows an L40S in TCC
 * that WSL cannot see.
 */
export const hostGpuTcc: Rule = ({ facts }) => {
  const gpus = hostGpus(facts);
  const tcc = gpus.filter((gpu) => gpu.driverModel === 'TCC');
  const [first] = tcc;
  if (!first) return [];
  const mixed = gpus.some((gpu) => gpu.driverModel === 'WDDM');
  const evidence: Evidence[] = tcc.map((gpu) => ({
    probe: gpu.probe,
    excerpt: `GPU ${gpu.index}${gpu.name === '' ? '' : ` ${gpu.name}`}: ${
      gpu.probe === 'host-nvidia-smi-query' ? 'driver_model.current' : 'Driver-Model'
    } TCC`,
  }));
  const which = tcc.map((gpu) => `GPU ${gpu.index}${gpu.name === '' ? '' : ` (${gpu.name})`}`).join(', ');
  return [
    {
      id: 'host-gpu-tcc',
      severity: 'error',
      category: 'gpu',
      title: `${which} ${tcc.length === 1 ? 'runs' : 'run'} in TCC mode; WSL needs WDDM`,
      explanation:
        'NVIDIA’s CUDA on WSL User Guide supports GPUs in the WDDM driver model only. A GPU in TCC mode is not passed ' +
        'through to WSL: nvidia-smi inside WSL then reports “GPU access blocked by the operating system” or no GPU ' +
        '(microsoft/WSL#11865), and CUDA programs there cannot use it.' +
        (mixed
          ? ' Your other GPU runs in WDDM, but one report says a TCC GPU next to it can keep WSL from seeing any GPU (microsoft/WSL#13027).'
          : ''),
      evidence,
      fix: {
        kind: 'steps',
        label: 'Switch the GPU to WDDM',
        steps: [
          ...tcc.map(
            (gpu) =>
              `In PowerShell as administrator, run \`nvidia-smi -i ${gpu.index} -dm 0\` (0 = WDDM, 1 = TCC).`,
          ),
          'Restart Windows.',
          'Check in the distro: `/usr/lib/wsl/lib/nvidia-smi` lists the GPU. Some data-center GPUs cannot run in WDDM; nvidia-smi then refuses the change, and WSL cannot use that GPU.',
        ],
      },
      source: CUDA_ON_WSL_CONSTRAINTS,
    },
  ];
};
