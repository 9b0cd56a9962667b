import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

type RouteHandler = (request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>;

export interface RouteServer {
  url: string;
  close: () => Promise<void>;
}

async function bodyOf(message: IncomingMessage): Promise<Buffer | undefined> {
  if (message.method === "GET" || message.method === "HEAD") return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A real HTTP server in front of route handlers (method → handler), streaming their
 * responses, as `next start` does: for clients that need a socket (EventSource). The
 * request's signal aborts when the client goes away.
 */
export async function serveRoutes(handlers: Record<string, RouteHandler>): Promise<RouteServer> {
  const server: Server = createServer((message, response) => {
    void (async () => {
      const handler = handlers[message.method ?? "GET"];
      if (!handler) {
        response.writeHead(405).end();
        return;
      }
      const disconnected = new AbortController();
      response.on("close", () => disconnected.abort());
      const headers = new Headers();
      for (const [name, value] of Object.entries(message.headers)) if (typeof value === "string") headers.set(name, value);
      const body = await bodyOf(message);
      const request = new Request(`http://localhost${message.url ?? "/"}`, { method: message.method, headers, body: body ? new Uint8Array(body) : undefined, signal: disconnected.signal });
      const answer = await handler(request, { params: Promise.resolve({}) });
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      if (answer.body) Readable.fromWeb(answer.body as NodeReadableStream).pipe(response);
      else response.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
