/**
 * Giving raw events their meaning: which Windows Update, which driver, which crash, which reboot. Field names and
 * their meanings follow docs/windows-events.md "Events that matter" and the real samples in testdata/eventlog.
 */
import { parsed, parseSafely, type Parsed } from '../probe';
import { dataFromMessage } from './message-text';
import { isInferenceProgram, watchedProgramOf, type WatchedProgram } from './programs';
import { PROVIDERS, sameProvider } from './providers';
import { classifyUpdateTitle, type DriverUpdateTitle, type UpdateKind } from './update-title';
import { EVENTLOG_PROBE, parseEventXml, type RawEvent } from './xml-events';

/** Where in its life an update was: WindowsUpdateClient 44 → 43 → 19 or 20. */
export type UpdateStage = 'download-started' | 'install-started' | 'installed' | 'install-failed';

/** WindowsUpdateClient 19 (installed), 20 (failed), 43 (install started) or 44 (download started). */
export interface WindowsUpdateFacts {
  readonly kind: 'windows-update';
  readonly stage: UpdateStage;
  /** `updateTitle`, e.g. `2018-07 Cumulative Update for Windows 10 Version 1803 for x64-based Systems (KB4338819)`. */
  readonly title: string;
  readonly updateKind: UpdateKind;
  readonly kb: string | null;
  /** Defender definitions, Store apps, the MSRT: updates that arrive all the time and never touch the GPU stack. */
  readonly routine: boolean;
  readonly driver: DriverUpdateTitle | null;
  /** Joins the 44 → 43 → 19/20 events of one install. */
  readonly updateGuid: string | null;
  readonly revision: number | null;
  /** Event 20's `errorCode`, lower-case with `0x`, e.g. `0x8024001e`. */
  readonly errorCode: string | null;
}

/** Microsoft-Windows-UserPnp 20001: a driver was installed on a device (UserData/InstallDeviceID). */
export interface DriverInstalledFacts {
  readonly kind: 'driver-installed';
  /** `DriverDescription`, e.g. `NVIDIA GeForce RTX 4090` or `Microsoft Basic Display Adapter`. */
  readonly device: string | null;
  /** The INF file name without its driver-store folder, e.g. `display.inf` or `nv_dispi.inf`. */
  readonly inf: string | null;
  /** `DriverName` as written (may be a driver-store path). */
  readonly driverName: string | null;
  readonly driverVersion: string | null;
  readonly driverProvider: string | null;
  readonly deviceInstanceId: string | null;
  /** The `VEN_xxxx` of a PCI device instance id, upper case (`10DE` is NVIDIA). */
  readonly pciVendorId: string | null;
  readonly setupClass: string | null;
  /** The setup class is Display, `{4D36E968-E325-11CE-BFC1-08002BE10318}`. */
  readonly isDisplayClass: boolean;
  readonly isNvidia: boolean;
  /** `InstallStatus` as written; `0x00000000` is success. */
  readonly installStatus: string | null;
  readonly succeeded: boolean | null;
  readonly upgradeDevice: boolean | null;
}

/** Microsoft-Windows-UserPnp 20003: a driver service was added for a device (UserData/AddServiceID). */
export interface DriverServiceAddedFacts {
  readonly kind: 'driver-service-added';
  readonly serviceName: string | null;
  readonly driverFile: string | null;
  readonly deviceInstanceId: string | null;
  readonly pciVendorId: string | null;
  readonly isNvidia: boolean;
  /** The service is `nvlddmkm`, NVIDIA's display driver. */
  readonly isNvidiaDisplayDriver: boolean;
  readonly primaryService: boolean | null;
  readonly updateService: boolean | null;
  readonly status: string | null;
}

/** Display 4101: a display driver stopped responding and recovered (a TDR). */
export interface DisplayDriverResetFacts {
  readonly kind: 'display-driver-reset';
  /** The driver's service name, e.g. `nvlddmkm`. */
  readonly driver: string | null;
  readonly isNvidia: boolean;
}

/** An event of NVIDIA's kernel driver (source `nvlddmkm`: 13 graphics exception, 14, 153 …). */
export interface NvidiaDriverErrorFacts {
  readonly kind: 'nvidia-driver-error';
  /** The first insertion string, e.g. `\Device\Video3`. */
  readonly device: string | null;
  /** The second insertion string, e.g. `Error occurred on GPUID: 100`. */
  readonly detail: string | null;
}

/** Application Error 1000: a Windows program crashed. */
export interface AppCrashFacts {
  readonly kind: 'app-crash';
  readonly appName: string | null;
  readonly appVersion: string | null;
  readonly moduleName: string | null;
  readonly moduleVersion: string | null;
  /** Lower-case with `0x`, e.g. `0xc0000005` (the XML writes `c0000005`). */
  readonly exceptionCode: string | null;
  readonly faultOffset: string | null;
  readonly processId: number | null;
  readonly appPath: string | null;
  readonly modulePath: string | null;
  readonly reportId: string | null;
  readonly program: WatchedProgram | null;
  readonly isInference: boolean;
}

/** Windows Error Reporting 1001: a problem report (APPCRASH, LiveKernelEvent, a Store agent failure …). */
export interface ErrorReportFacts {
  readonly kind: 'error-report';
  /** `APPCRASH`, `BEX64`, `LiveKernelEvent`, `StoreAgentScanForUpdatesFailure0` … */
  readonly eventName: string | null;
  readonly bucket: string | null;
  readonly bucketType: string | null;
  readonly response: string | null;
  readonly cabId: string | null;
  /** P1 … P10 as written, `''` when empty. */
  readonly signature: readonly string[];
  /** For crash and hang reports: P1, the program. */
  readonly appName: string | null;
  /** For crash reports: P4, the faulting module. */
  readonly moduleName: string | null;
  /** For crash reports: P7 (APPCRASH) or P8 (BEX, BEX64), as `0x…`. */
  readonly exceptionCode: string | null;
  /** For LiveKernelEvent: P1, e.g. `141` (video engine timeout) or `117` (TDR). */
  readonly liveKernelCode: string | null;
  readonly reportId: string | null;
  readonly program: WatchedProgram | null;
  readonly isInference: boolean;
}

/** Microsoft-Windows-Kernel-Power 41: the system rebooted without shutting down cleanly. */
export interface UnexpectedRebootFacts {
  readonly kind: 'unexpected-reboot';
  readonly bugcheckCode: number | null;
  /** The bug check as `0x…` (`0x1a` is MEMORY_MANAGEMENT); null when there was none (power loss, hard hang). */
  readonly bugcheck: string | null;
  readonly bugcheckParameters: readonly string[];
  readonly sleepInProgress: boolean | null;
  /** Whether the power button was held down (`PowerButtonTimestamp` is not 0). */
  readonly powerButtonPressed: boolean | null;
  readonly checkpoint: number | null;
}

/** Microsoft-Windows-Kernel-Power 42: the system is entering sleep. */
export interface SleepFacts {
  readonly kind: 'sleep';
  readonly targetState: number | null;
  readonly effectiveState: number | null;
  readonly reason: number | null;
}

/** Microsoft-Windows-Kernel-Power 109: the kernel power manager started a shutdown transition. */
export interface ShutdownTransitionFacts {
  readonly kind: 'shutdown-transition';
  readonly actionType: number | null;
  readonly eventCode: number | null;
  readonly reason: number | null;
}

/** User32 1074: a process restarted or shut down the machine, and why. */
export interface RestartInitiatedFacts {
  readonly kind: 'restart-initiated';
  /** The process, e.g. `C:\WINDOWS\system32\winlogon.exe`. */
  readonly process: string | null;
  /** The computer in parentheses after the process, when written. */
  readonly processHost: string | null;
  /** e.g. `Operating System: Upgrade (Planned)`. */
  readonly reason: string | null;
  /** e.g. `0x80020003`. */
  readonly reasonCode: string | null;
  readonly planned: boolean | null;
  /** The reason is an operating-system upgrade, service pack, hotfix or security fix: an update reboot. */
  readonly byUpdate: boolean;
  /** `restart`, `power off` … */
  readonly action: string | null;
  readonly comment: string | null;
  readonly user: string | null;
}

/** EventLog 6005: the event log service started (a boot). */
export interface EventLogStartedFacts {
  readonly kind: 'eventlog-started';
}

/** EventLog 6006: the event log service stopped (a clean shutdown). */
export interface EventLogStoppedFacts {
  readonly kind: 'eventlog-stopped';
}

/** EventLog 6008: the previous shutdown was unexpected; the time and date are localised text. */
export interface UnexpectedShutdownFacts {
  readonly kind: 'unexpected-shutdown';
  readonly localTime: string | null;
  readonly localDate: string | null;
}

/** EventLog 6009: the Windows version at boot. */
export interface OsVersionFacts {
  readonly kind: 'os-version';
  /** e.g. `10.00.` */
  readonly version: string | null;
  /** e.g. `17134` */
  readonly build: string | null;
  readonly servicePack: string | null;
  /** e.g. `Multiprocessor Free` */
  readonly buildType: string | null;
}

/** Microsoft-Windows-Kernel-General 12: the operating system started (after an update, the reboot is done). */
export interface OsStartedFacts {
  readonly kind: 'os-started';
  readonly startTime: string | null;
  /** Major.Minor.Build.Qfe, e.g. `10.0.15063.413`. */
  readonly version: string | null;
  readonly bootMode: number | null;
}

/** Microsoft-Windows-Kernel-General 13: the operating system is shutting down. */
export interface OsStoppedFacts {
  readonly kind: 'os-stopped';
  readonly stopTime: string | null;
}

/** Service Control Manager 7045: a service was installed. */
export interface ServiceInstalledFacts {
  readonly kind: 'service-installed';
  readonly serviceName: string | null;
  readonly imagePath: string | null;
  readonly serviceType: string | null;
  readonly startType: string | null;
  readonly account: string | null;
}

/** Any other event: its data as read. */
export interface OtherEventFacts {
  readonly kind: 'other';
  readonly data: Readonly<Record<string, string>>;
}

/** What an event means, by `kind`. */
export type EventFacts =
  | WindowsUpdateFacts
  | DriverInstalledFacts
  | DriverServiceAddedFacts
  | DisplayDriverResetFacts
  | NvidiaDriverErrorFacts
  | AppCrashFacts
  | ErrorReportFacts
  | UnexpectedRebootFacts
  | SleepFacts
  | ShutdownTransitionFacts
  | RestartInitiatedFacts
  | EventLogStartedFacts
  | EventLogStoppedFacts
  | UnexpectedShutdownFacts
  | OsVersionFacts
  | OsStartedFacts
  | OsStoppedFacts
  | ServiceInstalledFacts
  | OtherEventFacts;

/** The kinds of {@link EventFacts}. */
export type EventKind = EventFacts['kind'];

/** The fields every event read from the log has. */
export interface EventEnvelope {
  readonly recordId: number;
  /** `TimeCreated/@SystemTime` as written: UTC ISO-8601. */
  readonly time: string;
  readonly provider: string;
  readonly eventId: number;
  readonly channel: string;
  readonly computer: string | null;
  readonly level: number | null;
}

/** An event from the log with its meaning: the envelope plus the facts of its `kind`. */
export type WindowsEvent = EventEnvelope & EventFacts;

/** The events of one `wevtutil qe` output with their meaning, and how many were cut off or incomplete. */
export interface WindowsEventBatch {
  readonly events: readonly WindowsEvent[];
  readonly skipped: number;
}

/** What {@link eventFacts} needs: the provider, the id, the data and, when rendered, the message. */
export interface EventSource {
  readonly provider: string;
  readonly eventId: number;
  readonly data: Readonly<Record<string, string>>;
  readonly message?: string | null | undefined;
}

const DISPLAY_CLASS = '{4d36e968-e325-11ce-bfc1-08002be10318}';
const NVIDIA_PCI_VENDOR = '10DE';

type Data = Readonly<Record<string, string>>;

/** The value of an own property, trimmed; null when missing or empty. */
function text(data: Data, name: string): string | null {
  if (!Object.hasOwn(data, name)) return null;
  const value = data[name]?.trim() ?? '';
  return value === '' ? null : value;
}

function flag(value: string | null): boolean | null {
  if (value === null) return null;
  if (/^(?:true|1)$/i.test(value)) return true;
  if (/^(?:false|0)$/i.test(value)) return false;
  return null;
}

function integer(value: string | null): number | null {
  if (value === null) return null;
  if (/^\d{1,15}$/.test(value)) return Number(value);
  if (/^0x[0-9a-f]{1,13}$/i.test(value)) return Number.parseInt(value.slice(2), 16);
  return null;
}

/** `c0000005`, `0xC0000005` → `0xc0000005`; anything that is not hex stays as written. */
function hexCode(value: string | null): string | null {
  if (value === null) return null;
  const match = /^(?:0x)?([0-9a-f]+)$/i.exec(value);
  return match ? `0x${(match[1] ?? '').toLowerCase()}` : value;
}

function pciVendorOf(deviceInstanceId: string | null): string | null {
  const match = deviceInstanceId === null ? null : /\bVEN_([0-9A-F]{4})/i.exec(deviceInstanceId);
  return match ? (match[1] ?? '').toUpperCase() : null;
}

function infOf(driverName: string | null): string | null {
  if (driverName === null) return null;
  const last = driverName.split('\\').pop() ?? '';
  const match = /^(.+?\.inf)(?:_|$)/i.exec(last);
  return match ? (match[1] ?? '').toLowerCase() : null;
}

function windowsUpdate(eventId: number, data: Data, message: string | null): WindowsUpdateFacts | null {
  const stages: Readonly<Record<number, UpdateStage>> = {
    19: 'installed',
    20: 'install-failed',
    43: 'install-started',
    44: 'download-started',
  };
  const stage = stages[eventId];
  if (stage === undefined) return null;
  const fromMessage = message === null ? null : /following update:\s*(.+)$/im.exec(message);
  const title = text(data, 'updateTitle') ?? fromMessage?.[1]?.trim() ?? '';
  const facts = classifyUpdateTitle(title);
  return {
    kind: 'windows-update',
    stage,
    title,
    updateKind: facts.kind,
    kb: facts.kb,
    routine: facts.routine,
    driver: facts.driver,
    updateGuid: text(data, 'updateGuid'),
    revision: integer(text(data, 'updateRevisionNumber')),
    errorCode: hexCode(text(data, 'errorCode')),
  };
}

function driverInstalled(data: Data): DriverInstalledFacts {
  const driverName = text(data, 'DriverName');
  const deviceInstanceId = text(data, 'DeviceInstanceID');
  const pciVendorId = pciVendorOf(deviceInstanceId);
  const device = text(data, 'DriverDescription');
  const driverProvider = text(data, 'DriverProvider');
  const inf = infOf(driverName);
  const setupClass = text(data, 'SetupClass');
  const installStatus = text(data, 'InstallStatus');
  const status = integer(installStatus);
  return {
    kind: 'driver-installed',
    device,
    inf,
    driverName,
    driverVersion: text(data, 'DriverVersion'),
    driverProvider,
    deviceInstanceId,
    pciVendorId,
    setupClass,
    isDisplayClass: setupClass?.toLowerCase() === DISPLAY_CLASS,
    isNvidia:
      pciVendorId === NVIDIA_PCI_VENDOR ||
      /nvidia/i.test(driverProvider ?? '') ||
      /nvidia/i.test(device ?? '') ||
      inf === 'nv_dispi.inf',
    installStatus,
    succeeded: status === null ? null : status === 0,
    upgradeDevice: flag(text(data, 'UpgradeDevice')),
  };
}

function driverServiceAdded(data: Data): DriverServiceAddedFacts {
  const serviceName = text(data, 'ServiceName');
  const deviceInstanceId = text(data, 'DeviceInstanceID');
  const pciVendorId = pciVendorOf(deviceInstanceId);
  const isNvidiaDisplayDriver = serviceName?.toLowerCase() === 'nvlddmkm';
  return {
    kind: 'driver-service-added',
    serviceName,
    driverFile: text(data, 'DriverFileName'),
    deviceInstanceId,
    pciVendorId,
    isNvidia: isNvidiaDisplayDriver || pciVendorId === NVIDIA_PCI_VENDOR,
    isNvidiaDisplayDriver,
    primaryService: flag(text(data, 'PrimaryService')),
    updateService: flag(text(data, 'UpdateService')),
    status: text(data, 'AddServiceStatus'),
  };
}

/** Application Error 1000's unnamed `<Data>` order on older systems, and the named data since Windows 10. */
const APPLICATION_ERROR_FIELDS = [
  'AppName',
  'AppVersion',
  'AppTimeStamp',
  'ModuleName',
  'ModuleVersion',
  'ModuleTimeStamp',
  'ExceptionCode',
  'FaultingOffset',
  'ProcessId',
  'ProcessCreationTime',
  'AppPath',
  'ModulePath',
  'IntegratorReportId',
  'PackageFullName',
  'PackageRelativeAppId',
] as const;

function appCrash(data: Data): AppCrashFacts {
  const value = (name: (typeof APPLICATION_ERROR_FIELDS)[number]): string | null =>
    text(data, name) ?? text(data, String(APPLICATION_ERROR_FIELDS.indexOf(name)));
  const appName = value('AppName');
  const program = appName === null ? null : watchedProgramOf(appName);
  return {
    kind: 'app-crash',
    appName,
    appVersion: value('AppVersion'),
    moduleName: value('ModuleName'),
    moduleVersion: value('ModuleVersion'),
    exceptionCode: hexCode(value('ExceptionCode')),
    faultOffset: value('FaultingOffset'),
    processId: integer(value('ProcessId')),
    appPath: value('AppPath'),
    modulePath: value('ModulePath'),
    reportId: value('IntegratorReportId'),
    program,
    isInference: isInferenceProgram(program),
  };
}

function errorReport(data: Data): ErrorReportFacts {
  const at = (index: number): string | null => text(data, String(index));
  const signature = Array.from({ length: 10 }, (_, index) => data[String(5 + index)] ?? '').map((value) =>
    value.trim(),
  );
  const p = (n: number): string | null => {
    const value = signature[n - 1] ?? '';
    return value === '' ? null : value;
  };
  const eventName = at(2);
  const name = eventName?.toLowerCase() ?? '';
  const isCrash = name === 'appcrash' || name === 'moappcrash' || name === 'bex' || name === 'bex64';
  const isHang = name.startsWith('apphang') || name.startsWith('moapphang');
  const appName = isCrash || isHang ? p(1) : null;
  const program = appName === null ? null : watchedProgramOf(appName);
  return {
    kind: 'error-report',
    eventName,
    bucket: at(0),
    bucketType: at(1),
    response: at(3),
    cabId: at(4),
    signature,
    appName,
    moduleName: isCrash ? p(4) : null,
    exceptionCode: isCrash ? hexCode(name.startsWith('bex') ? p(8) : p(7)) : null,
    liveKernelCode: name === 'livekernelevent' ? p(1) : null,
    reportId: at(19),
    program,
    isInference: isInferenceProgram(program),
  };
}

function unexpectedReboot(data: Data): UnexpectedRebootFacts {
  const bugcheckCode = integer(text(data, 'BugcheckCode'));
  const parameters = [1, 2, 3, 4]
    .map((n) => text(data, `BugcheckParameter${n}`))
    .filter((value): value is string => value !== null);
  const powerButton = text(data, 'PowerButtonTimestamp');
  return {
    kind: 'unexpected-reboot',
    bugcheckCode,
    bugcheck: bugcheckCode === null || bugcheckCode === 0 ? null : `0x${bugcheckCode.toString(16)}`,
    bugcheckParameters: parameters,
    sleepInProgress: flag(text(data, 'SleepInProgress')),
    powerButtonPressed: powerButton === null ? null : powerButton !== '0',
    checkpoint: integer(text(data, 'Checkpoint')),
  };
}

/** SHTDN_REASON_*: the planned flag is bit 31, the major reason bits 16–23, the minor reason bits 0–15. */
function restartInitiated(data: Data): RestartInitiatedFacts {
  const processText = text(data, 'param1');
  const processMatch = processText === null ? null : /^(.*?)\s*\(([^()]*)\)$/.exec(processText);
  const reason = text(data, 'param3');
  const reasonCode = hexCode(text(data, 'param4'));
  const code = integer(reasonCode);
  const major = code === null ? null : (code >>> 16) & 0xff;
  const minor = code === null ? null : code & 0xffff;
  const updateMinors = [0x03, 0x10, 0x11, 0x12];
  const byUpdate =
    (major === 0x02 && minor !== null && updateMinors.includes(minor)) ||
    /^Operating System: (?:Upgrade|Service pack|Hot ?fix|Security fix)/i.test(reason ?? '');
  return {
    kind: 'restart-initiated',
    process: processMatch ? (processMatch[1] ?? null) : processText,
    processHost: processMatch ? (processMatch[2] ?? null) : null,
    reason,
    reasonCode,
    planned: code === null ? null : code >>> 31 === 1,
    byUpdate,
    action: text(data, 'param5'),
    comment: text(data, 'param6'),
    user: text(data, 'param7'),
  };
}

function osStarted(data: Data): OsStartedFacts {
  const parts = ['MajorVersion', 'MinorVersion', 'BuildVersion', 'QfeVersion'].map((name) =>
    text(data, name),
  );
  const complete = parts.every((part) => part !== null);
  return {
    kind: 'os-started',
    startTime: text(data, 'StartTime'),
    version: complete ? parts.join('.') : null,
    bootMode: integer(text(data, 'BootMode')),
  };
}

function kernelPower(eventId: number, data: Data): EventFacts | null {
  switch (eventId) {
    case 41:
      return unexpectedReboot(data);
    case 42:
      return {
        kind: 'sleep',
        targetState: integer(text(data, 'TargetState')),
        effectiveState: integer(text(data, 'EffectiveState')),
        reason: integer(text(data, 'Reason')),
      };
    case 109:
      return {
        kind: 'shutdown-transition',
        actionType: integer(text(data, 'ShutdownActionType')),
        eventCode: integer(text(data, 'ShutdownEventCode')),
        reason: integer(text(data, 'ShutdownReason')),
      };
    default:
      return null;
  }
}

function eventLog(eventId: number, data: Data): EventFacts | null {
  switch (eventId) {
    case 6005:
      return { kind: 'eventlog-started' };
    case 6006:
      return { kind: 'eventlog-stopped' };
    case 6008:
      return { kind: 'unexpected-shutdown', localTime: text(data, '0'), localDate: text(data, '1') };
    case 6009:
      return {
        kind: 'os-version',
        version: text(data, '0'),
        build: text(data, '1'),
        servicePack: text(data, '2'),
        buildType: text(data, '3'),
      };
    default:
      return null;
  }
}

function specificFacts(
  provider: string,
  eventId: number,
  data: Data,
  message: string | null,
): EventFacts | null {
  const is = (name: string): boolean => sameProvider(provider, name);
  if (is(PROVIDERS.windowsUpdate)) return windowsUpdate(eventId, data, message);
  if (is(PROVIDERS.userPnp)) {
    if (eventId === 20001) return driverInstalled(data);
    if (eventId === 20003) return driverServiceAdded(data);
    return null;
  }
  if (is(PROVIDERS.display) && eventId === 4101) {
    const driver = text(data, '0');
    return { kind: 'display-driver-reset', driver, isNvidia: driver?.toLowerCase() === 'nvlddmkm' };
  }
  if (is(PROVIDERS.nvlddmkm))
    return { kind: 'nvidia-driver-error', device: text(data, '0'), detail: text(data, '1') };
  if (is(PROVIDERS.applicationError) && eventId === 1000) return appCrash(data);
  if (is(PROVIDERS.errorReporting) && eventId === 1001) return errorReport(data);
  if (is(PROVIDERS.kernelPower)) return kernelPower(eventId, data);
  if (is(PROVIDERS.kernelGeneral)) {
    if (eventId === 12) return osStarted(data);
    if (eventId === 13) return { kind: 'os-stopped', stopTime: text(data, 'StopTime') };
    return null;
  }
  if (is(PROVIDERS.user32) && eventId === 1074) return restartInitiated(data);
  if (is(PROVIDERS.eventLog)) return eventLog(eventId, data);
  if (is(PROVIDERS.serviceControlManager) && eventId === 7045) {
    return {
      kind: 'service-installed',
      serviceName: text(data, 'ServiceName'),
      imagePath: text(data, 'ImagePath'),
      serviceType: text(data, 'ServiceType'),
      startType: text(data, 'StartType'),
      account: text(data, 'AccountName'),
    };
  }
  return null;
}

/** True when the data has none of the fields its event normally carries, so the message is worth reading. */
function lacksPayload(data: Data): boolean {
  return Object.keys(data).filter((key) => key !== 'Binary').length === 0;
}

/**
 * What an event means, from its provider, id and data. When the data is empty and a rendered message is present
 * (`/f:RenderedXml`, or text), the data is read back out of the English message. Unknown events are `other`.
 */
export function eventFacts(source: EventSource): EventFacts {
  const message = source.message ?? null;
  let data = source.data;
  if (message !== null && lacksPayload(data)) {
    data = dataFromMessage(source.provider, source.eventId, message) ?? data;
  }
  return specificFacts(source.provider, source.eventId, data, message) ?? { kind: 'other', data };
}

/** Give one raw event from `wevtutil` its meaning. */
export function classifyEvent(raw: RawEvent): WindowsEvent {
  const envelope: EventEnvelope = {
    recordId: raw.recordId,
    time: raw.timeCreated,
    provider: raw.provider,
    eventId: raw.eventId,
    channel: raw.channel,
    computer: raw.computer,
    level: raw.level,
  };
  return { ...envelope, ...eventFacts({ ...raw, message: raw.message ?? null }) };
}

/**
 * Parse `wevtutil qe … /f:xml` output straight into typed events (see {@link parseEventXml} for what is skipped
 * and when the output is unreadable). Name the probe after the log, e.g. `eventlog-system`.
 */
export function parseWindowsEvents(text: string, probe: string = EVENTLOG_PROBE): Parsed<WindowsEventBatch> {
  return parseSafely(probe, text, () => {
    const result = parseEventXml(text, probe);
    if (!result.ok) return result;
    return parsed({ events: result.value.events.map(classifyEvent), skipped: result.value.skipped });
  });
}
