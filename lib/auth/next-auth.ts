import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "../env";
import { HttpError, ServiceUnavailableError, TooManyRequestsError } from "../errors";
import { roleNameById } from "../identity/roles";
import { endLiveAccess } from "../realtime/revocation";
import { clientAddress } from "./client-address";
import { verifyCredentials } from "./credentials";

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
  }
}

/**
 * The browser door: next-auth's credentials provider over the same users,
 * password check and login rate limits as `POST /api/v1/auth/login`.
 * Server code resolves the session cookie to a Principal in lib/auth/authenticate.ts.
 */
export function authOptions(): NextAuthOptions {
  const config = env();
  return {
    secret: config.secrets.nextAuth,
    session: { strategy: "jwt", maxAge: config.REFRESH_TOKEN_EXPIRE_DAYS * 86_400 },
    useSecureCookies: config.COOKIE_SECURE,
    pages: { signIn: "/login" },
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
    events: { signOut: async ({ token }) => (token?.sub ? endLiveAccess(token.sub) : undefined) },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.roleId = user.roleId;
          token.authTime = Date.now();
        }
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
