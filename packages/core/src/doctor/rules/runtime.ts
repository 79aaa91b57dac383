import { findMountFor } from '../../distro';
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { OLLAMA_FAQ_MODELS_DIR, WSL_FILESYSTEMS_DOCS } from './sources';

/**
 * Model folders (Ollama, llama.cpp, Hugging Face cache) on a Windows drive. A warning: the models load, slower. The
 * protocol named is the one /proc/mounts shows for that mount (9p, or virtiofs).
 */
export const modelsOn9p: Rule = ({ facts }) => {
  const dirs = facts.distro?.modelDirs;
  const mounts = facts.distro?.mounts;
  if (!dirs?.ok || !mounts?.ok) return [];
  const onWindows = dirs.value.flatMap((dir) => {
    const mount = findMountFor(mounts.value, dir.resolved);
    return mount?.kind === 'windows' ? [{ dir, mount }] : [];
  });
  if (onWindows.length === 0) return [];
  const protocols = [...new Set(onWindows.map(({ mount }) => mount.fsType))].join(' and ');
  const finding: Finding = {
    id: 'models-on-9p',
    severity: 'warning',
    category: 'runtime',
    title: 'Your models live on a Windows drive',
    explanation: `${onWindows
      .map(
        ({ dir, mount }) =>
          `${dir.path} is on ${mount.mountPoint} (${mount.fsType}, the Windows drive shared into WSL)`,
      )
      .join(
        '; ',
      )}. Files there reach WSL over ${protocols}, and Microsoft recommends keeping files you work on from Linux in WSL's own file system for performance; that loading a multi-gigabyte model from there is slower is Headroom's rule of thumb (its own observation, not a measurement). The models still work. To load them faster, move them into the distro (for example under your Linux home) and point the tool at them.`,
    evidence: onWindows.map(({ dir, mount }) => ({
      probe: 'distro-model-dirs',
      excerpt: `${dir.path} -> ${dir.resolved} (${mount.fsType} ${mount.mountPoint})`,
    })),
    fix: {
      kind: 'steps',
      label: 'Move the models into WSL',
      steps: [
        ...onWindows.map(({ dir }) =>
          dir.path === dir.resolved
            ? `Copy ${dir.resolved} to a folder in your Linux home (e.g. ~/models), then point the tool at it (for Ollama: set OLLAMA_MODELS to the new folder).`
            : `Copy ${dir.resolved} to a folder in your Linux home (e.g. ~/models), point the tool at it (for Ollama: OLLAMA_MODELS), then remove the link ${dir.path}.`,
        ),
        'If Ollama runs as the system service (user `ollama`), let it read the new folder: ' +
          `\`sudo chown -R ollama:ollama ~/models\` (Ollama FAQ, ${OLLAMA_FAQ_MODELS_DIR}).`,
      ],
    },
    source: WSL_FILESYSTEMS_DOCS,
  };
  return [finding];
};
