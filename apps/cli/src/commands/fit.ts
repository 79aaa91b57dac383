import { basename } from 'node:path';
import {
  CUSTOM_PRESET_ID,
  findPreset,
  isKvCacheType,
  KV_CACHE_TYPES,
  MODEL_PRESETS,
  planFit,
  presetIds,
  shapeFromCustom,
  shapeFromGguf,
  shapeFromPreset,
  type FitPlan,
  type GgufInfo,
  type ShapeResult,
} from '@headroom/core';
import { readGgufFile, type GgufRead } from '@headroom/host';
import { BOUNDS, fail as failure, optionalNumber, parseOptions } from '../args';
import { EXIT, UsageError, type CliIo } from '../cli-io';

/** The help of `headroom fit`. */
export const FIT_HELP = `headroom fit — how a GGUF model fits your GPU, and the .wslconfig that leaves Windows its share

Usage:
  headroom fit --model NAME --ctx N [options]      a known model (see the list below)
  headroom fit --gguf FILE --ctx N [options]       read the model's shape from its GGUF header
  headroom fit --model custom --layers N --kv-heads N --head-dim N --file-gb N [--max-ctx N] --ctx N [options]

Options:
  --ctx N            context length in tokens (required)
  --kv TYPE          KV cache type: f16 (default), q8_0, q4_0
  --fa on|off        size with flash attention on or off; without it fit turns it on for long contexts
                     (always for a quantized KV cache) and sizes for off otherwise
  --quant NAME       the preset's quantization (default Q4_K_M; Q8_0 and others where a size is cited)
  --file-gb N        the GGUF file's size in GB as Hugging Face lists it (overrides the preset's; the
                     total of all parts for a split GGUF)
  --vram-free GIB    free VRAM in GiB (nvidia-smi's MiB ÷ 1024); without it: what all layers need
  --host-ram GIB     Windows' installed RAM in GiB; without it WSL memory is not checked against Windows
  --host-cpus N      the host's logical processors, to recommend processors=
  --json             print the plan as JSON

Every number comes with the line that computes it. Exit codes: 0 it fits, 1 it does not (more VRAM than
--vram-free, or more RAM than fits beside Windows), or the file could not be read, 2 the command line was wrong.
`;

/** The whole of `headroom fit --help`: the options and the models it knows. */
export function fitHelp(): string {
  return `${FIT_HELP}\nModels:\n${presetList()}\n`;
}

function presetList(): string {
  return MODEL_PRESETS.map((preset) => `  ${preset.id.padEnd(18)}${preset.name}`)
    .concat(`  ${CUSTOM_PRESET_ID.padEnd(18)}your own numbers: --layers, --kv-heads, --head-dim, --file-gb`)
    .join('\n');
}

function human(plan: FitPlan): string {
  const out: string[] = [];
  out.push(`${plan.model.name}, ${plan.ctx}-token context, ${plan.kvType} KV cache`);
  out.push('');
  out.push(...plan.lines.map((line) => `  ${line}`));
  const { memory, swap, processors } = plan.wslconfig;
  const settings = [`memory=${memory.value}`, `swap=${swap.value}`];
  if (processors.value !== undefined) settings.push(`processors=${processors.value}`);
  out.push('');
  out.push('Recommended %USERPROFILE%\\.wslconfig:');
  out.push('  [wsl2]', ...settings.map((setting) => `  ${setting}`));
  out.push('');
  out.push(`Apply with: headroom wslconfig set ${settings.map((setting) => `wsl2.${setting}`).join(' ')}`);
  out.push('then restart WSL (wsl --shutdown) so the VM starts with the new size.');
  if (plan.warnings.length > 0) {
    out.push('');
    out.push('Note:', ...plan.warnings.map((warning) => `  - ${warning}`));
  }
  return `${out.join('\n')}\n`;
}

function ggufSummary(info: GgufInfo, size: number) {
  return {
    version: info.version,
    architecture: info.architecture,
    name: info.name,
    fileType: info.fileTypeName ?? info.fileType,
    fileSize: size,
    tensorCount: info.tensorCount,
    tensorBytes: info.tensorBytes,
    tensorBytesSource: info.tensorBytesSource,
    contextLength: info.contextLength,
    notes: info.notes,
  };
}

/**
 * `headroom fit`: size a model (a preset, a GGUF file or custom numbers) for a context and KV cache type on the
 * VRAM and RAM given, and recommend the `[wsl2]` memory, swap and processors. Human output or `--json`.
 */
export async function runFit(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(args, {
    model: { type: 'string' },
    gguf: { type: 'string' },
    ctx: { type: 'string' },
    kv: { type: 'string', default: 'f16' },
    fa: { type: 'string' },
    quant: { type: 'string', default: 'Q4_K_M' },
    'file-gb': { type: 'string' },
    'vram-free': { type: 'string' },
    'host-ram': { type: 'string' },
    'host-cpus': { type: 'string' },
    layers: { type: 'string' },
    'kv-heads': { type: 'string' },
    'head-dim': { type: 'string' },
    'max-ctx': { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (values.model === undefined && values.gguf === undefined) {
    throw new UsageError(`Name a model with --model NAME or --gguf FILE. Models: ${presetIds().join(', ')}.`);
  }
  if (values.model !== undefined && values.gguf !== undefined) {
    throw new UsageError('Give --model or --gguf, not both.');
  }
  const ctx = optionalNumber('ctx', values.ctx, BOUNDS.tokens);
  if (ctx === undefined)
    throw new UsageError('Give the context length in tokens with --ctx N (e.g. --ctx 8192).');
  const kvType = values.kv;
  if (!isKvCacheType(kvType)) {
    throw new UsageError(`--kv takes ${Object.keys(KV_CACHE_TYPES).join(', ')}, not "${kvType}".`);
  }
  if (values.fa !== undefined && values.fa !== 'on' && values.fa !== 'off') {
    throw new UsageError(`--fa takes on or off, not "${values.fa}".`);
  }
  const flashAttention = values.fa === undefined ? undefined : values.fa === 'on';
  const fileGb = optionalNumber('file-gb', values['file-gb'], BOUNDS.fileGb);
  const vramFreeGiB = optionalNumber('vram-free', values['vram-free'], BOUNDS.vramGiB);
  const hostRamGiB = optionalNumber('host-ram', values['host-ram'], BOUNDS.hostRamGiB);
  const hostLogicalProcessors = optionalNumber('host-cpus', values['host-cpus'], BOUNDS.logicalProcessors);

  let shape: ShapeResult;
  let gguf: ReturnType<typeof ggufSummary> | undefined;
  if (values.gguf !== undefined) {
    const path = values.gguf;
    let read: GgufRead;
    try {
      read = await readGgufFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return failure(io, `There is no file ${path}.`, EXIT.usage);
      if (code === 'EISDIR') return failure(io, `${path} is a folder, not a GGUF file.`, EXIT.usage);
      if (typeof code === 'string')
        return failure(io, `Could not read ${path}: ${(error as Error).message}`, EXIT.failed);
      throw error;
    }
    if (read.info === undefined) {
      return failure(
        io,
        `Could not read ${path} as a GGUF model: ${read.problem ?? 'unknown problem'}.`,
        EXIT.failed,
      );
    }
    gguf = ggufSummary(read.info, read.size);
    shape = shapeFromGguf(read.info, read.size, basename(path), fileGb);
    if (!shape.ok) return failure(io, `${shape.reason}.`, EXIT.failed);
  } else {
    const name = values.model ?? '';
    if (name.trim().toLowerCase() === CUSTOM_PRESET_ID) {
      const custom = {
        layers: optionalNumber('layers', values.layers, BOUNDS.modelDimension),
        kvHeads: optionalNumber('kv-heads', values['kv-heads'], BOUNDS.modelDimension),
        headDim: optionalNumber('head-dim', values['head-dim'], BOUNDS.modelDimension),
        fileGb,
        maxContext: optionalNumber('max-ctx', values['max-ctx'], BOUNDS.tokens),
      };
      if (
        custom.layers === undefined ||
        custom.kvHeads === undefined ||
        custom.headDim === undefined ||
        custom.fileGb === undefined
      ) {
        const flags = {
          layers: '--layers',
          kvHeads: '--kv-heads',
          headDim: '--head-dim',
          fileGb: '--file-gb',
        };
        const missing = (Object.keys(flags) as (keyof typeof flags)[]).filter(
          (key) => custom[key] === undefined,
        );
        throw new UsageError(`--model custom needs ${missing.map((key) => flags[key]).join(', ')}.`);
      }
      shape = shapeFromCustom({
        layers: custom.layers,
        kvHeads: custom.kvHeads,
        headDim: custom.headDim,
        fileGb: custom.fileGb,
        ...(custom.maxContext === undefined ? {} : { maxContext: custom.maxContext }),
      });
    } else {
      const preset = findPreset(name);
      if (preset === undefined) {
        throw new UsageError(`There is no model preset "${name}". Models: ${presetIds().join(', ')}.`);
      }
      shape = shapeFromPreset(preset, values.quant.toUpperCase(), fileGb);
    }
    if (!shape.ok) throw new UsageError(shape.reason);
  }

  const plan = planFit({
    model: shape.shape,
    ctx,
    kvType,
    vramFreeGiB,
    hostRamGiB,
    hostLogicalProcessors,
    flashAttention,
  });
  io.stdout.write(values.json ? `${JSON.stringify({ ...plan, gguf }, null, 2)}\n` : human(plan));
  return plan.fits ? EXIT.ok : EXIT.failed;
}
