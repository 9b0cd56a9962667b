import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { buildLimiter, giveBackAttempt, takeAttempt } from "../auth/attempt-limits";
import { env } from "../env";

interface AccountLimiters {
  registrationsByAddress: RateLimiterAbstract;
  passwordChangeFailuresByAccount: RateLimiterAbstract;
}

const globalForLimits = globalThis as typeof globalThis & { wheelhouseAccountLimits?: AccountLimiters };

function limiters(): AccountLimiters {
  if (!globalForLimits.wheelhouseAccountLimits) {
    const config = env();
    globalForLimits.wheelhouseAccountLimits = {
      registrationsByAddress: buildLimiter(
        "wheelhouse:registrations:address",
        config.REGISTRATION_MAX_PER_ADDRESS,
        config.REGISTRATION_ADDRESS_WINDOW_MINUTES,
      ),
      passwordChangeFailuresByAccount: buildLimiter(
        "wheelhouse:password-change-failures:account",
        config.PASSWORD_CHANGE_MAX_FAILURES,
        config.PASSWORD_CHANGE_WINDOW_MINUTES,
      ),
    };
  }
  return globalForLimits.wheelhouseAccountLimits;
}

/** Takes one sign-up from the address's budget; seconds to wait when it is spent, else 0. */
export function beginRegistration(address: string): Promise<number> {
  return takeAttempt([[limiters().registrationsByAddress, address]]);
}

/** A sign-up refused before any work (full hashing queue) does not count. */
export function registrationNotMade(address: string): Promise<void> {
  return giveBackAttempt([[limiters().registrationsByAddress, address]]);
}

/** Takes one attempt before the current password is checked; seconds to wait when the account is locked, else 0. */
export function beginPasswordChange(accountKey: string): Promise<number> {
  return takeAttempt([[limiters().passwordChangeFailuresByAccount, accountKey]]);
}

/** The current password was never checked (full hashing queue): the attempt is given back. */
export function passwordChangeNotMade(accountKey: string): Promise<void> {
  return giveBackAttempt([[limiters().passwordChangeFailuresByAccount, accountKey]]);
}

/** The right current password: earlier wrong guesses are forgotten. */
export async function passwordChangeVerified(accountKey: string): Promise<void> {
  await limiters().passwordChangeFailuresByAccount.delete(accountKey);
}
