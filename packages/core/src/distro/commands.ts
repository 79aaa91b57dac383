/**
 * The shell command of each in-distro probe (docs/architecture.md "Capture format"). Each runs under `sh -c` inside the
 * batch script (batch.ts) with `LC_ALL=C` and a PATH that includes the sbin folders, and prints what its parser reads.
 */
import { GPU_QUERY_FIELDS, type DISTRO_PROBE_IDS } from '../probe/probe-ids';

/** An in-distro probe id. */
export type DistroProbeId = (typeof DISTRO_PROBE_IDS)[number];

/** The NVIDIA tools inside WSL: mounted from the Windows driver store, not on the PATH of `wsl -e`. */
export const WSL_LIB_DIR = '/usr/lib/wsl/lib';

/** The in-distro nvidia-smi, always run by its full path (docs/gpu-tools.md "nvidia-smi inside WSL"). */
export const DISTRO_NVIDIA_SMI = `${WSL_LIB_DIR}/nvidia-smi`;

/** Folders where a Linux NVIDIA driver or a CUDA package puts a libcuda that can shadow WSL's. */
export const LIBCUDA_DIRS = [
  WSL_LIB_DIR,
  '/usr/lib/x86_64-linux-gnu',
  '/usr/lib64',
  '/usr/lib',
  '/usr/local/lib',
  '/usr/local/cuda/lib64',
  '/usr/local/cuda/lib64/stubs',
] as const;

/**
 * libcuda: one `file PATH` or `link PATH -> TARGET` line per libcuda.so* in LIBCUDA_DIRS, then `ldconfig` and the
 * cache's libcuda entries (or `ldconfig-missing`). Exits non-zero when WSL's libcuda.so.1 is absent.
 */
const LIBCUDA_COMMAND = [
  `for f in ${LIBCUDA_DIRS.map((dir) => `${dir}/libcuda.so*`).join(' ')}; do`,
  'if [ -L "$f" ]; then echo "link $f -> $(readlink "$f")"; elif [ -e "$f" ]; then echo "file $f"; fi; done;',
  'echo ldconfig;',
  "if command -v ldconfig >/dev/null 2>&1; then ldconfig -p | grep -i 'libcuda\\.so'; else echo ldconfig-missing; fi;",
  `[ -e ${WSL_LIB_DIR}/libcuda.so.1 ]`,
].join(' ');

/**
 * NVIDIA packages: a `manager dpkg|rpm|pacman|none` line, then one `STATUS|NAME|VERSION` line per package whose
 * name starts with nvidia/libnvidia or cuda-drivers (dpkg's three-letter status such as `ii `; `ii ` for rpm and
 * pacman, which list installed packages only).
 */
const PACKAGES_COMMAND = [
  'if command -v dpkg-query >/dev/null 2>&1; then echo manager dpkg;',
  "dpkg-query -W -f='${db:Status-Abbrev}|${Package}|${Version}\\n' 'nvidia*' 'libnvidia*' 'cuda-drivers*';",
  'elif command -v rpm >/dev/null 2>&1; then echo manager rpm;',
  "rpm -qa --qf 'ii |%{NAME}|%{VERSION}-%{RELEASE}\\n' 'nvidia*' 'libnvidia*' 'cuda-drivers*' '*-nvidia*';",
  'elif command -v pacman >/dev/null 2>&1; then echo manager pacman;',
  "pacman -Q | grep -i -e '^nvidia' -e '^libnvidia' -e '^cuda-drivers' -e '^lib32-nvidia' | sed 's/^\\([^ ]*\\) \\(.*\\)$/ii |\\1|\\2/';",
  'else echo manager none; fi',
].join(' ');

/**
 * Model folders: one `dir PATH -> REAL PATH` line for each place Ollama, Hugging Face and llama.cpp keep models that
 * exists, so the mounts probe can tell whether the bytes live on a Windows drive (9p/drvfs) or in the distro's disk.
 */
const MODEL_DIRS_COMMAND = [
  'for d in "$OLLAMA_MODELS" "$HOME/.ollama/models" /usr/share/ollama/.ollama/models',
  '"${HF_HOME:-$HOME/.cache/huggingface}" "$LLAMA_CACHE" "$HOME/.cache/llama.cpp"; do',
  'if [ -n "$d" ] && [ -e "$d" ]; then echo "dir $d -> $(readlink -f "$d")"; fi; done; true',
].join(' ');

/** The shell command of each in-distro probe. */
export const DISTRO_PROBE_COMMANDS: Readonly<Record<DistroProbeId, string>> = {
  'distro-meminfo': 'cat /proc/meminfo',
  'distro-nproc': 'nproc',
  'distro-uname': 'uname -r',
  'distro-os-release':
    'if [ -e /etc/os-release ]; then cat /etc/os-release; else cat /usr/lib/os-release; fi',
  'distro-nvidia-smi': DISTRO_NVIDIA_SMI,
  'distro-nvidia-smi-query': `${DISTRO_NVIDIA_SMI} --query-gpu=${GPU_QUERY_FIELDS.join(',')} --format=csv,nounits`,
  'distro-libcuda': LIBCUDA_COMMAND,
  'distro-nvidia-packages': PACKAGES_COMMAND,
  'distro-wsl-conf': 'cat /etc/wsl.conf',
  'distro-mounts': 'cat /proc/mounts',
  'distro-model-dirs': MODEL_DIRS_COMMAND,
};

/** Seconds each probe may run before `timeout` stops it (nvidia-smi hangs when GPU passthrough is stuck). */
export const DISTRO_PROBE_TIMEOUT_SECONDS: Readonly<Record<DistroProbeId, number>> = {
  'distro-meminfo': 5,
  'distro-nproc': 5,
  'distro-uname': 5,
  'distro-os-release': 5,
  'distro-nvidia-smi': 15,
  'distro-nvidia-smi-query': 15,
  'distro-libcuda': 10,
  'distro-nvidia-packages': 15,
  'distro-wsl-conf': 5,
  'distro-mounts': 5,
  'distro-model-dirs': 5,
};
