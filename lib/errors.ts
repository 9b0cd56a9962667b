/** Errors that carry their HTTP meaning; adapters turn them into `{"detail": ...}` responses. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: unknown,
    readonly headers: Record<string, string> = {},
    /** Extra top-level fields of the error body, beside `detail`. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(typeof detail === "string" ? detail : `HTTP ${status}`);
  }
}

export interface FieldError {
  loc: Array<string | number>;
  msg: string;
  type: string;
}

export class ValidationError extends HttpError {
  constructor(readonly fields: FieldError[]) {
    super(422, fields);
  }
}

export class UnauthorizedError extends HttpError {
  constructor(detail = "Invalid token.") {
    super(401, detail, { "WWW-Authenticate": "Bearer" });
  }
}

export class ForbiddenError extends HttpError {
  constructor(detail = "Insufficient permissions.") {
    super(403, detail);
  }
}

export class NotFoundError extends HttpError {
  constructor(detail = "Not found.") {
    super(404, detail);
  }
}

export class ConflictError extends HttpError {
  constructor(detail: unknown, extra: Record<string, unknown> = {}) {
    super(409, detail, {}, extra);
  }
}

export class TooManyRequestsError extends HttpError {
  constructor(detail: string, retryAfterSeconds: number) {
    super(429, detail, { "Retry-After": String(Math.max(1, Math.ceil(retryAfterSeconds))) });
  }
}

/** The server cannot take the work now (e.g. the password-hashing queue is full); nothing was changed. */
export class ServiceUnavailableError extends HttpError {
  constructor(detail: string, retryAfterSeconds: number) {
    super(503, detail, { "Retry-After": String(Math.max(1, Math.ceil(retryAfterSeconds))) });
  }
}

export const MESSAGES = {
  invalidToken: "Invalid token.",
  revokedToken: "Token has been revoked.",
  insufficientPermissions: "Insufficient permissions.",
  notAuthenticated: "Not authenticated.",
  refreshTokenMissing: "Refresh token missing",
  badCredentials: "Incorrect username or password.",
  tooManyAttempts: "Too many failed login attempts. Try again later.",
  tooManyRegistrations: "Too many sign-ups from this address. Try again later.",
  tooManyPasswordChanges: "Too many wrong current passwords. Try again later.",
  passwordHashingBusy: "The server is busy checking passwords. Try again shortly.",
} as const;
