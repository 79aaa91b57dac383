const GIB = 2 ** 30;

/** Bytes as GiB with one decimal, the way the wizard prints memory: `46.8 GiB`. */
export function gib(bytes: number): string {
  return `${(bytes / GIB).toFixed(1)} GiB`;
}
