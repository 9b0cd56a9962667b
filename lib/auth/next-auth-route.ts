import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { authOptions } from "./next-auth";
import { parseCookies } from "./session-cookie";

/** The parts of a Node response next-auth's handler writes, collected into a Web Response. */
class CollectedResponse {
  private statusCode = 200;
  private readonly headers = new Headers();
  private body: string | null = null;

  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  setHeader(name: string, value: string | number | readonly string[]): this {
    this.headers.delete(name);
    for (const item of Array.isArray(value) ? value : [String(value)]) this.headers.append(name, item);
    return this;
  }

  getHeader(name: string): string | string[] | undefined {
    if (name.toLowerCase() === "set-cookie") return this.headers.getSetCookie();
    return this.headers.get(name) ?? undefined;
  }

  json(body: unknown): void {
    this.headers.set("content-type", "application/json");
    this.body = JSON.stringify(body);
  }

  send(body: unknown): void {
    if (typeof body === "string" || body === undefined || body === null) this.body = body ?? null;
    else this.json(body);
  }

  end(): void {}

  toResponse(): Response {
    const bodyless = this.statusCode === 204 || this.statusCode === 304;
    return new Response(bodyless ? null : this.body, { status: this.statusCode, headers: this.headers });
  }
}

/** next-auth's browser client posts forms; a JSON body is read too. Other bodies are ignored. */
async function readBody(request: Request): Promise<Record<string, string> | undefined> {
  if (request.method !== "POST") return undefined;
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(await request.text()));
    if (type.includes("application/json")) {
      const body: unknown = await request.json();
      if (body && typeof body === "object" && !Array.isArray(body)) return body as Record<string, string>;
    }
  } catch {
    // A malformed body is no body; next-auth answers that itself.
  }
  return undefined;
}

/**
 * `/api/auth/*`: next-auth's handler, fed from the Web Request itself instead of
 * `next/headers`, so it reads the request's cookies through `parseCookies` (a malformed
 * cookie is no cookie) and runs the same under tests. Its public URL is pinned in
 * `authOptions` (never the Host header).
 */
export async function nextAuthResponse(request: Request, segments: string[]): Promise<Response> {
  const url = new URL(request.url);
  const req = {
    method: request.method,
    query: { ...Object.fromEntries(url.searchParams), nextauth: segments },
    headers: Object.fromEntries(request.headers),
    cookies: parseCookies(request.headers.get("cookie")),
    body: await readBody(request),
  };
  const res = new CollectedResponse();
  await NextAuth(req as unknown as NextApiRequest, res as unknown as NextApiResponse, authOptions());
  return res.toResponse();
}
