/**
 * The one place backups and notifications write "to the log". It becomes the structured
 * logger (lib/logging.ts) when that lands; until then one JSON line on stdout.
 */
export function writeLog(message: string, fields: Record<string, unknown> = {}): void {
  console.info(JSON.stringify({ level: "info", time: new Date().toISOString(), msg: message, ...fields }));
}
