import { findPreset, GB, GIB, MIB, planFit, shapeFromPreset } from '@headroom/core';
import { type MeasuredCase, type Measured } from './measure';

/** What one row compares: the GPU's buffers as llama.cpp measured them and as `headroom fit` plans them. */
export interface Comparison {
  readonly gpuWeightsBytes: number;
  readonly measuredBytes: number;
  readonly fitKvBytes: number;
  readonly fitComputeBytes: number;
  readonly fitBytes: number;
}

/**
 * Compare one measured case with `planFit` for the same model, file size, context and flash-attention setting. Both
 * sides count the same GPU weights (the file's tensors without token_embd, which llama.cpp keeps in RAM) and leave
 * out the CUDA context, which a CPU run has not got.
 */
export function compare(item: MeasuredCase): Comparison {
  const preset = findPreset(item.presetId);
  if (preset === undefined) throw new Error(`no preset ${item.presetId}`);
  const shape = shapeFromPreset(preset, item.quant, item.weightsBytes / GB);
  if (!shape.ok) throw new Error(shape.reason);
  const plan = planFit({
    model: shape.shape,
    ctx: item.ctx,
    kvType: 'f16',
    flashAttention: item.flashAttention,
  });
  const gpuWeightsBytes = plan.vramForAllLayers.value - plan.kvCache.value - plan.gpuOverhead.value;
  const measuredBytes = gpuWeightsBytes + (item.kvMiB + item.computeMiB) * MIB;
  const fitBytes = gpuWeightsBytes + plan.kvCache.value + plan.computeBuffer.value;
  return {
    gpuWeightsBytes,
    measuredBytes,
    fitKvBytes: plan.kvCache.value,
    fitComputeBytes: plan.computeBuffer.value,
    fitBytes,
  };
}

const gib = (bytes: number): string => (bytes / GIB).toFixed(2);
const mib = (bytes: number): string => (bytes / MIB).toFixed(0);

function row(item: MeasuredCase, measured: Measured): string {
  const c = compare(item);
  const deviation = ((c.fitBytes / c.measuredBytes - 1) * 100).toFixed(1);
  const source =
    `measured (llama.cpp ${measured.llamaCpp}, node-llama-cpp ${measured.nodeLlamaCpp} CPU)` +
    (item.publicLog === undefined
      ? ''
      : `; CUDA log: KV ${item.publicLog.kvMiB} MiB, compute ${item.publicLog.computeMiB} MiB ` +
        `([${item.publicLog.url.replace('https://github.com/', '').replace('/pull/', '#')}](${item.publicLog.url}))`);
  return (
    `| ${item.presetId} ${item.quant} | ${item.ctx} | ${item.flashAttention ? 'on' : 'off'} | ` +
    `${gib(c.gpuWeightsBytes)} | ${item.kvMiB.toFixed(0)} / ${mib(c.fitKvBytes)} | ` +
    `${item.computeMiB.toFixed(0)} / ${mib(c.fitComputeBytes)} | ${gib(c.measuredBytes)} | ${gib(c.fitBytes)} | ` +
    `+${deviation} % | ${source} |`
  );
}

/** Replace the measured table in docs/sizing.md (between its markers) with one rendered from the data. */
export function renderSizingDoc(doc: string, measured: Measured): string {
  const start = '<!-- measured:start -->';
  const end = '<!-- measured:end -->';
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/sizing.md has no ${start} … ${end} markers`);
  const table = [
    '| model | context | FA | GPU weights (GiB) | KV MiB (llama.cpp / fit) | compute MiB (llama.cpp / fit) | llama.cpp total (GiB) | fit total (GiB) | fit vs llama.cpp | source |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...measured.cases.map((item) => row(item, measured)),
  ];
  return `${doc.slice(0, from + start.length)}\n\n${table.join('\n')}\n\n${doc.slice(to)}`;
}
