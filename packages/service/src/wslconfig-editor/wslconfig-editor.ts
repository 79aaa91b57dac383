import type { WslconfigDocument, WslconfigField } from '@headroom/contract';
import {
  checkWslConfig,
  decodeConfigBytes,
  diffLines,
  findKeySpec,
  formatSize,
  scanWslConfig,
  setWslConfigValues,
  unsetWslConfigKeys,
  WSL_KEYS,
  WslConfigEditError,
  type HostFacts,
  type WslKeySpec,
} from '@headroom/core';
import type { WslConfigStore } from '@headroom/host';
import { ServiceError } from '../service-error';

/** One edit from the form: a full key and its value; empty removes the key. */
export interface FormEdit {
  readonly key: string;
  readonly value: string;
}

const RESOURCES = new Set([
  'memory',
  'processors',
  'swap',
  'swapFile',
  'pageReporting',
  'autoMemoryReclaim',
  'sparseVhd',
  'defaultVhdSize',
]);
const GPU = new Set([
  'guiApplications',
  'hardwarePerformanceCounters',
  'nestedVirtualization',
  'debugConsole',
]);

/** The form group a key belongs to. */
export function groupOf(spec: Pick<WslKeySpec, 'name' | 'section'>): WslconfigField['group'] {
  if (RESOURCES.has(spec.name)) return 'Resources';
  if (GPU.has(spec.name)) return 'GPU & display';
  if (
    /network|dns|firewall|proxy|localhost|vmSwitch|macAddress|dhcp|ignoredPorts|ipv6|hostAddressLoopback/i.test(
      spec.name,
    )
  )
    return 'Networking';
  return 'Advanced';
}

/** A key's default on this machine: memory is half the RAM, swap a quarter of memory, processors all of them. */
export function defaultHere(spec: WslKeySpec, host: HostFacts): string {
  const ram = host.totalMemoryBytes;
  if (spec.key === 'wsl2.memory' && ram)
    return `${formatSize(BigInt(Math.floor(ram / 2)))} (half of the RAM)`;
  if (spec.key === 'wsl2.swap' && ram)
    return `${formatSize(BigInt(Math.floor(ram / 8)))} (a quarter of the memory)`;
  if (spec.key === 'wsl2.processors' && host.logicalProcessors)
    return `${host.logicalProcessors} (every logical processor)`;
  return spec.default;
}

function boundsOf(spec: WslKeySpec, host: HostFacts): string | undefined {
  if (spec.key === 'wsl2.memory' && host.totalMemoryBytes)
    return `256MB to ${formatSize(BigInt(host.totalMemoryBytes))}`;
  if (spec.key === 'wsl2.processors' && host.logicalProcessors) return `1 to ${host.logicalProcessors}`;
  return undefined;
}

/** The editor's view of a .wslconfig: every key WSL reads, unknown keys, and the problems line by line. */
export function wslconfigDocument(bytes: Uint8Array, path: string, host: HostFacts): WslconfigDocument {
  const { text } = decodeConfigBytes(bytes);
  const scan = scanWslConfig(text);
  const firstLine = new Map<string, { value: string; line: number }>();
  const unknownKeys: WslconfigDocument['unknownKeys'] = [];
  for (const keyLine of scan.keys) {
    const spec = findKeySpec(keyLine.fullName);
    if (!spec) {
      unknownKeys.push({ name: keyLine.fullName, line: keyLine.line });
      continue;
    }
    if (!firstLine.has(spec.key))
      firstLine.set(spec.key, {
        value: text.slice(keyLine.valueSpan.start, keyLine.valueSpan.end),
        line: keyLine.line,
      });
  }
  const check = checkWslConfig(bytes, host);
  return {
    path,
    text,
    fields: WSL_KEYS.map((spec) => {
      const found = firstLine.get(spec.key);
      const bounds = boundsOf(spec, host);
      return {
        key: spec.key,
        group: groupOf(spec),
        type: spec.type,
        ...(spec.values ? { values: [...spec.values] } : {}),
        meaning: spec.meaning,
        default: defaultHere(spec, host),
        ...(found ? { value: found.value, line: found.line } : {}),
        ...(bounds ? { bounds } : {}),
      };
    }),
    unknownKeys,
    problems: check.problems.map(({ line, message, ignoredByWsl }) => ({ line, message, ignoredByWsl })),
  };
}

/** The file's bytes after the form's edits: set values through WSL's rules, remove emptied keys. */
export function editedBytes(bytes: Uint8Array, edits: readonly FormEdit[]): Uint8Array {
  try {
    const cleared = edits.filter((edit) => edit.value.trim() === '').map((edit) => edit.key);
    const set = edits.filter((edit) => edit.value.trim() !== '');
    const after =
      set.length > 0
        ? setWslConfigValues(
            bytes,
            set.map(({ key, value }) => ({ key, value: value.trim() })),
          )
        : bytes;
    return cleared.length > 0 ? unsetWslConfigKeys(after, cleared) : after;
  } catch (error) {
    if (error instanceof WslConfigEditError) throw new ServiceError('invalid-request', error.message);
    throw error;
  }
}

/** The editor's handlers over the user's .wslconfig store. */
export function createWslconfigEditor(store: WslConfigStore, path: string, host: HostFacts) {
  return {
    async read(): Promise<WslconfigDocument> {
      return wslconfigDocument((await store.read()).bytes, path, host);
    },
    async preview(edits: readonly FormEdit[]) {
      const { bytes } = await store.read();
      const after = editedBytes(bytes, edits);
      return {
        diff: diffLines(decodeConfigBytes(bytes).text, decodeConfigBytes(after).text).map(
          ({ kind, text }) => ({
            kind,
            text,
          }),
        ),
      };
    },
    async save(edits: readonly FormEdit[]): Promise<WslconfigDocument> {
      const snapshot = await store.read();
      const after = editedBytes(snapshot.bytes, edits);
      await store.write(after, { expectedHash: snapshot.hash, reason: '.wslconfig editor' });
      return wslconfigDocument(after, path, host);
    },
  };
}
