/** Suggestions for values and names WSL rejects: what the user most likely meant, written the way WSL reads it. */

const UNIT_FACTORS: Readonly<Record<string, number>> = {
  b: 1,
  k: 2 ** 10,
  kb: 2 ** 10,
  kib: 2 ** 10,
  m: 2 ** 20,
  mb: 2 ** 20,
  mib: 2 ** 20,
  g: 2 ** 30,
  gb: 2 ** 30,
  gib: 2 ** 30,
  t: 2 ** 40,
  tb: 2 ** 40,
  tib: 2 ** 40,
};

/** Write a byte count the way WSL reads sizes: the largest unit that divides it exactly (`16GB`, `1536MB`, `4096`). */
export function formatSize(bytes: bigint): string {
  for (const [unit, shift] of [
    ['TB', 40n],
    ['GB', 30n],
    ['MB', 20n],
    ['KB', 10n],
  ] as const) {
    const factor = 1n << shift;
    if (bytes !== 0n && bytes % factor === 0n) return `${bytes / factor}${unit}`;
  }
  return String(bytes);
}

/**
 * Read a size the way a person writes it (`8gb`, `8 GB`, `1.5GB`, `8GiB`, `512m`) into bytes; undefined when it is
 * not a size or not a whole number of bytes.
 */
export function readHumanSize(text: string): bigint | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*$/.exec(text);
  if (!match?.[1]) return undefined;
  const factor = UNIT_FACTORS[(match[2] ?? '').toLowerCase() || 'b'];
  if (factor === undefined) return undefined;
  const bytes = Number(match[1]) * factor;
  return Number.isSafeInteger(bytes) ? BigInt(bytes) : undefined;
}

/** The size a rejected size value most likely meant, in WSL's spelling. */
export function suggestSize(text: string): string | undefined {
  const bytes = readHumanSize(text);
  return bytes === undefined ? undefined : formatSize(bytes);
}

/** `true`/`false` for the words people use for them. */
export function suggestBool(text: string): string | undefined {
  const word = text.trim().toLowerCase();
  if (['yes', 'y', 'on', 'enable', 'enabled', 't'].includes(word)) return 'true';
  if (['no', 'n', 'off', 'disable', 'disabled', 'f'].includes(word)) return 'false';
  return undefined;
}

/** The whole number at the start of a rejected integer (`4 cores` → `4`). */
export function suggestInt(text: string): string | undefined {
  return /^\s*([+-]?\d+)\b/.exec(text)?.[1];
}

/** The valid enum value a rejected one most likely meant (`mirror` → `Mirrored`). */
export function suggestEnum(text: string, values: readonly string[]): string | undefined {
  const word = text.trim().toLowerCase();
  if (word === '') return undefined;
  return values.find((value) => value.toLowerCase().startsWith(word) || word.startsWith(value.toLowerCase()));
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

/** The known name a misspelt one most likely meant (case, `-`/`_` and up to two typos forgiven). */
export function suggestName(name: string, candidates: readonly string[]): string | undefined {
  const plain = name.toLowerCase().replace(/[-_.\s]/g, '');
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(plain, candidate.toLowerCase());
    if (distance <= Math.min(2, Math.floor(candidate.length / 4)) && (!best || distance < best.distance)) {
      best = { candidate, distance };
    }
  }
  return best?.candidate;
}
