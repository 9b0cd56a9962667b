/** A configuration problem that stops the app from starting; its message says how to fix it. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
