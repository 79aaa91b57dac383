import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { WSL2_DOCS, WSL_INSTALL_DOCS } from './sources';

/** wsl.exe is missing, or answers only with an error and no distro (judged by exit codes, never by localised text). */
export const wslNotInstalled: Rule = ({ facts }) => {
  const missing = facts.wsl.installed === false;
  const distros = facts.wsl.distros;
  const unusable = !missing && distros !== undefined && (!distros.ok || distros.value.length === 0);
  if (!missing && !unusable) return [];
  const finding: Finding = {
    id: 'wsl-not-installed',
    severity: 'error',
    category: 'wsl',
    title: missing ? 'WSL is not installed' : 'WSL has no usable distribution',
    explanation: missing
      ? 'WSL is not installed on this PC (no wsl.exe, or only the stub Windows ships, told by its exit code), so there is no Linux to run models in. Install WSL and a distribution, then run the checks again.'
      : 'wsl.exe answers, but lists no distribution. Install one (Ubuntu is a good start), then run the checks again.',
    evidence: [
      {
        probe: missing ? 'wsl-version' : 'wsl-list-verbose',
        excerpt: missing
          ? 'wsl.exe was not found, or is only Windows’ stub'
          : distros?.ok === false
            ? distros.unreadable.excerpt
            : '',
      },
    ],
    fix: {
      kind: 'steps',
      label: 'Install WSL',
      steps: [
        'Open PowerShell as Administrator.',
        'Run: wsl --install',
        'Restart Windows when asked, then open Ubuntu once to create your user.',
      ],
    },
    source: WSL_INSTALL_DOCS,
  };
  return [finding];
};

/** A distro runs on WSL 1: no GPU, and no memory limit from .wslconfig. */
export const wsl1Distro: Rule = ({ facts }) => {
  const distros = facts.wsl.distros?.ok ? facts.wsl.distros.value : [];
  return distros
    .filter((distro) => distro.version === 1)
    .map((distro): Finding => ({
      id: 'wsl1-distro',
      severity: distro.isDefault ? 'error' : 'warning',
      category: 'gpu',
      title: `${distro.name} runs on WSL 1`,
      explanation: `WSL 1 translates Linux calls instead of running a VM, so ${distro.name} cannot see the GPU and ignores .wslconfig's memory and processors. Convert it to WSL 2 (its files are kept).`,
      evidence: [
        {
          probe: 'wsl-list-verbose',
          excerpt: `${distro.isDefault ? '* ' : ''}${distro.name} ${distro.state} 1`,
        },
      ],
      fix: {
        kind: 'steps',
        label: `Convert ${distro.name} to WSL 2`,
        steps: [`wsl --set-version ${distro.name} 2`, 'wsl --set-default-version 2'],
      },
      source: WSL2_DOCS,
    }));
};
