import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "../env";
import { HttpError, ServiceUnavailableError, TooManyRequestsError } from "../errors";
import { roleNameById } from "../identity/roles";
import { sessionTokenPrincipal } from "./authenticate";
import { clientAddress } from "./client-address";
import { verifyCredentials } from "./credentials";
import { signOutBrowserSession } from "./sign-out";
import { componentLogger } from "../observability/logger";

const log = componentLogger("next-auth");

declare module "next-auth" {
  interface User {
    roleId: number;
  }
  interface Session {
    user: { id: string; name: string; role: string; roleId: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    roleId?: number;
    /** When the user typed their password, in milliseconds (like credentialsChangedAt); sessions older than a password change are refused. */
    authTime?: number;
    /** This browser session's id (a UUID): logout revokes it (lib/auth/sign-out.ts). */
    sid?: string;
  }
}

/**
 * next-auth 4 builds its links and redirects from `NEXTAUTH_URL`, and without it (or with
 * `AUTH_TRUST_HOST`) from the request's `Host` / `X-Forwarded-Host`, which anyone can set.
 * It reads only the environment, so the configured public origin is put there.
 */
function pinPublicUrl(publicOrigin: string): void {
  process.env.NEXTAUTH_URL = publicOrigin;
}

/** Thrown by the jwt callback for a session that has ended: next-auth then clears the cookie. */
class SessionEndedError extends Error {
  constructor() {
    super("Session ended.");
  }
}

/**
 * The browser door: next-auth's credentials provider over the same users,
 * password check and login rate limits as `POST /api/v1/auth/login`.
 * Server code resolves the session cookie to a Principal in lib/auth/authenticate.ts.
 */
export function authOptions(): NextAuthOptions {
  const config = env();
  pinPublicUrl(config.PUBLIC_ORIGIN);
  return {
    secret: config.secrets.nextAuth,
    session: { strategy: "jwt", maxAge: config.REFRESH_TOKEN_EXPIRE_DAYS * 86_400 },
    useSecureCookies: config.COOKIE_SECURE,
    pages: { signIn: "/login" },
    logger: {
      // A signed-out cookie presented again is expected, not an error worth a stack trace.
      error(code, metadata) {
        if (metadata instanceof SessionEndedError) return;
        log.error({ code, err: metadata }, "next-auth error");
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sub) await signOutBrowserSession(token.sub, typeof token.sid === "string" ? token.sid : undefined);
      },
    },
    providers: [
      CredentialsProvider({
        name: "Wheelhouse",
        credentials: {
          username: { label: "Phone or email", type: "text" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, request) {
          if (!credentials?.username || !credentials.password) return null;
          const headers = new Headers();
          const forwarded = request?.headers?.["x-forwarded-for"];
          if (typeof forwarded === "string") headers.set("x-forwarded-for", forwarded);
          try {
            const user = await verifyCredentials(credentials.username, credentials.password, clientAddress(headers));
            return { id: user.id, name: user.name, roleId: user.roleId };
          } catch (error) {
            // next-auth shows a thrown error's message on the sign-in page; a null is "wrong credentials".
            if (error instanceof TooManyRequestsError || error instanceof ServiceUnavailableError) {
              throw new Error(String(error.detail));
            }
            if (error instanceof HttpError) return null;
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.roleId = user.roleId;
          token.authTime = Date.now();
          token.sid = randomUUID();
          return token;
        }
        // Renewing the cookie (GET /api/auth/session): a signed-out session is not renewed.
        if (!(await sessionTokenPrincipal(token))) throw new SessionEndedError();
        return token;
      },
      session({ session, token }) {
        const roleId = token.roleId ?? 0;
        session.user = { id: token.sub ?? "", name: token.name ?? "", role: roleNameById(roleId) ?? "", roleId };
        return session;
      },
    },
  };
}
