import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ollamaApiClient } from './ollama-api';

const docs = (name: string): string =>
  readFileSync(new URL(`../../../core/src/models/testdata/${name}`, import.meta.url), 'utf8');

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  return new Promise((resolve) => {
    server = createServer(handler).listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server?.address() as AddressInfo).port}`);
    });
  });
}

describe('ollamaApiClient', () => {
  it("asks /api/tags with GET and /api/show with the model's name in a POST, as Ollama's API docs say", async () => {
    const asked: string[] = [];
    const url = await serve((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        asked.push(`${request.method} ${request.url} ${body}`);
        response.setHeader('content-type', 'application/json');
        response.end(
          request.url === '/api/tags' ? docs('ollama-api-tags.json') : docs('ollama-api-show.json'),
        );
      });
    });
    const api = ollamaApiClient(url);
    expect(await api.tags()).toMatchObject({
      models: [{ name: 'codellama:13b' }, { name: 'llama3:latest' }],
    });
    expect(await api.show('llama3:latest')).toMatchObject({ model_info: { 'llama.block_count': 32 } });
    expect(asked).toEqual(['GET /api/tags ', 'POST /api/show {"model":"llama3:latest"}']);
  });

  it('reads no Ollama, an HTTP error or a page that is not JSON as null', async () => {
    expect(await ollamaApiClient('http://127.0.0.1:9').tags()).toBeNull();
    const url = await serve((request, response) => {
      if (request.url === '/api/show') {
        response.statusCode = 404;
        response.end('{"error":"model not found"}');
      } else response.end('<html>not ollama</html>');
    });
    expect(await ollamaApiClient(url).show('missing')).toBeNull();
    expect(await ollamaApiClient(url).tags()).toBeNull();
  });
});
