/**
 * Where the doctor's rules come from: the documents and issues their findings cite as "Why?", and the documented
 * minimums they check. Each figure names the sentence it is read from, so "Why?" can be checked against the source.
 */

/** The WSL configuration docs, the usual "Why?" of .wslconfig findings. */
export const WSL_CONFIG_DOCS = 'https://learn.microsoft.com/windows/wsl/wsl-config#wslconfig';

/** Where WSL computes the VM's memory, processors and swap from .wslconfig and the host (defaults and clamps). */
export const WSL_CONFIG_SOURCE =
  'https://github.com/microsoft/WSL/blob/master/src/windows/common/WslCoreConfig.cpp';

/** How to install WSL. */
export const WSL_INSTALL_DOCS = 'https://learn.microsoft.com/windows/wsl/install';

/** How to move a distribution to WSL 2. */
export const WSL2_DOCS = 'https://learn.microsoft.com/windows/wsl/basic-commands#set-wsl-version-to-1-or-2';

/** WSL reads .wslconfig only when the VM starts: the "8 second rule". */
export const WSL_CONFIG_RESTART_DOCS =
  'https://learn.microsoft.com/windows/wsl/wsl-config#the-8-second-rule-for-configuration-changes';

/** WSL's .wslconfig parser, the rules of what it reads and ignores. */
export const WSL_CONFIG_PARSER_SOURCE =
  'https://github.com/microsoft/WSL/blob/master/src/shared/configfile/configfile.cpp';

/** Files under /mnt (9p) are far slower to read from Linux than files in the distro's own file system. */
export const WSL_FILESYSTEMS_DOCS =
  'https://learn.microsoft.com/windows/wsl/filesystems#file-storage-and-performance-across-file-systems';

/** NVIDIA's driver download page, where the Windows driver WSL uses comes from. */
export const NVIDIA_DRIVER_DOWNLOAD = 'https://www.nvidia.com/Download/index.aspx';

/** NVIDIA's "CUDA on WSL User Guide", the primary source for what CUDA on WSL 2 needs. */
export const CUDA_ON_WSL_GUIDE = 'https://docs.nvidia.com/cuda/wsl-user-guide/index.html';

/**
 * The guide's "NVIDIA Compute Software Support on WSL 2", its table of suggested versions: "R495 and later windows will have CUDA support for WSL 2."
 */
export const CUDA_ON_WSL_DRIVER_SOURCE = `${CUDA_ON_WSL_GUIDE}#nvidia-compute-software-support-on-wsl-2`;

/**
 * The guide's "WSL 2 Support Constraints": WDDM mode only ("It will not be available on Quadro GPUs in TCC mode
 * or Tesla GPUs yet"), and "Ensure you are on the latest WSL Kernel or at least 4.19.121+. We recommend 5.10.16.3 or
 * later for better performance and functional fixes."
 */
export const CUDA_ON_WSL_CONSTRAINTS = `${CUDA_ON_WSL_GUIDE}#wsl-2-support-constraints`;

/** The guide's "CUDA Support for WSL 2": "users must not install any NVIDIA GPU Linux driver within WSL 2" (nor `cuda-drivers`). */
export const CUDA_ON_WSL_NO_LINUX_DRIVER = `${CUDA_ON_WSL_GUIDE}#cuda-support-for-wsl-2`;

/** Microsoft's "Enable NVIDIA CUDA on WSL": "you need a kernel version of 5.10.43.3 or higher". */
export const MICROSOFT_CUDA_ON_WSL = 'https://learn.microsoft.com/en-us/windows/ai/directml/gpu-cuda-in-wsl';

/** The oldest NVIDIA Windows driver branch with CUDA on WSL 2 (the guide's table: "R495 and later"). */
export const MIN_WSL_DRIVER_BRANCH = 495;

/** The oldest WSL kernel NVIDIA's guide accepts ("at least 4.19.121+"). */
export const NVIDIA_MIN_KERNEL: readonly number[] = [4, 19, 121];

/** The kernel NVIDIA's guide recommends ("5.10.16.3 or later for better performance and functional fixes"). */
export const NVIDIA_RECOMMENDED_KERNEL: readonly number[] = [5, 10, 16, 3];

/** The kernel Microsoft's page asks for ("5.10.43.3 or higher"): higher than NVIDIA's figures. */
export const MICROSOFT_MIN_KERNEL: readonly number[] = [5, 10, 43, 3];

/** WSL's setting table: `wsl2.gpuSupport` (default true) controls GPU-PV and the /usr/lib/wsl shares. */
export const WSL_GPU_SUPPORT_SOURCE =
  'https://github.com/microsoft/WSL/blob/master/src/windows/common/WslCoreConfig.h';

/** In-distro `Failed to initialize NVML: GPU access blocked by the operating system` (L40S, Windows Server). */
export const GPU_ACCESS_BLOCKED_ISSUE = 'https://github.com/microsoft/WSL/issues/14339';

/** In-distro `NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver` while Windows works. */
export const COULDNT_COMMUNICATE_ISSUE = 'https://github.com/microsoft/WSL/issues/9134';

/** An L40S in TCC mode on the host: WSL sees no GPU. */
export const TCC_ISSUE = 'https://github.com/microsoft/WSL/issues/11865';

/** A host with one GPU in TCC and another in WDDM: no GPU at all inside WSL (one report, open). */
export const MIXED_TCC_ISSUE = 'https://github.com/microsoft/WSL/issues/13027';

/** Inside WSL the banner's `Driver Version` is the Windows driver (`NVIDIA-SMI 555.52.01  Driver Version: 555.99`). */
export const WSL_BANNER_DRIVER_ISSUE = 'https://github.com/microsoft/WSL/issues/11277';

/** `CUDA Version: ERR!` in the banner inside WSL. */
export const CUDA_VERSION_ERR_ISSUE = 'https://github.com/microsoft/WSL/issues/11589';

/** nvidia-smi inside WSL that "doesnt respond and doesnt time out". */
export const PASSTHROUGH_HANG_ISSUE = 'https://github.com/microsoft/WSL/issues/8518';

/** Ollama's FAQ: `ollama ps` shows a model loaded "partially onto both the GPU and into system memory". */
export const OLLAMA_GPU_SPLIT =
  'https://docs.ollama.com/faq#how-can-i-tell-if-my-model-was-loaded-onto-the-gpu';

/** NVIDIA on CUDA's overheads in WSL 2 and the work done on them: why passthrough latency matters. */
export const WSL_CUDA_PERFORMANCE =
  'https://developer.nvidia.com/blog/leveling-up-cuda-performance-on-wsl2-with-new-enhancements/';

/** The known hangs of `autoMemoryReclaim=gradual`; `dropCache` is the safer setting. */
export const AUTORECLAIM_GRADUAL_ISSUE = 'https://github.com/microsoft/WSL/issues/10675';

/** `[gpu] enabled` of /etc/wsl.conf: false keeps init from mounting the GPU libraries (WSL's init source). */
export const WSL_CONF_GPU_SOURCE = 'https://github.com/microsoft/WSL/blob/master/src/linux/init/config.cpp';

/** Ollama's FAQ on moving its models: the service runs as user `ollama`, which needs `chown -R ollama:ollama`. */
export const OLLAMA_FAQ_MODELS_DIR = 'https://docs.ollama.com/faq#how-do-i-set-them-to-a-different-location';

/** Ollama's default context by total VRAM ("< 24 GiB VRAM: 4k context, 24-48 GiB VRAM: 32k, >= 48 GiB VRAM: 256k"). */
export const OLLAMA_CONTEXT_LENGTH_DOCS = 'https://docs.ollama.com/context-length';

/** Ollama's API: `/api/tags` lists the models, `/api/show` gives their `model_info` (the GGUF keys). */
export const OLLAMA_API_DOCS = 'https://github.com/ollama/ollama/blob/main/docs/api.md';

/** llama-server's `-c, --ctx-size N`: "size of the prompt context (default: 0, 0 = loaded from model)". */
export const LLAMA_SERVER_CTX_DOCS =
  'https://github.com/ggml-org/llama.cpp/blob/master/tools/server/README.md#common-params';
