import { randomUUID } from "node:crypto";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { env } from "../env";
import { PUBLIC_ID_PATTERN } from "../identity/roles";

export type TokenType = "access" | "refresh";

/** Exactly the spec's claims. */
export interface TokenClaims {
  sub: string;
  role: number;
  jti: string;
  type: TokenType;
  iat: number;
  exp: number;
}

const claimsSchema = z.object({
  sub: z.string().regex(PUBLIC_ID_PATTERN),
  role: z.number().int().positive(),
  jti: z.uuid(),
  type: z.enum(["access", "refresh"]),
  iat: z.number().int(),
  exp: z.number().int(),
});

const importedKeys = new Map<string, Promise<CryptoKey>>();

/**
 * The HMAC key of a token type, imported once per secret: jose imports a raw `Uint8Array` secret again on every
 * call, which cost more than the signature itself on every bearer request.
 */
function keyFor(type: TokenType): Promise<CryptoKey> {
  const secrets = env().secrets;
  const secret = type === "access" ? secrets.accessToken : secrets.refreshToken;
  let key = importedKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    importedKeys.set(secret, key);
  }
  return key;
}

function lifetimeSeconds(type: TokenType): number {
  const config = env();
  return type === "access" ? config.ACCESS_TOKEN_EXPIRE_MINUTES * 60 : config.REFRESH_TOKEN_EXPIRE_DAYS * 86_400;
}

export interface IssuedToken {
  token: string;
  claims: TokenClaims;
  expiresAt: Date;
}

export async function issueToken(type: TokenType, userId: string, roleId: number, jti = randomUUID()): Promise<IssuedToken> {
  const iat = Math.floor(Date.now() / 1000);
  const claims: TokenClaims = { sub: userId, role: roleId, jti, type, iat, exp: iat + lifetimeSeconds(type) };
  const token = await new SignJWT({ ...claims }).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(await keyFor(type));
  return { token, claims, expiresAt: new Date(claims.exp * 1000) };
}

export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(`invalid token: ${reason}`);
  }
}

/**
 * Verifies signature (HS256 only, with the key of the expected type), expiry,
 * the claim set and the `type` claim. Any failure is an InvalidTokenError.
 */
export async function verifyToken(token: string, expectedType: TokenType): Promise<TokenClaims> {
  try {
    const { payload } = await jwtVerify(token, await keyFor(expectedType), {
      algorithms: ["HS256"],
      requiredClaims: ["sub", "role", "jti", "type", "iat", "exp"],
    });
    const claims = claimsSchema.parse(payload);
    if (claims.type !== expectedType) throw new InvalidTokenError(`expected a ${expectedType} token`);
    return claims;
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    if (error instanceof joseErrors.JOSEError) throw new InvalidTokenError(error.code);
    if (error instanceof z.ZodError) throw new InvalidTokenError("claims");
    throw new InvalidTokenError("malformed");
  }
}
