import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import { WebSocketServer, type WebSocket } from "ws";
import { forwardedClientAddress } from "../../lib/auth/client-address";
import { logger } from "../../lib/observability/logger";
import { identifiedOnlyChannelPrefixes, serverOnlyChannelPrefixes } from "../../lib/realtime/app-channels";
import { USER_CHANNEL_PREFIX } from "../../lib/realtime/channels";
import { ChannelRegistry } from "./channel-registry";
import { ClientConnection, refuseConnection, type ConnectionContext } from "./client-connection";
import { SingleInstanceCluster, type ChannelEvent, type Cluster } from "./cluster";
import { createHttpApiHandler } from "./http-api";
import { encodeMessage, PROTOCOL_VERSION, PusherErrorCode } from "./protocol";
import { RedisCluster } from "./redis-cluster";

export interface ChannelServerOptions {
  port: number;
  /** Interface to bind; default all interfaces. */
  host?: string;
  appId: string;
  key: string;
  secret: string;
  /** Set to share events and channel state with other instances through Redis. */
  redisUrl?: string;
  /** Namespace of this server's Redis keys; the app id is appended. Default `wheelhouse:realtime:`. */
  redisKeyPrefix?: string;
  /** Default 5000 ms; an instance that misses three heartbeats is considered gone and its members removed. */
  redisHeartbeatIntervalMs?: number;
  /** `client-*` events on private and presence channels. Default false. */
  enableClientEvents?: boolean;
  /** Channels where `client-*` events are refused even when enabled. Default: every channel the app publishes to. */
  serverOnlyChannelPrefixes?: readonly string[];
  /** A socket subscribed to `{prefix}{user id}` counts as that user's. Default the app's `private-user-`. */
  userChannelPrefix?: string;
  /**
   * Channels granted only to a socket that belongs to a user (signed in or on its user channel);
   * an anonymous socket's subscription waits `identityWaitMs` for that, then is refused.
   * Default the app's role channels and its modules' channels.
   */
  identifiedOnlyChannelPrefixes?: readonly string[];
  /** Default 10000. */
  identityWaitMs?: number;
  /** Per instance. Default 10000. */
  maxConnections?: number;
  /** Sockets from one client address, across the instances sharing Redis (4100 beyond). Default 30. */
  maxConnectionsPerAddress?: number;
  /** Sockets of one user (signed in or on their user channel), across the instances (4100 beyond). Default 10. */
  maxConnectionsPerUser?: number;
  /** Reverse proxies in front that append to X-Forwarded-For; 0 uses the socket's own address. Default 0. */
  trustedProxyHops?: number;
  /** Sent to clients in the handshake; the server pings a socket silent for this long. Default 120. */
  activityTimeoutSeconds?: number;
  /** Close with 4201 when a ping is not answered within this. Default 30. */
  pongTimeoutSeconds?: number;
  /** Largest WebSocket message a client may send; larger ones close the socket with 1009. Default 10 KiB. */
  maxMessageBytes?: number;
  /** Largest `data` of an event published over the HTTP API (413 above). Default 10 KiB. */
  maxEventDataBytes?: number;
  /** Per socket. Default 10. */
  clientEventsPerSecond?: number;
  /** Largest presence `user_info`. Default 1 KiB. */
  maxPresenceUserInfoBytes?: number;
  /** Channels one socket may be subscribed to at once. Default 100. */
  maxChannelsPerSocket?: number;
  log?: (message: string) => void;
}

export interface RunningChannelServer {
  port: number;
  instanceId: string;
  stop(): Promise<void>;
}

const SHUTDOWN_WAIT_MS = 5_000;
/** Every socket is also counted under this key, so the instances' totals are shared through the cluster like the caps. */
const ALL_CONNECTIONS_KEY = "all";

function safelyDecoded(component: string): string | undefined {
  try {
    return decodeURIComponent(component);
  } catch {
    return undefined;
  }
}

/** The client's address: the socket's peer, or behind `hops` proxies the entry the nearest trusted one appended. */
export function clientAddressOf(request: IncomingMessage, hops: number): string {
  const peer = request.socket.remoteAddress ?? "unknown";
  if (hops <= 0) return peer;
  const header = request.headers["x-forwarded-for"];
  return forwardedClientAddress(Array.isArray(header) ? header.join(",") : header, hops) ?? peer;
}

/** The channel server's own lines, as JSON through the app's logger (pretty in development). */
export function channelServerLog(message: string): void {
  logger().child({ component: "channel-server" }).info(message);
}

/** Starts a Pusher Channels protocol 7 server: WebSocket endpoint `/app/{key}` and the HTTP API on one port. */
export async function startChannelServer(options: ChannelServerOptions): Promise<RunningChannelServer> {
  const log = options.log ?? channelServerLog;
  const settings = {
    enableClientEvents: options.enableClientEvents ?? false,
    serverOnlyChannelPrefixes: options.serverOnlyChannelPrefixes ?? serverOnlyChannelPrefixes(),
    userChannelPrefix: options.userChannelPrefix ?? USER_CHANNEL_PREFIX,
    identifiedOnlyChannelPrefixes: options.identifiedOnlyChannelPrefixes ?? identifiedOnlyChannelPrefixes(),
    identityWaitMs: options.identityWaitMs ?? 10_000,
    maxConnections: options.maxConnections ?? 10_000,
    maxConnectionsPerAddress: options.maxConnectionsPerAddress ?? 30,
    maxConnectionsPerUser: options.maxConnectionsPerUser ?? 10,
    trustedProxyHops: options.trustedProxyHops ?? 0,
    activityTimeoutSeconds: options.activityTimeoutSeconds ?? 120,
    pongTimeoutSeconds: options.pongTimeoutSeconds ?? 30,
    maxMessageBytes: options.maxMessageBytes ?? 10 * 1024,
    maxEventDataBytes: options.maxEventDataBytes ?? 10 * 1024,
    clientEventsPerSecond: options.clientEventsPerSecond ?? 10,
    maxPresenceUserInfoBytes: options.maxPresenceUserInfoBytes ?? 1024,
    maxChannelsPerSocket: options.maxChannelsPerSocket ?? 100,
  };
  const credentials = { key: options.key, secret: options.secret };
  const instanceId = `${hostname().replace(/[^A-Za-z0-9.-]/g, "-")}-${process.pid}-${randomBytes(4).toString("hex")}`;
  const registry = new ChannelRegistry<ClientConnection>();
  const connections = new Map<string, ClientConnection>();
  const connectionsByUser = new Map<string, Set<ClientConnection>>();
  /** Sockets here per cap key (`address:{a}`, `user:{id}`); shared through the cluster for the caps across instances. */
  const capCounts = new Map<string, number>();
  /** Set once the cluster is up (its heartbeat already reads `capCounts`). */
  let capCluster: Cluster | undefined = undefined;

  function countCap(key: string, change: 1 | -1): number {
    const count = (capCounts.get(key) ?? 0) + change;
    if (count > 0) capCounts.set(key, count);
    else capCounts.delete(key);
    capCluster?.recordConnectionCount(key, count).catch((error: unknown) => log(`recording ${key} failed: ${String(error)}`));
    return count;
  }

  /** Counted here first, then checked against the other instances: the socket that tips the total over is refused. */
  function checkCapAcrossInstances(connection: ClientConnection, key: string, cap: number, what: string): void {
    if (!capCluster || capCluster.backend === "single-instance") return;
    capCluster
      .connectionsElsewhere(key)
      .then((elsewhere) => {
        if ((capCounts.get(key) ?? 0) + elsewhere > cap) connection.refuseOverCapacity(`Over capacity: too many connections ${what}`);
      })
      .catch((error: unknown) => log(`checking ${key} failed: ${String(error)}`));
  }

  function terminateUserLocally(userId: string): void {
    for (const connection of connectionsByUser.get(userId) ?? []) connection.revoke();
  }

  function identify(connection: ClientConnection, userId: string): boolean {
    let held = connectionsByUser.get(userId);
    if (!held) {
      held = new Set();
      connectionsByUser.set(userId, held);
    }
    if (held.size >= settings.maxConnectionsPerUser) return false;
    held.add(connection);
    countCap(`user:${userId}`, 1);
    checkCapAcrossInstances(connection, `user:${userId}`, settings.maxConnectionsPerUser, "for this user");
    return true;
  }

  function forget(connection: ClientConnection, address: string): void {
    connections.delete(connection.socketId);
    countCap(`address:${address}`, -1);
    countCap(ALL_CONNECTIONS_KEY, -1);
    const userId = connection.userId;
    const held = userId === undefined ? undefined : connectionsByUser.get(userId);
    if (held && userId !== undefined) {
      held.delete(connection);
      if (held.size === 0) connectionsByUser.delete(userId);
      countCap(`user:${userId}`, -1);
    }
  }

  function deliverLocally(event: ChannelEvent): void {
    const frame = encodeMessage({ event: event.event, channel: event.channel, data: event.data, user_id: event.userId });
    for (const subscriber of registry.subscribers(event.channel)) {
      if (subscriber.socketId !== event.exceptSocketId) subscriber.send(frame);
    }
  }

  const cluster: Cluster = options.redisUrl
    ? await RedisCluster.connect({
        url: options.redisUrl,
        keyPrefix: `${options.redisKeyPrefix ?? "wheelhouse:realtime:"}${options.appId}:`,
        instanceId,
        registry,
        heartbeatIntervalMs: options.redisHeartbeatIntervalMs ?? 5_000,
        deliverLocally,
        terminateUserLocally,
        connectionCounts: () => new Map(capCounts),
        log,
      })
    : new SingleInstanceCluster(registry);
  capCluster = cluster;

  async function publish(event: ChannelEvent): Promise<void> {
    deliverLocally(event);
    await cluster.broadcast(event);
  }

  const context: ConnectionContext = { credentials, settings, registry, cluster, publish, identify, log };
  let stopping = false;

  const handleHttpRequest = createHttpApiHandler({
    appId: options.appId,
    credentials,
    maxEventDataBytes: settings.maxEventDataBytes,
    cluster,
    publish,
    async terminateUserConnections(userId) {
      terminateUserLocally(userId);
      await cluster.terminateUserConnections(userId);
    },
    log,
    async connectionCount() {
      return connections.size + (await cluster.connectionsElsewhere(ALL_CONNECTIONS_KEY));
    },
    async health() {
      const clusterHealthy = await cluster.isHealthy();
      return {
        healthy: clusterHealthy && !stopping,
        details: { instanceId, connections: connections.size, cluster: cluster.backend, clusterHealthy, stopping },
      };
    },
  });

  const httpServer = createServer((request, response) => void handleHttpRequest(request, response));
  const webSocketServer = new WebSocketServer({ noServer: true, maxPayload: settings.maxMessageBytes, perMessageDeflate: false });

  function acceptConnection(socket: WebSocket, request: IncomingMessage): void {
    const url = new URL(request.url ?? "/", "http://channel-server");
    const match = /^\/app\/([^/]+)\/?$/.exec(url.pathname);
    if (!match) return refuseConnection(socket, PusherErrorCode.pathNotFound, "Path not found; connect to /app/{key}");
    if (stopping) return refuseConnection(socket, PusherErrorCode.reconnectImmediately, "Server is shutting down; reconnect");
    if (safelyDecoded(match[1]!) !== options.key) {
      return refuseConnection(socket, PusherErrorCode.applicationDoesNotExist, "Application does not exist");
    }
    const protocol = url.searchParams.get("protocol");
    if (protocol === null) {
      return refuseConnection(socket, PusherErrorCode.noProtocolVersionSupplied, "No protocol version supplied");
    }
    if (!/^\d+(\.\d+){0,2}$/.test(protocol)) {
      return refuseConnection(socket, PusherErrorCode.invalidVersionStringFormat, "Invalid version string format");
    }
    if (protocol !== String(PROTOCOL_VERSION)) {
      return refuseConnection(
        socket,
        PusherErrorCode.unsupportedProtocolVersion,
        `Unsupported protocol version ${protocol.slice(0, 10)}; this server speaks ${PROTOCOL_VERSION}`,
      );
    }
    if (connections.size >= settings.maxConnections) {
      return refuseConnection(socket, PusherErrorCode.overCapacity, "Over capacity");
    }
    const address = clientAddressOf(request, settings.trustedProxyHops);
    if ((capCounts.get(`address:${address}`) ?? 0) >= settings.maxConnectionsPerAddress) {
      return refuseConnection(socket, PusherErrorCode.overCapacity, "Over capacity: too many connections from this address");
    }
    countCap(`address:${address}`, 1);
    countCap(ALL_CONNECTIONS_KEY, 1);
    const connection = new ClientConnection(socket, context);
    connections.set(connection.socketId, connection);
    void connection.finished.then(() => forget(connection, address));
    checkCapAcrossInstances(connection, `address:${address}`, settings.maxConnectionsPerAddress, "from this address");
  }

  httpServer.on("upgrade", (request, socket, head) => {
    socket.on("error", () => socket.destroy());
    webSocketServer.handleUpgrade(request, socket, head, (webSocket) => acceptConnection(webSocket, request));
  });

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once("error", reject);
      httpServer.listen(options.port, options.host, () => {
        httpServer.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    await cluster.close();
    throw error;
  }

  let stopped: Promise<void> | undefined;
  async function stop(): Promise<void> {
    stopping = true;
    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    const open = [...connections.values()];
    for (const connection of open) connection.shutdown();
    await Promise.race([
      Promise.all(open.map((connection) => connection.finished)),
      new Promise((resolve) => setTimeout(resolve, SHUTDOWN_WAIT_MS).unref()),
    ]);
    await cluster.close();
    webSocketServer.close();
    httpServer.closeAllConnections();
    await closed;
  }

  return {
    port: (httpServer.address() as AddressInfo).port,
    instanceId,
    stop: () => (stopped ??= stop()),
  };
}
