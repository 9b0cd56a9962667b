/**
 * Test clients for the channel server: the official `pusher-js` client and `pusher` server SDK,
 * a raw WebSocket for protocol edge cases, and HTTP API requests signed by hand.
 */
import { createHash, createHmac } from "node:crypto";
import PusherServerSdk from "pusher";
import Pusher, { type Channel } from "pusher-js";
import { WebSocket } from "ws";

export interface TestApp {
  appId: string;
  key: string;
  secret: string;
}

export function serverSdk(app: TestApp, port: number): PusherServerSdk {
  return new PusherServerSdk({ appId: app.appId, key: app.key, secret: app.secret, host: "127.0.0.1", port: String(port), useTLS: false });
}

export interface ClientIdentity {
  userId: string;
  userInfo?: Record<string, unknown>;
}

/**
 * A pusher-js client whose channel authorizer signs locally with the server SDK, the way
 * the app's `/api/realtime/auth` route does. `signingSecret` lets a test sign with a wrong secret.
 * With an identity, `client.signin()` signs the socket in as that user (as `/api/realtime/user-auth` does).
 */
export function connectClient(app: TestApp, port: number, identity?: ClientIdentity, signingSecret = app.secret): Pusher {
  const signer = serverSdk({ ...app, secret: signingSecret }, port);
  return new Pusher(app.key, {
    cluster: "mt1",
    wsHost: "127.0.0.1",
    wsPort: port,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) => {
        const presenceData =
          channelName.startsWith("presence-") && identity ? { user_id: identity.userId, user_info: identity.userInfo ?? {} } : undefined;
        callback(null, signer.authorizeChannel(socketId, channelName, presenceData));
      },
    },
    userAuthentication: {
      customHandler: ({ socketId }, callback) => {
        if (!identity) callback(new Error("this test client has no identity to sign in with"), null);
        else callback(null, signer.authenticateUser(socketId, { id: identity.userId }));
      },
    },
  });
}

export function withTimeout<T>(promise: Promise<T>, what: string, timeoutMs = 5_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Resolves with the socket id once connected. */
export function connected(client: Pusher): Promise<string> {
  if (client.connection.state === "connected") return Promise.resolve(client.connection.socket_id);
  return withTimeout(
    new Promise<string>((resolve) => client.connection.bind("connected", () => resolve(client.connection.socket_id))),
    "the connection",
  );
}

/** Subscribes and resolves with the subscription_succeeded data; rejects on pusher:subscription_error. */
export function subscribed(client: Pusher, channelName: string): Promise<{ channel: Channel; data: unknown }> {
  const channel = client.subscribe(channelName);
  return withTimeout(
    new Promise((resolve, reject) => {
      channel.bind("pusher:subscription_succeeded", (data: unknown) => resolve({ channel, data }));
      channel.bind("pusher:subscription_error", (error: unknown) => reject(new Error(`subscription_error ${JSON.stringify(error)}`)));
    }),
    `subscription to ${channelName}`,
  );
}

/** The pusher:subscription_error payload of a refused subscription. */
export function subscriptionRefused(client: Pusher, channelName: string): Promise<unknown> {
  const channel = client.subscribe(channelName);
  return withTimeout(
    new Promise((resolve, reject) => {
      channel.bind("pusher:subscription_error", (error: unknown) => resolve(error));
      channel.bind("pusher:subscription_succeeded", () => reject(new Error(`${channelName} was accepted`)));
    }),
    `refusal of ${channelName}`,
  );
}

export function nextEvent<T = unknown>(channel: Channel, eventName: string, timeoutMs = 5_000): Promise<T> {
  return withTimeout(
    new Promise<T>((resolve) => {
      const handler = (data: T) => {
        channel.unbind(eventName, handler);
        resolve(data);
      };
      channel.bind(eventName, handler);
    }),
    `${eventName} on ${channel.name}`,
    timeoutMs,
  );
}

/** Collects every occurrence of an event, to assert later that something did *not* arrive. */
export function recordEvents(channel: Channel, eventName: string): unknown[] {
  const received: unknown[] = [];
  channel.bind(eventName, (data: unknown) => received.push(data));
  return received;
}

/** The next pusher:error the connection reports. */
export function nextConnectionError(client: Pusher): Promise<{ type?: string; data?: { code: number | null; message: string } }> {
  return withTimeout(
    new Promise((resolve) => {
      const handler = (error: { type?: string; data?: { code: number | null; message: string } }) => {
        client.connection.unbind("error", handler);
        resolve(error);
      };
      client.connection.bind("error", handler);
    }),
    "a connection error",
  );
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RawMessage {
  event: string;
  channel?: string;
  data?: unknown;
}

/** A bare WebSocket speaking the protocol by hand. */
export class RawSocket {
  readonly messages: RawMessage[] = [];
  private readonly waiters: Array<() => void> = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly socket: WebSocket;

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.on("message", (raw) => {
      this.messages.push(JSON.parse(String(raw)) as RawMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.socket.on("error", () => undefined);
    this.closed = new Promise((resolve) =>
      this.socket.on("close", (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const wake of this.waiters.splice(0)) wake();
      }),
    );
  }

  static open(port: number, path: string): RawSocket {
    return new RawSocket(`ws://127.0.0.1:${port}${path}`);
  }

  send(message: unknown): void {
    this.socket.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  /** The first message (received so far or later) matching the predicate. */
  waitFor(predicate: (message: RawMessage) => boolean, what: string, timeoutMs = 5_000): Promise<RawMessage> {
    const search = async (): Promise<RawMessage> => {
      for (;;) {
        const found = this.messages.find(predicate);
        if (found) return found;
        if (this.socket.readyState === WebSocket.CLOSED) throw new Error(`socket closed before ${what}`);
        await new Promise<void>((resolve) => this.waiters.push(resolve));
      }
    };
    return withTimeout(search(), what, timeoutMs);
  }

  async socketId(): Promise<string> {
    const established = await this.waitFor((message) => message.event === "pusher:connection_established", "connection_established");
    return (JSON.parse(established.data as string) as { socket_id: string }).socket_id;
  }

  close(): void {
    this.socket.terminate();
  }
}

export interface SignedRequestOptions {
  method: "GET" | "POST";
  path: string;
  params?: Record<string, string>;
  body?: unknown;
  /** Signs with this auth_timestamp instead of now. */
  timestamp?: number;
  /** Signs with this secret instead of the app's. */
  secret?: string;
  /** Flips the first hex digit of a correct signature. */
  tamperSignature?: boolean;
}

/** An HTTP API request signed by hand (auth_version 1.0), independent of both SDKs and of the server's code. */
export async function signedFetch(app: TestApp, port: number, options: SignedRequestOptions): Promise<{ status: number; body: unknown }> {
  const bodyText = options.body === undefined ? "" : typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  const params: Record<string, string> = {
    ...options.params,
    auth_key: app.key,
    auth_timestamp: String(options.timestamp ?? Math.floor(Date.now() / 1000)),
    auth_version: "1.0",
  };
  if (bodyText) params.body_md5 = createHash("md5").update(bodyText).digest("hex");
  const query = Object.keys(params)
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join("&");
  let signature = createHmac("sha256", options.secret ?? app.secret)
    .update(`${options.method}\n${options.path}\n${query}`)
    .digest("hex");
  if (options.tamperSignature) signature = signature.replace(/^./, (first) => (first === "0" ? "1" : "0"));
  const response = await fetch(`http://127.0.0.1:${port}${options.path}?${query}&auth_signature=${signature}`, {
    method: options.method,
    headers: bodyText ? { "content-type": "application/json" } : {},
    body: bodyText || undefined,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    body = text;
  }
  return { status: response.status, body };
}
