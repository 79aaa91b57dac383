import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ollamaPsReader } from './ollama-ps';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  return new Promise((resolve) => {
    server = createServer(handler).listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server?.address() as AddressInfo).port}`);
    });
  });
}

describe('ollamaPsReader', () => {
  it('reads the loaded models with their size and VRAM share, as Ollama documents /api/ps', async () => {
    const url = await serve((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          models: [
            { name: 'llama3.1:8b', model: 'llama3.1:8b', size: 6_654_289_920, size_vram: 6_654_289_920 },
            { name: 'qwen2.5:32b', size: 21_000_000_000, size_vram: 15_000_000_000 },
          ],
        }),
      );
    });
    expect(await ollamaPsReader(url)()).toEqual([
      { name: 'llama3.1:8b', sizeBytes: 6_654_289_920, vramBytes: 6_654_289_920 },
      { name: 'qwen2.5:32b', sizeBytes: 21_000_000_000, vramBytes: 15_000_000_000 },
    ]);
  });

  it('reads an Ollama that is not running, or answers something else, as null', async () => {
    expect(await ollamaPsReader('http://127.0.0.1:9')()).toBeNull();
    const url = await serve((_request, response) => response.end('<html>not ollama</html>'));
    expect(await ollamaPsReader(url)()).toBeNull();
  });

  it('gives up on an Ollama that does not answer in time', async () => {
    const url = await serve(() => undefined);
    expect(await ollamaPsReader(url, 100)()).toBeNull();
  });
});
