import { describe, expect, it } from 'vitest';
import { readCaptureFacts } from '../../capture/capture-facts';
import {
  afterPrompt,
  captureOf,
  doctorOf,
  findingIds,
  findingsOf,
  fixture,
  inputOf,
  queryCsv,
  runningVmCapture,
} from '../../testing/capture';
import { diagnose } from '../diagnose';
import { GPU_RULES } from './index';

/** A working machine: the WSL table of microsoft/WSL#11277 (Windows driver 555.99) and the same driver on the host. */
const HEALTHY = {
  'host-nvidia-smi-query': queryCsv([
    { name: 'NVIDIA GeForce RTX 4070 ...', driver: '555.99', usedMiB: 576, totalMiB: 12282 },
  ]),
  'reg-display-driver': fixture('registry/display-class-desktop-rtx4090.txt').replace(
    '32.0.15.6094',
    '32.0.15.5599',
  ),
  'distro-uname': '5.15.167.4-microsoft-standard-WSL2\n',
  'distro-nvidia-smi': afterPrompt(
    fixture('nvidia-smi/wsl/ms-WSL-11277__banner-smi555.52.01-drv555.99__truncated.txt'),
  ),
  'distro-libcuda': fixture('distro/libcuda-wsl.txt'),
  'distro-nvidia-packages': fixture('distro/nvidia-packages-dpkg-clean.txt'),
};

describe('GPU_RULES', () => {
  it('has one rule per finding id, and finds nothing on a healthy machine', () => {
    expect(GPU_RULES).toHaveLength(13);
    expect(findingsOf(GPU_RULES, HEALTHY)).toEqual([]);
    expect(findingsOf(GPU_RULES, HEALTHY, { wslconfig: '[wsl2]\nmemory=48GB\ngpuSupport=true\n' })).toEqual(
      [],
    );
  });

  it('finds nothing in a capture without GPU probes', () => {
    expect(findingsOf(GPU_RULES, {})).toEqual([]);
  });

  it('gives every finding a title, an explanation, evidence, a fix and a source URL', () => {
    const findings = findingsOf(GPU_RULES, {
      ...HEALTHY,
      'host-nvidia-smi-query': queryCsv([
        { name: 'NVIDIA GeForce RTX 4070', driver: '552.12', model: 'TCC', usedMiB: 12000, totalMiB: 12282 },
      ]),
      'distro-uname': '4.19.104-microsoft-standard\n',
      'distro-nvidia-smi': { stdout: HEALTHY['distro-nvidia-smi'], durationMs: 3000 },
      'distro-nvidia-packages': fixture('distro/nvidia-packages-dpkg-driver-550.txt'),
    });
    expect(findings.map((finding) => finding.id).sort()).toEqual([
      'driver-mismatch',
      'host-gpu-tcc',
      'kernel-too-old',
      'linux-driver-in-distro',
      'passthrough-slow',
      'vram-headroom-low',
    ]);
    for (const finding of findings) {
      expect(finding.title).not.toBe('');
      expect(finding.title).not.toContain('\n');
      expect(finding.explanation.length).toBeGreaterThan(40);
      expect(finding.evidence.length).toBeGreaterThan(0);
      expect(finding.source).toMatch(/^https:\/\//);
    }
  });

  it('makes `headroom doctor` exit 2 (GPU) for a blocked GPU', () => {
    const facts = readCaptureFacts(
      captureOf({
        ...HEALTHY,
        'distro-nvidia-smi': {
          stdout: afterPrompt(fixture('nvidia-smi/errors/gpu-access-blocked__ms-WSL-14339.txt')),
          exitCode: 17,
        },
      }),
    );
    const report = diagnose({ facts }, GPU_RULES);
    expect(report).toMatchObject({ health: 'red', exitCode: 2 });
    expect(diagnose(inputOf(HEALTHY), GPU_RULES)).toMatchObject({
      health: 'green',
      exitCode: 0,
      findings: [],
    });
  });
});

describe('health and exit codes', () => {
  it('is grey when WSL is stopped and nothing is wrong, and says what it could not check', () => {
    const report = doctorOf(
      captureOf({
        'wsl-list-verbose':
          '  NAME            STATE           VERSION\n* Ubuntu-24.04    Stopped         2\n',
        'wsl-list-running': '',
      }),
    );
    expect(report.health).toBe('grey');
    expect(report.exitCode).toBe(0);
    expect(report.notChecked).toContain('distro-meminfo');
  });

  it('takes the lowest exit code among the error findings', () => {
    const report = doctorOf(
      runningVmCapture({ memoryGiB: 8, processors: 4, swapGiB: 2 }, '[wsl2]\nmemory=48GB\n', {
        'distro-model-dirs': 'dir /m -> /mnt/d/m\n',
      }),
    );
    expect(findingIds(report).sort()).toEqual(['models-on-9p', 'wslconfig-not-applied']);
    expect(report.exitCode).toBe(1);
  });
});
