import { describe, expect, it } from 'vitest';
import { GIB } from './format';
import { isKvCacheType, kvCacheBytes, type KvShape } from './kv-cache';

// Hyper-parameters and figures of docs/gpu-tools.md "VRAM estimate".
const llama8b: KvShape = { layers: 32, kvHeads: 8, keyDim: 128, valueDim: 128 };
const llama70b: KvShape = { layers: 80, kvHeads: 8, keyDim: 128, valueDim: 128 };

describe('kvCacheBytes', () => {
  it('reproduces the cited f16 figures: 8B 1 GiB / 16 GiB, 70B 2.5 GiB / 40 GiB at 8192 / 131072 tokens', () => {
    expect(kvCacheBytes(llama8b, 8192, 'f16').value).toBe(1 * GIB);
    expect(kvCacheBytes(llama8b, 131_072, 'f16').value).toBe(16 * GIB);
    expect(kvCacheBytes(llama70b, 8192, 'f16').value).toBe(2.5 * GIB);
    expect(kvCacheBytes(llama70b, 131_072, 'f16').value).toBe(40 * GIB);
    // Per token: 128 KiB for the 8B, 320 KiB for the 70B, in steps of 256 cells as llama.cpp pads the cache.
    expect(kvCacheBytes(llama8b, 256, 'f16').value).toBe(256 * 128 * 1024);
    expect(kvCacheBytes(llama70b, 256, 'f16').value).toBe(256 * 320 * 1024);
    expect(kvCacheBytes(llama8b, 1, 'f16').value).toBe(256 * 128 * 1024);
    expect(kvCacheBytes(llama8b, 8193, 'f16').value).toBe((8192 + 256) * 128 * 1024);
  });

  it('is not the 6.4 GB a blog claims for 128K tokens, even quantized to q4_0', () => {
    expect(kvCacheBytes(llama8b, 131_072, 'q4_0').value).toBe(4.5 * GIB);
    expect(kvCacheBytes(llama70b, 131_072, 'q4_0').value).toBe(11.25 * GIB);
    expect(kvCacheBytes(llama8b, 131_072, 'f16').value).toBeGreaterThan(6.4e9 * 2);
  });

  it('scales q8_0 by 34/64 and q4_0 by 18/64 of f16 (block sizes 34 and 18 bytes per 32 elements)', () => {
    const f16 = kvCacheBytes(llama70b, 8192, 'f16').value;
    expect(kvCacheBytes(llama70b, 8192, 'q8_0').value / f16).toBe(34 / 64);
    expect(kvCacheBytes(llama70b, 8192, 'q4_0').value / f16).toBe(18 / 64);
    expect(kvCacheBytes(llama70b, 8192, 'q8_0').value / f16).toBeCloseTo(0.53, 2);
    expect(kvCacheBytes(llama70b, 8192, 'q4_0').value / f16).toBeCloseTo(0.28, 2);
  });

  it('explains itself in one line', () => {
    expect(kvCacheBytes(llama70b, 8192, 'f16').explanation).toBe(
      'KV cache (f16): 2 × 80 layers × 8192 tokens × 8 KV heads × 128 dims × 2 bytes = 2.5 GiB',
    );
    expect(kvCacheBytes(llama8b, 8192, 'q8_0').explanation).toBe(
      'KV cache (q8_0): 2 × 32 layers × 8192 tokens × 8 KV heads × 128 dims × 34/32 bytes = 544 MiB',
    );
    expect(kvCacheBytes({ layers: 2, kvHeads: 1, keyDim: 192, valueDim: 128 }, 1024, 'f16').explanation).toBe(
      'KV cache (f16): 2 layers × 1024 tokens × 1 KV heads × (192 + 128) dims × 2 bytes = 1.25 MiB',
    );
  });

  it('knows its cache types', () => {
    expect(['f16', 'q8_0', 'q4_0', 'q5_1', 'toString'].map(isKvCacheType)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
