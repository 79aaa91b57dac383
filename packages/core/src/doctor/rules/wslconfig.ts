import {
  AUTORECLAIM_GRADUAL_ISSUE,
  MIRRORED_NETWORKING_MIN_BUILD,
  WSL_CONFIG_DOCS,
  WSL_CONFIG_PARSER_SOURCE,
  WSL_MIRRORED_NETWORKING_DOCS,
} from './sources';
import type { Finding } from '../finding';
import type { Rule } from '../rule';

/** Problem codes that mean "this setting is in the wrong place" rather than "this line is malformed". */
const MISPLACED_CODES: readonly string[] = [
  'wsl-conf-key',
  'wsl-conf-section',
  'wrong-section-name',
  'experimental-key-in-wsl2',
  'wsl2-key-in-experimental',
];

/** Lines of .wslconfig that WSL warns about and skips (the engine's `ignoredByWsl` problems). */
export const wslconfigIgnoredLines: Rule = ({ facts }) => {
  const check = facts.wslconfig;
  if (!check) return [];
  const misplacedLines = new Set(
    check.problems.filter((p) => MISPLACED_CODES.includes(p.code)).map((p) => p.line),
  );
  const ignored = check.problems.filter((p) => p.ignoredByWsl && !misplacedLines.has(p.line));
  if (ignored.length === 0) return [];
  const lines = [...new Set(ignored.map((p) => p.line))];
  const fixes = ignored.flatMap((p) => (p.fix ? [p.fix] : []));
  const finding: Finding = {
    id: 'wslconfig-ignored-lines',
    severity: ignored.some((p) => p.severity === 'error') ? 'error' : 'warning',
    category: 'configuration',
    title: `WSL ignores ${lines.length === 1 ? `line ${lines[0] ?? ''}` : `${lines.length} lines`} of .wslconfig`,
    explanation: `WSL skips these lines (and warns about them each time the VM starts), so the settings on them do not apply: ${ignored
      .map((p) => p.message)
      .join(' ')}`,
    evidence: ignored.map((p) => ({ probe: 'wslconfig', excerpt: p.message, line: p.line })),
    fix:
      fixes.length > 0
        ? { kind: 'edit-wslconfig', label: 'Fix the lines WSL ignores', fixes }
        : { kind: 'steps', label: 'Edit .wslconfig', steps: ['Correct or remove the lines listed above.'] },
    source: WSL_CONFIG_PARSER_SOURCE,
  };
  return [finding];
};

/** Settings WSL never reads where they are: wsl.conf keys, [wsl] for [wsl2], keys in the wrong section, files beside .wslconfig. */
export const wslconfigMisplaced: Rule = ({ facts, misplaced = [] }) => {
  const problems = facts.wslconfig?.problems.filter((p) => MISPLACED_CODES.includes(p.code)) ?? [];
  if (problems.length === 0 && misplaced.length === 0) return [];
  const fixes = problems.flatMap((p) => (p.fix ? [p.fix] : []));
  const settingsLost = problems.some((p) => p.severity === 'error') || misplaced.length > 0;
  const finding: Finding = {
    id: 'wslconfig-misplaced',
    severity: settingsLost ? 'error' : 'warning',
    category: 'configuration',
    title: 'Some WSL settings are where WSL never reads them',
    explanation: [...problems.map((p) => p.message), ...misplaced.map((file) => file.message)].join(' '),
    evidence: [
      ...problems.map((p) => ({ probe: 'wslconfig', excerpt: p.message, line: p.line })),
      ...misplaced.map((file) => ({ probe: 'profile', excerpt: file.path })),
    ],
    fix:
      fixes.length > 0
        ? { kind: 'edit-wslconfig', label: 'Move the settings where WSL reads them', fixes }
        : { kind: 'steps', label: 'Move the settings', steps: misplaced.map((file) => file.message) },
    source: WSL_CONFIG_DOCS,
  };
  return [finding];
};

/** `autoMemoryReclaim=gradual`, with the known hangs (microsoft/WSL#10675). */
export const autoreclaimGradual: Rule = ({ facts }) => {
  if (facts.wslconfig?.settings['experimental.autoMemoryReclaim'] !== 'Gradual') return [];
  const line = facts.wslconfig.applied.find(
    (setting) => setting.key === 'experimental.autoMemoryReclaim',
  )?.line;
  return [
    {
      id: 'autoreclaim-gradual',
      severity: 'warning',
      category: 'configuration',
      title: 'autoMemoryReclaim=gradual can make WSL hang',
      explanation:
        'With gradual reclaim, commands can stall for a long time after the VM has been idle (reported with systemd on, still open). dropCache, the default, returns memory to Windows without that risk.',
      evidence: [
        { probe: 'wslconfig', excerpt: 'autoMemoryReclaim=gradual', ...(line === undefined ? {} : { line }) },
      ],
      fix: {
        kind: 'set-wslconfig',
        label: 'Use autoMemoryReclaim=dropCache',
        assignments: [{ key: 'experimental.autoMemoryReclaim', value: 'dropCache' }],
      },
      source: AUTORECLAIM_GRADUAL_ISSUE,
    },
  ];
};

/**
 * `networkingMode=mirrored` on a Windows older than 11 22H2 (build 22621): WSL prints "Mirrored networking mode is not
 * supported" and falls back to NAT, so what the user set does not apply. The build is the registry's, else the host's.
 */
export const mirroredNeedsNewerWindows: Rule = ({ facts }) => {
  if (facts.wslconfig?.settings['wsl2.networkingMode'] !== 'Mirrored') return [];
  const fromRegistry = facts.windows.windowsVersion?.ok
    ? facts.windows.windowsVersion.value.build
    : undefined;
  const build = fromRegistry ?? facts.host.windowsBuild;
  if (build === undefined || build === 0 || build >= MIRRORED_NETWORKING_MIN_BUILD) return [];
  const line = facts.wslconfig.applied.find((setting) => setting.key === 'wsl2.networkingMode')?.line;
  return [
    {
      id: 'mirrored-needs-newer-windows',
      severity: 'warning',
      category: 'configuration',
      title: 'networkingMode=mirrored needs Windows 11 22H2 or later',
      explanation: `This Windows is build ${build}; Microsoft documents mirrored networking for Windows 11 22H2 (build ${MIRRORED_NETWORKING_MIN_BUILD}) and higher. On an older build WSL says "Mirrored networking mode is not supported" when it starts and falls back to NAT, so localhost and LAN access work as without the setting.`,
      evidence: [
        { probe: 'wslconfig', excerpt: 'networkingMode=mirrored', ...(line === undefined ? {} : { line }) },
        {
          probe: fromRegistry === undefined ? 'host' : 'reg-windows-version',
          excerpt: `CurrentBuild ${build}`,
        },
      ],
      fix: {
        kind: 'unset-wslconfig',
        label: 'Remove networkingMode (or update Windows to 11 22H2 or later)',
        keys: ['wsl2.networkingMode'],
      },
      source: WSL_MIRRORED_NETWORKING_DOCS,
    },
  ];
};
