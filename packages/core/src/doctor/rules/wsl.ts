import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { WSL2_DOCS, WSL_CLIENT_SOURCE, WSL_INSTALL_DOCS, WSL_SERVICE_FAILED_ISSUE } from './sources';

const INSTALL_WSL_STEPS = [
  'Open PowerShell as Administrator.',
  'Run: wsl --install',
  'Restart Windows when asked, then open Ubuntu once to create your user.',
];

/**
 * WSL as `wsl --list --verbose` and the stub's exit codes show it, judged by exit codes and the `Wsl/...` error code
 * (the same in every Windows language), never by the localised words: not installed (no wsl.exe, or Windows' stub),
 * installed with no distribution (`WSL_E_DEFAULT_DISTRO_NOT_FOUND`), the WSL service failing (`E_UNEXPECTED`,
 * "Catastrophic failure"), or another error. A list that could not be read for another reason (the command timed
 * out, its table was garbled) raises nothing here: the doctor names it as not checked.
 */
export const wslNotInstalled: Rule = ({ facts }) => {
  const { distros, listError } = facts.wsl;
  if (facts.wsl.installed === false) {
    return [
      {
        id: 'wsl-not-installed',
        severity: 'error',
        category: 'wsl',
        title: 'WSL is not installed',
        explanation:
          'WSL is not installed on this PC (no wsl.exe, or only the stub Windows ships, told by its exit code), so there is no Linux to run models in. Install WSL and a distribution, then run the checks again.',
        evidence: [{ probe: 'wsl-version', excerpt: 'wsl.exe was not found, or is only Windows’ stub' }],
        fix: { kind: 'steps', label: 'Install WSL', steps: INSTALL_WSL_STEPS },
        source: WSL_INSTALL_DOCS,
      },
    ];
  }
  const codeExcerpt = listError?.code ? `Error code: ${listError.code}` : '';
  if (listError?.kind === 'no-distribution' || (distros?.ok === true && distros.value.length === 0)) {
    return [
      {
        id: 'wsl-not-installed',
        severity: 'error',
        category: 'wsl',
        title: 'WSL is installed but has no distribution',
        explanation:
          'WSL answers, but no Linux distribution is installed, so there is nothing to run models in. Install one (Ubuntu is a good start), then run the checks again.',
        evidence: [{ probe: 'wsl-list-verbose', excerpt: codeExcerpt }],
        fix: {
          kind: 'steps',
          label: 'Install a distribution',
          steps: [
            'In PowerShell, run: wsl --install -d Ubuntu-24.04',
            'Open Ubuntu once to create your user.',
          ],
        },
        source: WSL_INSTALL_DOCS,
      },
    ];
  }
  if (listError?.kind === 'service-failed') {
    return [
      {
        id: 'wsl-service-failed',
        severity: 'error',
        category: 'wsl',
        title: `The WSL service failed (${listError.code ?? 'E_UNEXPECTED'})`,
        explanation:
          'wsl.exe is installed, but its service answered "Catastrophic failure" instead of listing the distributions, so Headroom could not see them. This is WSL failing, not a missing distribution: your distributions are most likely still there.',
        evidence: [{ probe: 'wsl-list-verbose', excerpt: codeExcerpt }],
        fix: {
          kind: 'steps',
          label: 'Restart WSL',
          steps: [
            'In PowerShell, run: wsl --shutdown',
            'If it still fails, restart Windows, then run: wsl --update',
            'If it still fails, collect WSL’s logs as microsoft/WSL asks in its issues and report it there.',
          ],
        },
        source: WSL_SERVICE_FAILED_ISSUE,
      },
    ];
  }
  if (listError && distros?.ok !== true) {
    const what = listError.code ?? `exit code ${listError.exitCode ?? 'none'}`;
    return [
      {
        id: 'wsl-list-failed',
        severity: 'error',
        category: 'wsl',
        title: `wsl.exe could not list the distributions (${what})`,
        explanation:
          'wsl.exe is installed but failed when asked for its distributions, so Headroom could not check them. The error code says what failed; it is the same in every Windows language.',
        evidence: [{ probe: 'wsl-list-verbose', excerpt: codeExcerpt || what }],
        fix: {
          kind: 'steps',
          label: 'Look at the error',
          steps: ['In PowerShell, run: wsl --list --verbose', 'Then run: wsl --update, and try again.'],
        },
        source: WSL_CLIENT_SOURCE,
      },
    ];
  }
  return [];
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
