/** Units and the "number with its explanation" shape every sizing result uses. */

/** 2^30 bytes: what nvidia-smi's MiB / 1024, Task Manager's "GB" and WSL's `GB` suffix all mean. */
export const GIB = 2 ** 30;

/** 2^20 bytes. */
export const MIB = 2 ** 20;

/** 10^9 bytes: the "GB" of Hugging Face file listings and of quant tables. */
export const GB = 1e9;

/** A number Headroom computed, with the one line that shows how it was computed. */
export interface Explained<T> {
  readonly value: T;
  readonly explanation: string;
}

function trimmed(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** Bytes as GiB with at most two decimals: `2.5 GiB`, `16 GiB`, `0.49 GiB`. */
export function formatGiB(bytes: number): string {
  return `${trimmed(bytes / GIB)} GiB`;
}

/** Bytes as MiB below 1 GiB and as GiB above it: `32 MiB`, `2.5 GiB`. */
export function formatBytes(bytes: number): string {
  return Math.abs(bytes) < GIB ? `${trimmed(bytes / MIB)} MiB` : formatGiB(bytes);
}

/** Bytes as decimal GB the way file listings print them: `42.52 GB`. */
export function formatGB(bytes: number): string {
  return `${trimmed(bytes / GB)} GB`;
}
