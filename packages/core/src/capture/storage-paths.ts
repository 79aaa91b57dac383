import type { CaptureFacts } from './capture-facts';

/** A distro path on a Windows drive (`/mnt/d/models`) as Windows names it (`D:\models`); else undefined. */
export function windowsPathOfMount(path: string): string | undefined {
  const match = /^\/mnt\/([a-z])(?:\/(.*))?$/i.exec(path);
  if (!match?.[1]) return undefined;
  return `${match[1].toUpperCase()}:\\${(match[2] ?? '').replaceAll('/', '\\')}`;
}

/**
 * The Windows folders whose drives' free space matters: each distro's disk folder (the registry's `BasePath`) and
 * the model folders that sit on a Windows drive (a model folder inside the distro lives on its disk, already named).
 */
export function storagePaths(facts: CaptureFacts): string[] {
  const disks = facts.windows.distroDisks?.ok
    ? facts.windows.distroDisks.value.map((disk) => disk.basePath)
    : [];
  const models = facts.distro?.modelDirs?.ok
    ? facts.distro.modelDirs.value.flatMap((dir) => windowsPathOfMount(dir.resolved) ?? [])
    : [];
  return [...new Set([...disks, ...models])];
}
