import {
  invokeChannels,
  isInvokeChannel,
  isPushChannel,
  pushChannels,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
  type PushChannel,
  type PushPayload,
} from './channels';
import { envelopeSchema, HeadroomError } from './errors';

/**
 * How messages travel: Electron IPC in the preload, HTTP + server-sent events for the browser demo, or the service
 * router itself in tests. A transport moves plain JSON and knows nothing of the channels' types.
 */
export interface Transport {
  /** Send a request; resolves with the service's envelope (`{ ok, value | error }`). */
  invoke(channel: string, request: unknown): Promise<unknown>;
  /** Listen to a push channel; returns the function that stops listening. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/** Request arguments: none for channels that take no request. */
export type RequestArgs<C extends InvokeChannel> =
  undefined extends InvokeRequest<C> ? [request?: InvokeRequest<C>] : [request: InvokeRequest<C>];

/** The typed API every UI uses to talk to the service. */
export interface HeadroomBridge {
  /** Call the service; rejects with a {@link HeadroomError} carrying the service's code and message. */
  invoke<C extends InvokeChannel>(channel: C, ...args: RequestArgs<C>): Promise<InvokeResponse<C>>;
  /** Listen to a push channel; payloads that fail the schema are reported, never delivered. */
  on<C extends PushChannel>(channel: C, listener: (payload: PushPayload<C>) => void): () => void;
}

/** Options for {@link createBridge}. */
export interface BridgeOptions {
  /** Told about push payloads that fail their schema (they are dropped). */
  readonly onInvalidPush?: (channel: PushChannel, issue: string) => void;
}

/**
 * Build the typed bridge over a transport. Requests are checked before they leave, responses and pushes when they
 * arrive, so a UI only ever sees values its types describe.
 */
export function createBridge(transport: Transport, options: BridgeOptions = {}): HeadroomBridge {
  return {
    async invoke(channel, ...args) {
      if (!isInvokeChannel(channel)) {
        throw new HeadroomError({
          code: 'unknown-channel',
          message: `There is no channel named "${String(channel)}".`,
        });
      }
      const spec = invokeChannels[channel];
      const request = spec.request.safeParse(args[0]);
      if (!request.success) {
        throw new HeadroomError({
          code: 'invalid-request',
          message: `Bad request for ${channel}: ${request.error.message}`,
        });
      }
      let raw: unknown;
      try {
        raw = await transport.invoke(channel, request.data);
      } catch (error) {
        throw new HeadroomError({
          code: 'transport',
          message: `Could not reach the Headroom service: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
      const envelope = envelopeSchema.safeParse(raw);
      if (!envelope.success) {
        throw new HeadroomError({
          code: 'invalid-response',
          message: `The answer to ${channel} was not an envelope.`,
        });
      }
      if (!envelope.data.ok) throw new HeadroomError(envelope.data.error);
      const response = spec.response.safeParse(envelope.data.value);
      if (!response.success) {
        throw new HeadroomError({
          code: 'invalid-response',
          message: `The answer to ${channel} did not match the contract: ${response.error.message}`,
        });
      }
      return response.data as InvokeResponse<typeof channel>;
    },

    on(channel, listener) {
      if (!isPushChannel(channel)) {
        throw new HeadroomError({
          code: 'unknown-channel',
          message: `There is no push channel named "${String(channel)}".`,
        });
      }
      const schema = pushChannels[channel];
      return transport.subscribe(channel, (payload) => {
        const parsed = schema.safeParse(payload);
        if (parsed.success) listener(parsed.data as PushPayload<typeof channel>);
        else options.onInvalidPush?.(channel, parsed.error.message);
      });
    },
  };
}
