/**
 * What kind of update a Windows Update title names. Most WindowsUpdateClient events are noise: Defender
 * definitions arrive several times a day and Store apps update silently (docs/windows-events.md "Events that matter";
 * one sample log holds 137 events 19, almost all of them these two kinds).
 */
export type UpdateKind = 'defender-definitions' | 'store-app' | 'cumulative' | 'feature' | 'driver' | 'other';

/** A driver offered through Windows Update, read from its `Vendor - Class - Version` title. */
export interface DriverUpdateTitle {
  readonly vendor: string;
  /** The device class as Windows Update writes it, e.g. `Display`, `Net`, `Extension`. */
  readonly deviceClass: string;
  readonly version: string;
  readonly isNvidiaDisplay: boolean;
}

/** The facts a Windows Update title carries. */
export interface UpdateTitleFacts {
  readonly kind: UpdateKind;
  /** `KB5036893`, or null when the title names none (Store apps, most drivers). */
  readonly kb: string | null;
  /** Updates that never touch the GPU stack and arrive all the time: Defender, Store apps, the MSRT. */
  readonly routine: boolean;
  readonly driver: DriverUpdateTitle | null;
}

const KB = /\bKB(\d{6,8})\b/i;
/** Store product ids are 12 upper-case letters and digits starting with 9 (or XP), then the package name. */
const STORE_APP = /^(?:9[0-9A-Z]{11}|XP[0-9A-Z]{10})-[\w.]+$/;
const DEFENDER_DEFINITIONS =
  /(?:Definition Update|Security Intelligence Update) for (?:Windows |Microsoft )?Defender|\bKB2267602\b/i;
/** `NVIDIA - Display - 32.0.15.6094`; older titles put a date between the class and the version. */
const DRIVER = /^(.+?) - ([A-Za-z][A-Za-z ]*?) - (?:.* - )?(\d+(?:\.\d+){1,3})$/;
/** The Malicious Software Removal Tool and the Defender platform update: monthly or more, never GPU-related. */
const ROUTINE_KBS = new Set(['KB890830', 'KB4052623', 'KB2267602']);

function driverOf(title: string): DriverUpdateTitle | null {
  const match = title.length <= 200 ? DRIVER.exec(title) : null;
  if (!match) return null;
  const [, vendor = '', deviceClass = '', version = ''] = match;
  return {
    vendor,
    deviceClass,
    version,
    isNvidiaDisplay: /nvidia/i.test(vendor) && /^display$/i.test(deviceClass),
  };
}

/** Read the kind, KB number and driver of an update from its title (the `updateTitle` of events 19/20/43/44). */
export function classifyUpdateTitle(title: string): UpdateTitleFacts {
  const trimmed = title.trim();
  const kbMatch = KB.exec(trimmed);
  const kb = kbMatch ? `KB${kbMatch[1] ?? ''}` : null;
  const driver = driverOf(trimmed);
  let kind: UpdateKind = 'other';
  if (DEFENDER_DEFINITIONS.test(trimmed)) kind = 'defender-definitions';
  else if (STORE_APP.test(trimmed)) kind = 'store-app';
  else if (/\bCumulative Update\b/i.test(trimmed)) kind = 'cumulative';
  else if (/\bFeature update\b/i.test(trimmed)) kind = 'feature';
  else if (driver !== null) kind = 'driver';
  const routine =
    kind === 'defender-definitions' || kind === 'store-app' || (kb !== null && ROUTINE_KBS.has(kb));
  return { kind, kb, routine, driver: kind === 'driver' ? driver : null };
}
