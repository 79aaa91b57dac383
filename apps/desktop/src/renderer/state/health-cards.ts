import type {
  AppPage,
  DoctorFinding,
  DoctorReportPayload,
  HealthArea,
  WslSnapshot,
} from '@headroom/contract';

/** A light's state. */
export type CardLight = 'green' | 'amber' | 'red' | 'grey';

/** One Overview card: an area's light, its one line, and the action that helps most. */
export interface HealthCard {
  readonly area: HealthArea;
  readonly title: string;
  readonly light: CardLight;
  readonly line: string;
  readonly action: { readonly label: string; readonly page: AppPage };
}

const TITLES: Readonly<Record<HealthArea, string>> = {
  wsl: 'WSL',
  wslconfig: '.wslconfig',
  gpu: 'GPU passthrough',
  memory: 'Memory',
  updates: 'Windows and driver updates',
};

const ALL_GOOD: Readonly<Record<HealthArea, string>> = {
  wsl: 'WSL is installed and current.',
  wslconfig: 'WSL reads every line, and runs with it.',
  gpu: 'The GPU reaches WSL.',
  memory: 'WSL has room for your models.',
  updates: 'Nothing changed since your setup was verified.',
};

/** A finding's light: an error is red unless WSL's restart clears it, a warning amber, a note green. */
function lightOf(finding: DoctorFinding): CardLight {
  if (finding.severity === 'error') return finding.pendingRestart ? 'amber' : 'red';
  return finding.severity === 'warning' ? 'amber' : 'green';
}

const RANK: Readonly<Record<CardLight, number>> = { red: 3, amber: 2, grey: 1, green: 0 };

/**
 * The Overview's cards, one per area, from the doctor's report (muted findings left out) and the distros: the worst
 * finding of an area sets its light and line, and its action opens Diagnostics (or the .wslconfig editor).
 */
export function healthCards(
  report: DoctorReportPayload,
  wsl: WslSnapshot | undefined,
): readonly HealthCard[] {
  const shown = report.findings.filter((finding) => !finding.muted && finding.severity !== 'info');
  return (Object.keys(TITLES) as HealthArea[]).map((area) => {
    const findings = shown
      .filter((finding) => finding.area === area)
      .sort((a, b) => RANK[lightOf(b)] - RANK[lightOf(a)]);
    const worst = findings[0];
    if (worst) {
      const more = findings.length > 1 ? ` (and ${findings.length - 1} more)` : '';
      const waiting = worst.pendingRestart;
      return {
        area,
        title: TITLES[area],
        light: lightOf(worst),
        line: `${worst.title}${more}`,
        action: waiting
          ? { label: 'Shut down WSL and verify', page: 'diagnostics' }
          : { label: worst.fix.runnable ? 'Fix it' : 'See how to fix it', page: 'diagnostics' },
      };
    }
    if (area === 'wsl' && report.health === 'grey') {
      return {
        area,
        title: TITLES[area],
        light: 'grey',
        line: 'WSL is stopped. That is normal: it starts when you open a distribution.',
        action: { label: 'Open Diagnostics', page: 'diagnostics' },
      };
    }
    if (area === 'updates' && report.changes.length > 0) {
      return {
        area,
        title: TITLES[area],
        light: 'amber',
        line: `Changed since your setup was verified: ${report.changes.join(', ')}.`,
        action: { label: 'See the history', page: 'history' },
      };
    }
    const running = wsl?.distros.filter((distro) => distro.state === 'Running').length ?? 0;
    return {
      area,
      title: TITLES[area],
      light: 'green',
      line:
        area === 'wsl' && running > 0
          ? `WSL runs ${running} distribution${running === 1 ? '' : 's'}.`
          : ALL_GOOD[area],
      action:
        area === 'wslconfig'
          ? { label: 'Edit .wslconfig', page: 'wslconfig' }
          : area === 'updates'
            ? { label: 'See the history', page: 'history' }
            : { label: 'Open Diagnostics', page: 'diagnostics' },
    };
  });
}

/** Whether every card is green: then the Overview says so in one sentence. */
export function allGreen(cards: readonly HealthCard[]): boolean {
  return cards.every((card) => card.light === 'green');
}
