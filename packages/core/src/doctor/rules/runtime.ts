import { findMountFor } from '../../distro';
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { WSL_FILESYSTEMS_DOCS } from './sources';

/** Model folders (Ollama, llama.cpp, Hugging Face cache) on a Windows drive (9p/drvfs), which loads far slower. */
export const modelsOn9p: Rule = ({ facts }) => {
  const dirs = facts.distro?.modelDirs;
  const mounts = facts.distro?.mounts;
  if (!dirs?.ok || !mounts?.ok) return [];
  const onWindows = dirs.value.flatMap((dir) => {
    const mount = findMountFor(mounts.value, dir.resolved);
    return mount?.kind === 'windows' ? [{ dir, mount }] : [];
  });
  if (onWindows.length === 0) return [];
  const finding: Finding = {
    id: 'models-on-9p',
    severity: 'error',
    category: 'runtime',
    title: 'Your models live on a Windows drive',
    explanation: `${onWindows
      .map(
        ({ dir, mount }) =>
          `${dir.path} is on ${mount.mountPoint} (${mount.fsType}, the Windows drive shared into WSL)`,
      )
      .join(
        '; ',
      )}. Files there cross the 9p file-sharing protocol, which makes loading a multi-gigabyte model many times slower than from WSL's own disk. Move the models into the distro (for example under your Linux home) and point the tool at them.`,
    evidence: onWindows.map(({ dir, mount }) => ({
      probe: 'distro-model-dirs',
      excerpt: `${dir.path} -> ${dir.resolved} (${mount.fsType} ${mount.mountPoint})`,
    })),
    fix: {
      kind: 'steps',
      label: 'Move the models into WSL',
      steps: onWindows.map(
        ({ dir }) =>
          `Copy ${dir.resolved} to a folder in your Linux home (e.g. ~/models), then point the tool at it (for Ollama: OLLAMA_MODELS) and remove the link ${dir.path}.`,
      ),
    },
    source: WSL_FILESYSTEMS_DOCS,
  };
  return [finding];
};
