import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCaptureFacts } from '../../capture/capture-facts';
import { unbackedClaims } from '../../testing/claims';
import {
  afterPrompt,
  captureOf,
  fixture,
  meminfoOf,
  type ProbeOutputs,
  queryCsv,
  runningVmCapture,
} from '../../testing/capture';
import type { Capture } from '../../capture/capture';
import { STANDARD_RULES } from '../index';
import type { Finding } from '../finding';
import type { DoctorInput, Rule } from '../rule';

/** doctor/rules/sources.ts: every documented figure with the sentence it is read from. */
const DOCUMENTED = readFileSync(new URL('./sources.ts', import.meta.url), 'utf8');

const GIB = 2 ** 30;
const BANNER = afterPrompt(
  fixture('nvidia-smi/wsl/ms-WSL-11277__banner-smi555.52.01-drv555.99__truncated.txt'),
);
const HOST_QUERY = queryCsv([
  { name: 'NVIDIA GeForce RTX 4070', driver: '555.99', usedMiB: 576, totalMiB: 12282 },
]);
const WINDOWS_BANNER =
  'nvidia-smi/exporter-captures/windows-x86_64__nvidia-geforce-rtx-2080-super__591.86/banner-load.txt';
const DISTRO: ProbeOutputs = {
  'distro-uname': '5.15.167.4-microsoft-standard-WSL2\n',
  'distro-libcuda': fixture('distro/libcuda-wsl.txt'),
  'distro-nvidia-packages': fixture('distro/nvidia-packages-dpkg-clean.txt'),
};

/** Inputs that, together, make every standard rule speak, each way it can speak. */
const CATALOG: readonly { readonly name: string; readonly input: DoctorInput }[] = [
  ['wsl missing', captureOf({ 'wsl-version': { error: 'not-found', exitCode: null } })],
  [
    'no distribution',
    captureOf({
      'wsl-list-verbose': { stdout: fixture('wsl/wsl-list-verbose.no-distro.issue12210.txt'), exitCode: -1 },
    }),
  ],
  [
    'service failed',
    captureOf({
      'wsl-list-verbose': { stdout: fixture('wsl/wsl.e-unexpected.issue13159.txt'), exitCode: -1 },
    }),
  ],
  ['list failed', captureOf({ 'wsl-list-verbose': { stdout: 'x\n', exitCode: -1 } })],
  [
    'wsl 1',
    captureOf({
      'wsl-list-verbose': '  NAME            STATE           VERSION\n* Ubuntu-24.04    Running         1\n',
      'distro-meminfo': meminfoOf(64, 0),
    }),
  ],
  [
    'ignored, misplaced, gradual, not applied, on 9p',
    runningVmCapture(
      { memoryGiB: 8, processors: 4, swapGiB: 2 },
      '[wsl2]\nmemory=48gb\n[boot]\nsystemd=true\n[experimental]\nautoMemoryReclaim=gradual\n',
      { 'distro-model-dirs': 'dir /home/u/.ollama/models -> /mnt/d/m\n' },
    ),
  ],
  [
    'no GPU',
    captureOf({
      'host-nvidia-smi': { stdout: '', error: 'not-found', exitCode: null },
      ...DISTRO,
      'distro-nvidia-smi': { stdout: 'sh: 1: /usr/lib/wsl/lib/nvidia-smi: not found\n', exitCode: 127 },
      'distro-libcuda': { stdout: fixture('distro/libcuda-no-gpu.txt'), exitCode: 1 },
    }),
  ],
  ['Windows nvidia-smi hangs', captureOf({ 'host-nvidia-smi-query': { exitCode: null, timedOut: true } })],
  [
    'Windows nvidia-smi fails beside an NVIDIA adapter',
    captureOf({
      'host-nvidia-smi-query': {
        stdout: 'Unable to determine the device handle: Unknown Error\n',
        exitCode: 15,
      },
      'reg-display-driver': fixture('registry/display-class-desktop-rtx4090.txt'),
    }),
  ],
  [
    'blocked, TCC, old kernel, Linux driver, slow, full VRAM, mismatch',
    captureOf({
      'host-nvidia-smi-query': queryCsv([
        { name: 'NVIDIA GeForce RTX 4070', driver: '552.12', model: 'TCC', usedMiB: 12000, totalMiB: 12282 },
      ]),
      ...DISTRO,
      'distro-uname': '4.19.104-microsoft-standard\n',
      'distro-nvidia-smi': { stdout: BANNER, durationMs: 3000 },
      'distro-nvidia-packages': fixture('distro/nvidia-packages-dpkg-driver-550.txt'),
    }),
  ],
  [
    'blocked passthrough',
    captureOf({
      'host-nvidia-smi-query': HOST_QUERY,
      ...DISTRO,
      'distro-nvidia-smi': {
        stdout: afterPrompt(fixture('nvidia-smi/errors/gpu-access-blocked__ms-WSL-14339.txt')),
        exitCode: 17,
      },
    }),
  ],
  ['hang', captureOf({ 'distro-nvidia-smi': { stdout: '', exitCode: 124 } })],
  [
    'CUDA ERR!',
    captureOf({
      'host-nvidia-smi-query': HOST_QUERY,
      'distro-nvidia-smi': BANNER.replace(/CUDA Version: [\d.]+/, 'CUDA Version: ERR!'),
    }),
  ],
  [
    'old drivers',
    captureOf({
      'host-nvidia-smi-query': queryCsv([
        { name: 'NVIDIA GeForce GTX 1060', driver: '472.12', usedMiB: 300, totalMiB: 6144 },
      ]),
    }),
  ],
  [
    'old runtime driver, Ollama',
    captureOf({
      'host-nvidia-smi-query': queryCsv([
        { name: 'NVIDIA GeForce RTX 4090', driver: '512.95', usedMiB: 900, totalMiB: 24564 },
      ]),
      'distro-model-dirs': 'dir /usr/share/ollama/.ollama/models -> /usr/share/ollama/.ollama/models\n',
    }),
  ],
  [
    'old runtime driver, CUDA 12',
    captureOf({
      'host-nvidia-smi-query': queryCsv([
        { name: 'NVIDIA GeForce RTX 4090', driver: '512.95', usedMiB: 900, totalMiB: 24564 },
      ]),
    }),
  ],
  [
    'full VRAM held by Ollama',
    captureOf({
      'host-nvidia-smi': fixture(WINDOWS_BANNER)
        .replace('1296MiB /   8192MiB', '7900MiB /   8192MiB')
        .replace('   C   ...1.1-full_build\\bin\\ffmpeg.exe', '   C   ...al\\Programs\\Ollama\\ollama.exe'),
    }),
  ],
  [
    'mirrored networking on Windows 11 21H2',
    runningVmCapture({ memoryGiB: 32, processors: 16, swapGiB: 8 }, '[wsl2]\nnetworkingMode=mirrored\n', {
      'reg-windows-version':
        '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\r\n    CurrentBuild    REG_SZ    22000\r\n\r\n',
    }),
  ],
  [
    "the distros' drive nearly full",
    captureOf(
      {
        'reg-lxss': [
          '',
          'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Lxss\\{1b2c3d4e-0000-4000-8000-000000000001}',
          '    DistributionName    REG_SZ    Ubuntu-24.04',
          '    BasePath    REG_SZ    C:\\Users\\ana\\AppData\\Local\\wsl\\{1b2c3d4e-0000-4000-8000-000000000001}',
          '',
        ].join('\r\n'),
      },
      { host: { drives: [{ drive: 'C:', freeBytes: 12 * GIB, totalBytes: 1000 * GIB }] } },
    ),
  ],
].map(([name, capture]) => ({
  name: name as string,
  input: { facts: readCaptureFacts(capture as Capture) },
}));

const TARGET = {
  label: 'Llama 3.1 70B Q4_K_M at 8192 tokens',
  ramBytes: 26 * GIB,
  reasoning: '19 layers on the CPU',
};

/** Every finding of every rule over the catalog, with the rules that spoke. */
function walkCatalog(): { findings: Finding[]; silent: Rule[] } {
  const spoke = new Set<Rule>();
  const findings: Finding[] = [];
  const inputs = [
    ...CATALOG.map((entry) => entry.input),
    {
      facts: readCaptureFacts(
        runningVmCapture({ memoryGiB: 8, processors: 16, swapGiB: 2 }, '[wsl2]\nmemory=8GB\nswap=2GB\n'),
      ),
      target: TARGET,
    },
  ];
  for (const rule of STANDARD_RULES) {
    for (const input of inputs) {
      const found = rule(input);
      if (found.length > 0) spoke.add(rule);
      findings.push(...found);
    }
  }
  return { findings, silent: STANDARD_RULES.filter((rule) => !spoke.has(rule)) };
}

describe('the finding catalog', () => {
  const { findings, silent } = walkCatalog();

  it('makes every standard rule speak, so no rule escapes the check below', () => {
    expect(silent.map((rule) => rule.name)).toEqual([]);
    expect([...new Set(findings.map((finding) => finding.id))].sort()).toEqual([
      'autoreclaim-gradual',
      'cuda-version-error',
      'driver-mismatch',
      'driver-too-old',
      'gpu-passthrough-missing',
      'host-gpu-tcc',
      'host-nvidia-smi-failed',
      'kernel-too-old',
      'linux-driver-in-distro',
      'low-disk-space',
      'memory-ceiling',
      'mirrored-needs-newer-windows',
      'models-on-9p',
      'no-nvidia-gpu',
      'passthrough-hang',
      'passthrough-slow',
      'runtime-driver-too-old',
      'vram-headroom-low',
      'wsl-list-failed',
      'wsl-not-installed',
      'wsl-service-failed',
      'wsl1-distro',
      'wslconfig-ignored-lines',
      'wslconfig-misplaced',
      'wslconfig-not-applied',
    ]);
  });

  it('backs every claim a user reads with a public source or the mark "Headroom\'s rule of thumb"', () => {
    expect(findings.flatMap((finding) => unbackedClaims(finding, DOCUMENTED))).toEqual([]);
  });

  it('can fail: a finding without a source, and a figure nothing backs, are both caught', () => {
    const bare: Finding = {
      id: 'made-up',
      severity: 'warning',
      category: 'runtime',
      title: 'Keep 37 GB free for Windows',
      explanation: 'Windows needs 37 GB beside WSL.',
      evidence: [{ probe: 'x', excerpt: 'nothing' }],
      fix: { kind: 'steps', label: 'Lower memory', steps: ['Set memory to 29 GB.'] },
      source: '',
    };
    expect(unbackedClaims(bare, DOCUMENTED).map((claim) => claim.where)).toEqual([
      'source',
      'title',
      'explanation',
      'fix',
    ]);
    const marked = {
      ...bare,
      source: 'https://example.com/',
      title: "Keep 37 GB free for Windows (Headroom's rule of thumb)",
      explanation: "Windows needs 37 GB beside WSL, Headroom's rule of thumb.",
      fix: {
        kind: 'steps' as const,
        label: 'Lower memory',
        steps: ["Set memory to 29 GB (Headroom's own)."],
      },
    };
    expect(unbackedClaims(marked, DOCUMENTED)).toEqual([]);
  });
});
