import { HEALTH_WORDS } from '@headroom/core';

/** A health state: the light's colour. */
export type LightState = 'green' | 'amber' | 'red' | 'grey';

/** A health light as a shape, a colour and a word (never colour alone): disc, triangle, diamond, ring. */
export function HealthLight({ state, word }: { readonly state: LightState; readonly word?: string }) {
  return (
    <span className={`light light--${state}`} data-light={state}>
      <span className="light__shape" aria-hidden="true" />
      <span className="light__word">{word ?? HEALTH_WORDS[state]}</span>
    </span>
  );
}
