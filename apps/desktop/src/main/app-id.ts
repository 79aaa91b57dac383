/**
 * The app's id: electron-builder's `appId`, and the AppUserModelID Windows files toast notifications under. They must
 * be equal, or Windows shows no notification from the installed app (a test reads electron-builder.yml to check).
 */
export const APP_ID = 'dev.headroom.app';
