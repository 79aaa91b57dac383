import type { Scenario, SimulatedEvent } from '../scenarios/scenario';
import { SIMULATED_USER_PROFILE } from '../vm-config';
import { encodeOemConsole, type ConsoleStreams } from './console';
import { QUERY_HEADER, renderBanner, renderQueryRows, type NvidiaView } from './nvidia-output';

/** One run of a fake Windows program. */
export interface FakeInvocation {
  readonly argv: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly streams: ConsoleStreams;
  readonly scenario: Scenario;
  /** Resolves after `ms` simulated milliseconds (scaled by HEADROOM_SIM_TIME_SCALE). */
  readonly sleep: (ms: number) => Promise<void>;
}

/** Where Windows keeps the console's code pages: `OEMCP` is the one console programs print in. */
const CODE_PAGE_KEY = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage';

/** The scenario's OEM code page, from its registry (437, US English, when the scenario does not say). */
export function oemCodePage(scenario: Scenario): number {
  const value = Number(scenario.registry[CODE_PAGE_KEY]?.OEMCP?.data ?? '437');
  return Number.isInteger(value) && value > 0 ? value : 437;
}

/** Print as Windows' console programs do into a pipe: in the OEM code page of the scenario being acted out. */
const write = (scenario: Scenario, stream: ConsoleStreams['stdout'], text: string): void =>
  void stream.write(encodeOemConsole(text, oemCodePage(scenario)));
const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

/** The host's view of its GPUs, as the Windows nvidia-smi.exe shows them. */
export function hostNvidiaView(scenario: Scenario): NvidiaView | undefined {
  const { driverVersion, cudaVersion, gpus } = scenario.host;
  if (!driverVersion || !cudaVersion || gpus.length === 0) return undefined;
  return { smiVersion: driverVersion, driverVersion, cudaVersion, gpus, onHost: true };
}

/**
 * The fake nvidia-smi.exe: the banner, `--query-gpu=... --format=csv[,noheader],nounits` and the `-lms N` / `-l N`
 * stream, which keeps printing until it is killed. It only exists when the scenario's host has an NVIDIA driver.
 */
export async function runFakeNvidiaSmi({ argv, streams, scenario }: FakeInvocation): Promise<number> {
  const view = hostNvidiaView(scenario);
  if (!view) {
    write(
      scenario,
      streams.stderr,
      "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.\r\n",
    );
    return 9;
  }
  const format = argv.find((arg) => arg.startsWith('--format='));
  if (!argv.some((arg) => arg.startsWith('--query-gpu='))) {
    write(scenario, streams.stdout, crlf(renderBanner(view)));
    return 0;
  }
  const header = format?.includes('noheader') ? [] : [QUERY_HEADER];
  const periodIndex = argv.findIndex((arg) => arg === '-lms' || arg === '-l' || arg.startsWith('--loop'));
  if (periodIndex < 0) {
    write(scenario, streams.stdout, crlf([...header, ...renderQueryRows(view), ''].join('\n')));
    return 0;
  }
  const value = Number(argv[periodIndex + 1] ?? '1');
  const periodMs = argv[periodIndex] === '-lms' ? value : value * 1000;
  write(scenario, streams.stdout, crlf([...header, ''].join('\n')));
  for (;;) {
    write(scenario, streams.stdout, crlf([...renderQueryRows(view), ''].join('\n')));
    await new Promise((resolve) => setTimeout(resolve, Math.max(50, periodMs)));
  }
}

const HIVES: Readonly<Record<string, string>> = { HKLM: 'HKEY_LOCAL_MACHINE', HKCU: 'HKEY_CURRENT_USER' };

function canonicalKey(key: string): string {
  const [hive = '', ...rest] = key.split('\\');
  return [HIVES[hive.toUpperCase()] ?? hive.toUpperCase(), ...rest].join('\\').toLowerCase();
}

const LXSS_KEY = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Lxss';

/** The `{GUID}` WSL registered the scenario's `index`th distro under (made up, stable). */
function distroGuid(index: number): string {
  return `{6f1c2a3b-4d5e-4f60-8a7b-${String(index + 1).padStart(12, '0')}}`;
}

/**
 * The scenario's registry with WSL's distro registrations added (`Lxss\{GUID}`: `DistributionName`, `BasePath` with
 * the `\\?\` prefix WSL writes), each distro's folder under the profile's `AppData\Local\wsl` unless it says.
 */
export function registryWithDistros(scenario: Scenario): Scenario['registry'] {
  if (scenario.distros.length === 0) return scenario.registry;
  const defaultIndex = Math.max(
    0,
    scenario.distros.findIndex((distro) => distro.isDefault),
  );
  const registrations = Object.fromEntries(
    scenario.distros.map((distro, index) => [
      `${LXSS_KEY}\\${distroGuid(index)}`,
      {
        DistributionName: { type: 'REG_SZ', data: distro.name },
        BasePath: {
          type: 'REG_SZ',
          data: `\\\\?\\${distro.basePath ?? `${SIMULATED_USER_PROFILE}\\AppData\\Local\\wsl\\${distroGuid(index)}`}`,
        },
        Version: { type: 'REG_DWORD', data: distro.version === 2 ? '0x2' : '0x1' },
      },
    ]),
  );
  return {
    ...scenario.registry,
    [LXSS_KEY]: { DefaultDistribution: { type: 'REG_SZ', data: distroGuid(defaultIndex) } },
    ...registrations,
  };
}

/**
 * The fake reg.exe: `reg query KEY [/v NAME] [/s]` from the scenario's registry, in reg.exe's layout; a missing key
 * or value is its error and exit code 1.
 */
export function runFakeReg({ argv, streams, scenario }: FakeInvocation): number {
  const [verb, key = '', ...rest] = argv;
  const missing = (): number => {
    write(
      scenario,
      streams.stderr,
      'ERROR: The system was unable to find the specified registry key or value.\r\n',
    );
    return 1;
  };
  if (verb?.toLowerCase() !== 'query') {
    write(scenario, streams.stderr, 'ERROR: Invalid syntax.\r\nType "REG /?" for usage.\r\n');
    return 1;
  }
  const wantedKey = canonicalKey(key);
  const recursive = rest.some((arg) => arg.toLowerCase() === '/s');
  const entries = Object.entries(registryWithDistros(scenario)).filter(([name]) => {
    const lower = name.toLowerCase();
    return lower === wantedKey || (recursive && lower.startsWith(`${wantedKey}\\`));
  });
  if (entries.length === 0) return missing();
  const wanted = rest[0]?.toLowerCase() === '/v' ? rest[1] : undefined;
  const blocks = entries.flatMap(([name, values]) => {
    const shown = Object.entries(values).filter(
      ([valueName]) => wanted === undefined || valueName.toLowerCase() === wanted.toLowerCase(),
    );
    return shown.length === 0
      ? []
      : [
          [
            name,
            ...shown.map(([valueName, value]) => `    ${valueName}    ${value.type}    ${value.data}`),
            '',
          ].join('\r\n'),
        ];
  });
  if (blocks.length === 0) return missing();
  write(scenario, streams.stdout, `\r\n${blocks.join('\r\n')}\r\n`);
  return 0;
}

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] ?? char,
  );
}

/** One event as `wevtutil qe ... /f:xml` prints it. */
export function renderEventXml(event: SimulatedEvent, recordId: number): string {
  const data = Object.entries(event.data)
    .map(([name, value]) => `    <Data Name="${escapeXml(name)}">${escapeXml(value)}</Data>`)
    .join('\n');
  return [
    '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
    '  <System>',
    `    <Provider Name="${escapeXml(event.provider)}"/>`,
    `    <EventID>${event.eventId}</EventID>`,
    '    <Version>0</Version>',
    `    <Level>${event.level}</Level>`,
    `    <TimeCreated SystemTime="${event.time}"/>`,
    `    <EventRecordID>${recordId}</EventRecordID>`,
    `    <Channel>${event.log}</Channel>`,
    '    <Computer>DESKTOP-HEADROOM</Computer>',
    '  </System>',
    data === '' ? '  <EventData/>' : `  <EventData>\n${data}\n  </EventData>`,
    '</Event>',
  ].join('\n');
}

/** The scenario's events of one log with their record ids (numbered from 40000 in time order). */
export function eventsWithIds(
  scenario: Scenario,
  log: string,
): { event: SimulatedEvent; recordId: number }[] {
  return [...scenario.events]
    .filter((event) => event.log.toLowerCase() === log.toLowerCase())
    .sort((a, b) => a.time.localeCompare(b.time))
    .map((event, index) => ({ event, recordId: 40000 + index }));
}

/**
 * The fake wevtutil.exe: `qe LOG /q:XPATH /f:xml [/c:N]` prints the scenario's matching events. It understands the
 * XPath Headroom builds: `Provider[@Name='...']` (any of several), `EventID=N` (any of several), `EventRecordID>N`.
 */
export function runFakeWevtutil({ argv, streams, scenario }: FakeInvocation): number {
  const [verb, log = ''] = argv;
  if (verb?.toLowerCase() !== 'qe') {
    write(scenario, streams.stderr, 'The parameter is incorrect.\r\n');
    return 87;
  }
  const query = argv.find((arg) => arg.toLowerCase().startsWith('/q:'))?.slice(3) ?? '';
  const providers = [...query.matchAll(/Provider\[@Name=['"]([^'"]+)['"]\]/g)].map((match) => match[1]);
  const ids = [...query.matchAll(/EventID\s*=\s*(\d+)/g)].map((match) => Number(match[1]));
  const after = Number(/EventRecordID\s*>\s*(\d+)/.exec(query)?.[1] ?? '-1');
  const count = Number(argv.find((arg) => arg.toLowerCase().startsWith('/c:'))?.slice(3) ?? 'Infinity');
  const matching = eventsWithIds(scenario, log)
    .filter(({ event }) => providers.length === 0 || providers.includes(event.provider))
    .filter(({ event }) => ids.length === 0 || ids.includes(event.eventId))
    .filter(({ recordId }) => recordId > after)
    .slice(0, count);
  const xml =
    matching.map(({ event, recordId }) => renderEventXml(event, recordId)).join('\n') +
    (matching.length > 0 ? '\n' : '');
  // `/uni:true` asks for UTF-16LE instead of the OEM code page.
  if (argv.some((arg) => arg.toLowerCase() === '/uni:true')) {
    void streams.stdout.write(new Uint8Array(Buffer.from(xml, 'utf16le')));
  } else write(scenario, streams.stdout, xml);
  return 0;
}
