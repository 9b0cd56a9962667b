import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export function hmacSha256Hex(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload, "utf8").digest("hex");
}

export function md5Hex(body: string | Buffer): string {
  return createHash("md5").update(body).digest("hex");
}

/** Constant-time string comparison (length still leaks, which is public anyway for hex digests). */
export function safeEqual(given: string, expected: string): boolean {
  const givenBytes = Buffer.from(given, "utf8");
  const expectedBytes = Buffer.from(expected, "utf8");
  return givenBytes.length === expectedBytes.length && timingSafeEqual(givenBytes, expectedBytes);
}

export interface AppCredentials {
  key: string;
  secret: string;
}

/**
 * Checks the `auth` of a private or presence subscription:
 * `key:hex(hmac_sha256(secret, "socket_id:channel_name[:channel_data]"))`.
 */
export function isValidChannelAuthorization(
  credentials: AppCredentials,
  socketId: string,
  channel: string,
  auth: string,
  channelData?: string,
): boolean {
  const separator = auth.indexOf(":");
  if (separator < 0) return false;
  const key = auth.slice(0, separator);
  const signature = auth.slice(separator + 1);
  if (!safeEqual(key, credentials.key)) return false;
  const signed = channelData === undefined ? `${socketId}:${channel}` : `${socketId}:${channel}:${channelData}`;
  return safeEqual(signature, hmacSha256Hex(credentials.secret, signed));
}

/** Checks a `pusher:signin` (user authentication): `key:hex(hmac_sha256(secret, "socket_id::user::user_data"))`. */
export function isValidUserAuthentication(credentials: AppCredentials, socketId: string, auth: string, userData: string): boolean {
  const separator = auth.indexOf(":");
  if (separator < 0) return false;
  if (!safeEqual(auth.slice(0, separator), credentials.key)) return false;
  return safeEqual(auth.slice(separator + 1), hmacSha256Hex(credentials.secret, `${socketId}::user::${userData}`));
}

export const MAX_TIMESTAMP_SKEW_SECONDS = 600;

export interface SignedRequest {
  method: string;
  /** The path exactly as requested, without the query string. */
  path: string;
  query: URLSearchParams;
  body: Buffer;
}

export type RequestVerification = { ok: true } | { ok: false; reason: string };

/** The string an HTTP API request signs: `METHOD\nPATH\nsorted key=value pairs` without `auth_signature`. */
export function stringToSign(method: string, path: string, params: Iterable<[string, string]>): string {
  const pairs = [...params]
    .map(([key, value]) => [key.toLowerCase(), value] as const)
    .filter(([key]) => key !== "auth_signature")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`);
  return `${method.toUpperCase()}\n${path}\n${pairs.join("&")}`;
}

/** Verifies an HTTP API request's `auth_*` query parameters and `body_md5` (auth_version 1.0). */
export function verifySignedRequest(
  credentials: AppCredentials,
  request: SignedRequest,
  nowSeconds = Math.floor(Date.now() / 1000),
): RequestVerification {
  const param = (name: string) => request.query.get(name);
  const authKey = param("auth_key");
  const authTimestamp = param("auth_timestamp");
  const authVersion = param("auth_version");
  const authSignature = param("auth_signature");
  if (!authKey || !authTimestamp || !authVersion || !authSignature) {
    return { ok: false, reason: "Missing auth_key, auth_timestamp, auth_version or auth_signature" };
  }
  if (authVersion !== "1.0") return { ok: false, reason: `Unsupported auth_version ${authVersion}` };
  if (!safeEqual(authKey, credentials.key)) return { ok: false, reason: "Unknown auth_key" };
  const timestamp = Number(authTimestamp);
  if (!/^\d+$/.test(authTimestamp) || Math.abs(nowSeconds - timestamp) > MAX_TIMESTAMP_SKEW_SECONDS) {
    return {
      ok: false,
      reason: `Timestamp expired: given timestamp ${authTimestamp} is not within ${MAX_TIMESTAMP_SKEW_SECONDS}s of server time ${nowSeconds}`,
    };
  }
  const bodyMd5 = param("body_md5");
  if (request.body.length > 0 || bodyMd5 !== null) {
    if (bodyMd5 === null) return { ok: false, reason: "Missing body_md5 for a request with a body" };
    if (!safeEqual(bodyMd5, md5Hex(request.body))) return { ok: false, reason: "body_md5 does not match the body" };
  }
  const signed = stringToSign(request.method, request.path, request.query.entries());
  if (!safeEqual(authSignature, hmacSha256Hex(credentials.secret, signed))) {
    return { ok: false, reason: `Invalid signature: expected the hex HMAC-SHA256 of ${JSON.stringify(signed)} with the app secret` };
  }
  return { ok: true };
}
