import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { LOW_DISK_FREE_BYTES, WSL_DISK_SPACE_DOCS } from './sources';

const gib = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(bytes < 10 * 2 ** 30 ? 1 : 0)} GB`;

/**
 * A drive holding a distro's virtual disk or a model folder with little free space (the host facts' drives are only
 * those): a model pull or the VHDX growing stops with "no space left on device" inside Linux.
 */
export const lowDiskSpace: Rule = ({ facts }) => {
  const low = (facts.host.drives ?? []).filter((drive) => drive.freeBytes < LOW_DISK_FREE_BYTES);
  if (low.length === 0) return [];
  const holds = (drive: string): string => {
    const disks = facts.windows.distroDisks?.ok
      ? facts.windows.distroDisks.value.filter((disk) => disk.basePath.toUpperCase().startsWith(drive))
      : [];
    return disks.length > 0 ? `the disk of ${disks.map((disk) => disk.name).join(', ')}` : 'your models';
  };
  const finding: Finding = {
    id: 'low-disk-space',
    severity: 'warning',
    category: 'runtime',
    title: `Drive ${low.map((drive) => drive.drive).join(' and ')} is nearly full`,
    explanation: `${low
      .map(
        (drive) =>
          `${drive.drive} (${holds(drive.drive)}) has ${gib(drive.freeBytes)} free of ${gib(drive.totalBytes)}`,
      )
      .join(
        '; ',
      )}. A distro's ext4.vhdx grows as Linux writes and does not shrink by itself, so pulling a model can stop with "No space left on device" inside WSL. Headroom's rule of thumb is to keep ${gib(LOW_DISK_FREE_BYTES)} free there: room for one more large model.`,
    evidence: low.map((drive) => ({
      probe: 'host-facts',
      excerpt: `${drive.drive} ${drive.freeBytes} bytes free of ${drive.totalBytes}`,
    })),
    fix: {
      kind: 'steps',
      label: 'Free space on the drive',
      steps: [
        'Remove models you no longer use (`ollama rm NAME` in WSL) and empty the Recycle Bin.',
        'Give the space Linux freed back to Windows: after `wsl --shutdown`, compact the distro’s ext4.vhdx as Microsoft’s WSL disk-space page describes.',
        'Or move the distro to a larger drive: `wsl --manage <distro> --move D:\\WSL\\<distro>`.',
      ],
    },
    source: WSL_DISK_SPACE_DOCS,
  };
  return [finding];
};
