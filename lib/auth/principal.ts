import type { RoleName } from "../identity/roles";
import type { Scope } from "../rbac/scopes";

/** Who is acting, however they signed in (bearer token or browser session). */
export interface Principal {
  userId: string;
  roleId: number;
  role: RoleName;
  name: string;
  scopes: ReadonlySet<Scope>;
  via: "bearer" | "session";
  /** Access-token id and expiry, for logout; absent for browser sessions. */
  tokenId?: string;
  tokenExpiresAt?: Date;
  /** Browser session id (the session JWT's `sid`), for logout; absent for bearer tokens. */
  sessionId?: string;
  clientIp?: string;
}
