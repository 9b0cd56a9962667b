import { ConfigError } from "../config-error";
import { componentLogger } from "../observability/logger";

/**
 * The long-running processes' (worker, channel server) own start and stop: `main` runs;
 * the first SIGINT/SIGTERM runs `stop` (announced as `stopping`) and exits 0 when it
 * settles (1 when it fails); a second signal exits at once. A failed start prints the
 * reason (a configuration error as the readable message it is) and exits 1.
 */
export function runProcess(name: string, main: () => Promise<{ stopping: string; stop: () => Promise<void> }>): void {
  const log = componentLogger(name);
  main().then(
    ({ stopping, stop }) => {
      let stopRequested = false;
      const onSignal = (signal: NodeJS.Signals) => {
        if (stopRequested) {
          log.warn(`${signal} again: exiting without waiting`);
          process.exit(1);
        }
        stopRequested = true;
        log.info(`${signal} received: ${stopping}`);
        stop().then(
          () => process.exit(0),
          (error: unknown) => {
            log.error({ err: error }, "stopping failed");
            process.exit(1);
          },
        );
      };
      process.on("SIGINT", onSignal);
      process.on("SIGTERM", onSignal);
    },
    (error: unknown) => {
      if (error instanceof ConfigError) process.stderr.write(`\n${error.message}\n\n`);
      else process.stderr.write(`\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n\n`);
      process.exit(1);
    },
  );
}
