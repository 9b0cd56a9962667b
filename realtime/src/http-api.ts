import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { ChannelEvent, Cluster } from "./cluster";
import { channelKind, isReservedEventName, isValidChannelName, MAX_EVENT_NAME_LENGTH, SOCKET_ID_PATTERN } from "./protocol";
import { verifySignedRequest, type AppCredentials } from "./signatures";

export const MAX_CHANNELS_PER_EVENT = 100;
export const MAX_BATCH_EVENTS = 10;
const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

export interface HttpApiDependencies {
  appId: string;
  credentials: AppCredentials;
  maxEventDataBytes: number;
  cluster: Cluster;
  /** Delivers to this instance's sockets and to the other instances. */
  publish(event: ChannelEvent): Promise<void>;
  /** Closes the user's sockets on every instance. */
  terminateUserConnections(userId: string): Promise<void>;
  health(): Promise<{ healthy: boolean; details: Record<string, unknown> }>;
  /** Open sockets on every instance sharing the cluster (for the app's metrics). */
  connectionCount(): Promise<number>;
  log(message: string): void;
}

function safelyDecodedComponent(component: string): string | undefined {
  try {
    return decodeURIComponent(component);
  } catch {
    return undefined;
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const eventNameSchema = z
  .string()
  .min(1)
  .max(MAX_EVENT_NAME_LENGTH)
  .refine((name) => !isReservedEventName(name), "pusher: and pusher_internal: event names are reserved");
const socketIdSchema = z.string().regex(SOCKET_ID_PATTERN, "socket_id must look like 123.456");
const channelNameSchema = z.string().refine(isValidChannelName, "invalid channel name");

const triggerSchema = z
  .object({
    name: eventNameSchema,
    data: z.string(),
    channels: z.array(channelNameSchema).min(1).max(MAX_CHANNELS_PER_EVENT).optional(),
    channel: channelNameSchema.optional(),
    socket_id: socketIdSchema.optional(),
    info: z.string().optional(),
  })
  .refine((event) => (event.channels === undefined) !== (event.channel === undefined), "give either channels or channel");

const batchSchema = z.object({
  batch: z
    .array(
      z.object({
        name: eventNameSchema,
        data: z.string(),
        channel: channelNameSchema,
        socket_id: socketIdSchema.optional(),
        info: z.string().optional(),
      }),
    )
    .max(MAX_BATCH_EVENTS, `at most ${MAX_BATCH_EVENTS} events per batch`),
});

type ChannelAttribute = "subscription_count" | "user_count";

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ");
}

function parseAttributes(info: string | null | undefined, allowed: readonly ChannelAttribute[]): Set<ChannelAttribute> {
  const attributes = new Set<ChannelAttribute>();
  for (const attribute of (info ?? "").split(",").map((part) => part.trim()).filter(Boolean)) {
    if (!(allowed as readonly string[]).includes(attribute)) {
      throw new HttpError(400, `Unsupported info attribute ${attribute}; supported: ${allowed.join(", ")}`);
    }
    attributes.add(attribute as ChannelAttribute);
  }
  return attributes;
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on("end", () =>
      tooLarge ? reject(new HttpError(413, `Request body larger than ${MAX_REQUEST_BODY_BYTES} bytes`)) : resolve(Buffer.concat(chunks)),
    );
    request.on("error", reject);
  });
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8")) as unknown;
  } catch {
    throw new HttpError(400, "Body is not valid JSON");
  }
}

const API_ROUTE = /^\/apps\/([^/]+)\/(events|batch_events|channels)(?:\/([^/]+)(\/users)?)?\/?$/;
const TERMINATE_ROUTE = /^\/apps\/([^/]+)\/users\/([^/]+)\/terminate_connections\/?$/;
/** Not in Pusher's API: the bundled server's open sockets across its instances, for the app's `/api/metrics`. */
const CONNECTIONS_ROUTE = /^\/apps\/([^/]+)\/connections\/?$/;
const USER_ID_PATTERN = /^[A-Za-z0-9_\-=@,.;]{1,200}$/;

/**
 * The Pusher Channels HTTP API (auth_version 1.0 signatures) plus `GET /health`.
 * Errors are JSON `{"error": "..."}`.
 */
export function createHttpApiHandler(dependencies: HttpApiDependencies) {
  const { cluster, credentials } = dependencies;

  async function channelInfo(channel: string, attributes: Set<ChannelAttribute>, counts?: Map<string, number>) {
    const info: Partial<Record<ChannelAttribute, number>> = {};
    if (attributes.has("subscription_count")) info.subscription_count = (counts ?? (await cluster.subscriptionCounts())).get(channel) ?? 0;
    if (attributes.has("user_count") && channelKind(channel) === "presence") {
      info.user_count = (await cluster.presenceMembers(channel)).size;
    }
    return info;
  }

  function checkDataSize(data: string): void {
    const bytes = Buffer.byteLength(data, "utf8");
    if (bytes > dependencies.maxEventDataBytes) {
      throw new HttpError(413, `Event data is ${bytes} bytes; the limit is ${dependencies.maxEventDataBytes}`);
    }
  }

  async function triggerEvent(body: unknown) {
    const parsed = triggerSchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, describeIssues(parsed.error));
    const event = parsed.data;
    checkDataSize(event.data);
    const attributes = parseAttributes(event.info, ["subscription_count", "user_count"]);
    const channels = event.channels ?? [event.channel as string];
    await Promise.all(
      channels.map((channel) =>
        dependencies.publish({ channel, event: event.name, data: event.data, exceptSocketId: event.socket_id }),
      ),
    );
    if (attributes.size === 0) return {};
    const counts = attributes.has("subscription_count") ? await cluster.subscriptionCounts() : undefined;
    const info: Record<string, object> = {};
    for (const channel of channels) info[channel] = await channelInfo(channel, attributes, counts);
    return { channels: info };
  }

  async function triggerBatch(body: unknown) {
    const parsed = batchSchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, describeIssues(parsed.error));
    const { batch } = parsed.data;
    for (const event of batch) checkDataSize(event.data);
    const attributesPerEvent = batch.map((event) => parseAttributes(event.info, ["subscription_count", "user_count"]));
    await Promise.all(
      batch.map((event) => dependencies.publish({ channel: event.channel, event: event.name, data: event.data, exceptSocketId: event.socket_id })),
    );
    if (attributesPerEvent.every((attributes) => attributes.size === 0)) return {};
    const counts = await cluster.subscriptionCounts();
    return { batch: await Promise.all(batch.map((event, index) => channelInfo(event.channel, attributesPerEvent[index]!, counts))) };
  }

  async function listChannels(query: URLSearchParams) {
    const prefix = query.get("filter_by_prefix") ?? "";
    const attributes = parseAttributes(query.get("info"), ["user_count"]);
    if (attributes.has("user_count") && !prefix.startsWith("presence-")) {
      throw new HttpError(400, "info=user_count needs filter_by_prefix=presence-");
    }
    const counts = await cluster.subscriptionCounts();
    const channels: Record<string, object> = {};
    for (const channel of [...counts.keys()].filter((name) => name.startsWith(prefix)).sort()) {
      channels[channel] = await channelInfo(channel, attributes, counts);
    }
    return { channels };
  }

  async function describeChannel(channel: string, query: URLSearchParams) {
    const attributes = parseAttributes(query.get("info"), ["subscription_count", "user_count"]);
    if (attributes.has("user_count") && channelKind(channel) !== "presence") {
      throw new HttpError(400, "user_count is only available for presence channels");
    }
    const counts = await cluster.subscriptionCounts();
    return { occupied: (counts.get(channel) ?? 0) > 0, ...(await channelInfo(channel, attributes, counts)) };
  }

  async function listUsers(channel: string) {
    if (channelKind(channel) !== "presence") throw new HttpError(400, "Users are only listed for presence channels");
    const members = await cluster.presenceMembers(channel);
    return { users: [...members.keys()].map((id) => ({ id })) };
  }

  /** Pusher's `POST /apps/{app_id}/users/{user_id}/terminate_connections`: closes the user's sockets everywhere. */
  async function terminateConnections(request: IncomingMessage, response: ServerResponse, url: URL, rawAppId: string, rawUserId: string) {
    let appId: string;
    let userId: string;
    try {
      appId = decodeURIComponent(rawAppId);
      userId = decodeURIComponent(rawUserId);
    } catch {
      throw new HttpError(400, "Malformed path");
    }
    if (appId !== dependencies.appId) throw new HttpError(404, `Unknown app_id ${appId}`);
    if (request.method !== "POST") {
      response.setHeader("allow", "POST");
      throw new HttpError(405, "Use POST");
    }
    const body = await readBody(request);
    const verification = verifySignedRequest(credentials, { method: "POST", path: url.pathname, query: url.searchParams, body });
    if (!verification.ok) throw new HttpError(401, verification.reason);
    if (!USER_ID_PATTERN.test(userId)) throw new HttpError(400, "Invalid user id");
    await dependencies.terminateUserConnections(userId);
    sendJson(response, 200, {});
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://channel-server");
    const method = request.method ?? "GET";

    if (url.pathname === "/health" || url.pathname === "/health/") {
      if (method !== "GET" && method !== "HEAD") throw new HttpError(405, "Use GET");
      const { healthy, details } = await dependencies.health();
      sendJson(response, healthy ? 200 : 503, { status: healthy ? "ok" : "degraded", ...details });
      return;
    }

    const connectionsMatch = CONNECTIONS_ROUTE.exec(url.pathname);
    if (connectionsMatch) {
      if (safelyDecodedComponent(connectionsMatch[1]!) !== dependencies.appId) throw new HttpError(404, "Unknown app_id");
      if (method !== "GET") {
        response.setHeader("allow", "GET");
        throw new HttpError(405, "Use GET");
      }
      const verification = verifySignedRequest(credentials, { method, path: url.pathname, query: url.searchParams, body: Buffer.alloc(0) });
      if (!verification.ok) throw new HttpError(401, verification.reason);
      return sendJson(response, 200, { connections: await dependencies.connectionCount() });
    }

    const termination = TERMINATE_ROUTE.exec(url.pathname);
    if (termination) return terminateConnections(request, response, url, termination[1]!, termination[2]!);

    const match = API_ROUTE.exec(url.pathname);
    if (!match) throw new HttpError(404, "Not found");
    const [, rawAppId, resource, rawChannel, usersSuffix] = match;
    let appId: string;
    let channel: string | undefined;
    try {
      appId = decodeURIComponent(rawAppId!);
      channel = rawChannel === undefined ? undefined : decodeURIComponent(rawChannel);
    } catch {
      throw new HttpError(400, "Malformed path");
    }
    if (appId !== dependencies.appId) throw new HttpError(404, `Unknown app_id ${appId}`);
    if ((resource === "events" || resource === "batch_events") && channel !== undefined) throw new HttpError(404, "Not found");

    const expectedMethod = resource === "channels" ? "GET" : "POST";
    if (method !== expectedMethod) {
      response.setHeader("allow", expectedMethod);
      throw new HttpError(405, `Use ${expectedMethod}`);
    }

    const body = await readBody(request);
    const verification = verifySignedRequest(credentials, { method, path: url.pathname, query: url.searchParams, body });
    if (!verification.ok) throw new HttpError(401, verification.reason);

    if (resource === "events") return sendJson(response, 200, await triggerEvent(parseJson(body)));
    if (resource === "batch_events") return sendJson(response, 200, await triggerBatch(parseJson(body)));
    if (channel === undefined) return sendJson(response, 200, await listChannels(url.searchParams));
    if (!isValidChannelName(channel)) throw new HttpError(400, "Invalid channel name");
    if (usersSuffix) return sendJson(response, 200, await listUsers(channel));
    return sendJson(response, 200, await describeChannel(channel, url.searchParams));
  }

  return async function handleHttpRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      await route(request, response);
    } catch (error) {
      if (response.headersSent) return;
      if (error instanceof HttpError) {
        sendJson(response, error.status, { error: error.message });
        return;
      }
      dependencies.log(`HTTP ${request.method} ${request.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      sendJson(response, 500, { error: "Internal error" });
    }
  };
}
