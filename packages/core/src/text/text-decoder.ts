/** The part of the WHATWG TextDecoder that core uses. */
interface TextDecoderLike {
  decode(input?: Uint8Array): string;
}

type TextDecoderConstructor = new (label?: string, options?: { fatal?: boolean }) => TextDecoderLike;

/**
 * Node and Chromium both provide TextDecoder as a global. Core reaches it through globalThis instead of the DOM or
 * Node type libraries, which would let I/O APIs creep into pure code unnoticed.
 */
export function createTextDecoder(label: string, options: { fatal?: boolean } = {}): TextDecoderLike {
  const { TextDecoder } = globalThis as unknown as { TextDecoder: TextDecoderConstructor };
  return new TextDecoder(label, options);
}
