/**
 * The Content Security Policy the renderer runs under, in Electron (meta tag and protocol header) and in the demo
 * (response header): only its own scripts, styles and connections, no eval, no plugins, no forms, no base URL.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
