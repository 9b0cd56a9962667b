import { pusher } from "./publisher";
import { componentLogger } from "../observability/logger";

const log = componentLogger("realtime");

/** A logout or password change waits at most this long for the channel server. */
const TERMINATE_TIMEOUT_MS = 2_000;

/**
 * Closes every live socket of the user (Pusher's `terminate_connections`): called when
 * their access changes — sign-out, password change, account deletion. Clients that may
 * still listen reconnect and have each channel authorized again. Never fails the caller:
 * an unreachable channel server is logged (see the README's residual risks).
 */
export async function endLiveAccess(userId: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TERMINATE_TIMEOUT_MS} ms`)), TERMINATE_TIMEOUT_MS);
  });
  try {
    await Promise.race([pusher().terminateUserConnections(userId), timeout]);
  } catch (error) {
    log.error({ err: error, subjectUserId: userId }, "could not close the live connections");
  } finally {
    clearTimeout(timer);
  }
}
