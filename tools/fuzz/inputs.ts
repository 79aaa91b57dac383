import fc from 'fast-check';

/** Random text as a hostile user may type it, plus a few classics. */
const junk = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '',
    '-',
    '--',
    '-1',
    '0',
    '1e309',
    'NaN',
    '%ff',
    '../..',
    '\u0000',
    '\u202e',
    'a'.repeat(300),
  ),
);

const SCENARIOS = [
  'healthy',
  'wsl-stopped',
  'no-gpu',
  'memory-ceiling',
  'invalid-memory-value',
  'driver-mismatch',
];
const KEYS = [
  'wsl2.memory',
  'wsl2.processors',
  'wsl2.swap',
  'wsl2.networkingMode',
  'wsl2.localhostForwarding',
  'wsl2.kernelCommandLine',
  'wsl2.vmIdleTimeout',
  'experimental.autoMemoryReclaim',
  'WSL2.Memory',
];
const VALUES = [
  '8GB',
  '16gb',
  '-1',
  '0',
  '99999999999999999999',
  '1.5GB',
  'true',
  'false',
  'mirrored',
  'dropcache',
  'C:\\temp',
  '"quoted"',
  '# comment',
  'a;b',
  '4',
  '0x10',
  '',
];

const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: junk });
const value = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...VALUES) }, { weight: 1, arbitrary: junk });
/**
 * Values WSL accepts for each key `set` is fuzzed with (spellings and case varied), so most steps save and their file
 * can be checked for lost edits; a few junk keys and values keep the refusals exercised.
 */
const ACCEPTED: Readonly<Record<string, readonly string[]>> = {
  'wsl2.memory': ['8GB', '4GB', '12gb', '512MB', '16GB', '1TB'],
  'wsl2.processors': ['2', '4', '6', '12'],
  'wsl2.swap': ['0', '4GB', '2GB'],
  'wsl2.networkingMode': ['mirrored', 'nat', 'NAT', 'Mirrored'],
  'wsl2.localhostForwarding': ['true', 'false', 'TRUE'],
  'wsl2.kernelCommandLine': ['quiet', 'sysctl.vm.swappiness=10', 'cgroup_no_v1=all'],
  'wsl2.vmIdleTimeout': ['60000', '120000', '0'],
  'experimental.autoMemoryReclaim': ['gradual', 'dropcache', 'disabled', 'DropCache'],
  'WSL2.Memory': ['6GB', '24GB'],
};
const acceptedEdit = fc
  .constantFrom(...Object.keys(ACCEPTED))
  .chain((k) => fc.constantFrom(...(ACCEPTED[k] ?? [''])).map((v) => [k, v] as [string, string]));
const hostileEdit = fc.tuple(
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: junk }),
  fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...VALUES) }, { weight: 1, arbitrary: junk }),
);
/** One `set` assignment: mostly a value WSL accepts for its key, sometimes a hostile key or value. */
const edit = fc.oneof({ weight: 9, arbitrary: acceptedEdit }, { weight: 1, arbitrary: hostileEdit });
const assignment = fc.tuple(key, value).map(([k, v]) => `${k}=${v}`);

/**
 * Random `headroom` command lines. `@CAPTURE` stands for a (mutated) capture folder and `@FILE` for a .wslconfig
 * the fuzzer owns; the runner substitutes them. Never `demo` (it serves until stopped) and never a live machine
 * (doctor and collect always get a source).
 */
export const cliArgv: fc.Arbitrary<string[]> = fc.oneof(
  fc
    .tuple(
      fc.oneof(
        fc.constant(['--from-capture', '@CAPTURE']),
        fc.constantFrom(...SCENARIOS).map((s) => ['--simulate', s]),
        junk.map((s) => ['--simulate', s]),
      ),
      fc.subarray(['--json', '--model', 'llama-3.1-8b', '--ctx', '--quant']),
      fc.array(junk, { maxLength: 2 }),
    )
    .map(([source, options, extra]) => ['doctor', ...source, ...options, ...extra]),
  fc
    .tuple(fc.subarray(['--json']), fc.array(junk, { maxLength: 1 }))
    .map(([options, extra]) => ['collect', '--show', '@CAPTURE', ...options, ...extra]),
  fc
    .tuple(
      fc.constantFrom('check', 'set', 'unset', 'history', 'diff', 'restore', 'versions'),
      fc.array(assignment, { maxLength: 3 }),
      fc.subarray(['--json', '--dry-run']),
    )
    .map(([sub, rest, options]) => ['wslconfig', sub, '@FILE', ...rest, ...options]),
  fc
    .array(
      fc.oneof(
        junk,
        fc.constantFrom('--model', 'llama-3.1-8b', '--ctx', '8192', '--json', '--simulate', 'healthy'),
      ),
      {
        maxLength: 5,
      },
    )
    .map((rest) => ['fit', ...rest]),
  fc.array(junk, { maxLength: 3 }).map((rest) => ['scenarios', ...rest]),
  fc.array(junk, { minLength: 1, maxLength: 3 }),
);

/** A change to a good capture: one field replaced or removed, the whole document replaced, or a probe's output. */
export interface CaptureMutation {
  readonly label: string;
  apply(json: Record<string, unknown>): unknown;
  readonly stdout?: { readonly probe: number; readonly bytes: Uint8Array };
  readonly asFolder?: string;
}

const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, {}, [], 'lots', -1, 1e308, '../x', '/etc/passwd', { wslconfig: 42 }),
);
const FIELDS = ['format', 'createdAt', 'host', 'probes', 'files', 'host.totalMemoryBytes', 'files.wslconfig'];
const PROBE_FIELDS = ['id', 'argv', 'exitCode', 'durationMs', 'timedOut', 'stdout', 'stderr', 'error'];

/** Random and hostile changes to a capture folder. */
export const captureMutation: fc.Arbitrary<CaptureMutation> = fc.oneof(
  fc.constant<CaptureMutation>({ label: 'none', apply: (json) => json }),
  fc.tuple(fc.constantFrom(...FIELDS), anyJson, fc.boolean()).map(([field, replacement, remove]) => ({
    label: `${remove ? 'remove' : 'set'} ${field}${remove ? '' : ` = ${JSON.stringify(replacement)}`}`,
    apply: (json: Record<string, unknown>) => {
      const [head, tail] = field.split('.') as [string, string | undefined];
      if (tail === undefined) {
        if (remove) Reflect.deleteProperty(json, head);
        else json[head] = replacement;
      } else if (typeof json[head] === 'object' && json[head] !== null) {
        const inner = json[head] as Record<string, unknown>;
        if (remove) Reflect.deleteProperty(inner, tail);
        else inner[tail] = replacement;
      }
      return json;
    },
  })),
  fc.tuple(fc.nat(40), fc.constantFrom(...PROBE_FIELDS), anyJson).map(([index, field, replacement]) => ({
    label: `set probes[${index}].${field} = ${JSON.stringify(replacement)}`,
    apply: (json: Record<string, unknown>) => {
      const probes = json.probes as Record<string, unknown>[];
      const probe = probes[index % probes.length];
      if (probe) probe[field] = replacement;
      return json;
    },
  })),
  fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', '{', 'null', '[]', '"x"')).map((text) => ({
    label: `capture.json = ${JSON.stringify(text)}`,
    apply: () => text,
  })),
  fc
    .tuple(
      fc.nat(40),
      fc.oneof(
        fc.uint8Array({ maxLength: 300 }),
        fc.string({ maxLength: 300 }).map((s) => new TextEncoder().encode(s)),
      ),
    )
    .map(([probe, bytes]) => ({
      label: `random output for probe ${probe}`,
      apply: (json: Record<string, unknown>) => json,
      stdout: { probe, bytes },
    })),
  fc.constant<CaptureMutation>({
    label: 'wslconfig is a folder',
    apply: (json) => json,
    asFolder: 'wslconfig',
  }),
);

/** A starting .wslconfig and a few `set` steps (each one to three assignments). */
export const editSequence = fc
  .record({
    start: fc.constantFrom(
      new Uint8Array(),
      new TextEncoder().encode('# mine\r\n[wsl2]\r\nmemory=8GB   # half\r\nprocessors=4\r\n'),
      new TextEncoder().encode('[wsl2]\nmemory=4GB\nmemory=8GB\n[experimental]\nnetworkingMode=nat\n'),
      new TextEncoder().encode('\uFEFF[wsl2]\nswap=0'),
      new Uint8Array(Buffer.from('\uFEFF[wsl2]\r\nmemory=8GB\r\n', 'utf16le')),
    ),
    steps: fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), {
      minLength: 2,
      maxLength: 6,
    }),
  })
  .map((sequence) => ({ ...sequence, label: new TextDecoder().decode(sequence.start).slice(0, 40) }));
