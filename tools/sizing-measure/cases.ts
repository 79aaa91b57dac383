import { type Quant } from './architectures';

/** A public llama.cpp log of the same model, context and flash-attention setting on CUDA. */
export interface PublicLog {
  readonly url: string;
  readonly kvMiB: number;
  readonly computeMiB: number;
}

/** One row of the measured table. */
export interface MeasureCase {
  readonly id: string;
  readonly presetId: string;
  readonly quant: Quant;
  readonly ctx: number;
  readonly flashAttention: boolean;
  readonly publicLog?: PublicLog;
}

// fedora-copr/logdetective#106: a Mistral 7B Q4_K_S at `-c 32768`, flash_attn = 0, on CUDA:
// "CUDA0 KV buffer size = 4096.00 MiB", "CUDA0 compute buffer size = 2144.00 MiB".
const MISTRAL_32K_LOG: PublicLog = {
  url: 'https://github.com/fedora-copr/logdetective/pull/106',
  kvMiB: 4096,
  computeMiB: 2144,
};

/** The cases `npm run sizing:measure` runs, in table order. */
export const CASES: readonly MeasureCase[] = [
  ...[8192, 131_072].flatMap((ctx) =>
    [true, false].map((flashAttention) => ({
      id: `llama-3.1-8b-${ctx}-fa-${flashAttention ? 'on' : 'off'}`,
      presetId: 'llama-3.1-8b',
      quant: 'Q4_K_M' as const,
      ctx,
      flashAttention,
    })),
  ),
  ...[true, false].map((flashAttention) => ({
    id: `mistral-7b-v0.3-32768-fa-${flashAttention ? 'on' : 'off'}`,
    presetId: 'mistral-7b-v0.3',
    quant: 'Q4_K_S' as const,
    ctx: 32_768,
    flashAttention,
    ...(flashAttention ? {} : { publicLog: MISTRAL_32K_LOG }),
  })),
  ...(['llama-3.1-70b', 'qwen2.5-7b'] as const).flatMap((presetId) =>
    [true, false].map((flashAttention) => ({
      id: `${presetId}-32768-fa-${flashAttention ? 'on' : 'off'}`,
      presetId,
      quant: 'Q4_K_M' as const,
      ctx: 32_768,
      flashAttention,
    })),
  ),
  ...[true, false].map((flashAttention) => ({
    id: `gemma-2-9b-8192-fa-${flashAttention ? 'on' : 'off'}`,
    presetId: 'gemma-2-9b',
    quant: 'Q4_K_M' as const,
    ctx: 8192,
    flashAttention,
  })),
];
