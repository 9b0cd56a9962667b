import { WebSocket, type RawData } from "ws";
import type { ChannelRegistry, Subscriber } from "./channel-registry";
import type { ChannelEvent, Cluster } from "./cluster";
import {
  allowsClientEvents,
  channelKind,
  decodeData,
  encodeMessage,
  errorMessage,
  incomingMessageSchema,
  isClientEventName,
  isValidChannelName,
  MAX_EVENT_NAME_LENGTH,
  newSocketId,
  presenceChannelDataSchema,
  presenceSubscriptionData,
  PusherErrorCode,
  requiresAuthorization,
  SERVER_TO_USER_PREFIX,
  signedInUserSchema,
  signinDataSchema,
  subscribeDataSchema,
  unsubscribeDataSchema,
  type ChannelKind,
  type PresenceMember,
} from "./protocol";
import { isValidChannelAuthorization, isValidUserAuthentication, type AppCredentials } from "./signatures";

export interface ConnectionSettings {
  enableClientEvents: boolean;
  activityTimeoutSeconds: number;
  pongTimeoutSeconds: number;
  clientEventsPerSecond: number;
  maxPresenceUserInfoBytes: number;
  maxChannelsPerSocket: number;
  /** Channels only the server publishes to: `client-*` events are refused there even when enabled. */
  serverOnlyChannelPrefixes: readonly string[];
  /** Subscribing to `{prefix}{user id}` identifies the socket as that user (caps, terminate_connections). */
  userChannelPrefix: string;
  /** Channels an anonymous socket may not hold: its subscription waits `identityWaitMs` for an identity. */
  identifiedOnlyChannelPrefixes: readonly string[];
  identityWaitMs: number;
}

/** What a connection needs from the server it belongs to. */
export interface ConnectionContext {
  credentials: AppCredentials;
  settings: ConnectionSettings;
  registry: ChannelRegistry<ClientConnection>;
  cluster: Cluster;
  /** Delivers to this instance's sockets and to the other instances. */
  publish(event: ChannelEvent): Promise<void>;
  /** Records the socket as the user's; false when the user already holds as many sockets as allowed. */
  identify(connection: ClientConnection, userId: string): boolean;
  log(message: string): void;
}

/** A client that stops reading is cut off rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** How long a closing handshake may take before the socket is dropped. */
const CLOSE_GRACE_MS = 2_000;

function rawDataToString(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString("utf8");
  if (Buffer.isBuffer(raw)) return raw.toString("utf8");
  return Buffer.from(raw).toString("utf8");
}

/** Sends the protocol error and closes with the same code (handshake refusals). */
export function refuseConnection(socket: WebSocket, code: number, message: string): void {
  socket.send(errorMessage(code, message));
  socket.close(code, message);
  setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref();
}

/** One WebSocket speaking Pusher protocol 7. Messages of a socket are handled strictly in order. */
export class ClientConnection implements Subscriber {
  readonly socketId = newSocketId();
  /** Who the socket belongs to, once it has signed in or subscribed to its user channel. */
  private identifiedUserId: string | undefined;
  /** Subscriptions held back until the socket says whose it is. */
  private awaitingIdentity: Array<{ channel: string; retry: () => void }> = [];
  private identityTimer: NodeJS.Timeout | undefined;
  /** channel → the presence member this socket joined as (undefined for other channels). */
  private readonly subscriptions = new Map<string, PresenceMember | undefined>();
  private pending: Promise<void> = Promise.resolve();
  private readonly inactivityTimer: NodeJS.Timeout;
  private pongTimer: NodeJS.Timeout | undefined;
  private clientEventWindowStartedAt = 0;
  private clientEventsInWindow = 0;
  private resolveFinished: () => void = () => {};
  /** Settles once the socket has closed and left all its channels. */
  readonly finished = new Promise<void>((resolve) => (this.resolveFinished = resolve));

  constructor(
    private readonly socket: WebSocket,
    private readonly context: ConnectionContext,
  ) {
    socket.on("message", (raw) => this.onMessage(raw));
    socket.on("ping", () => this.noteActivity());
    socket.on("pong", () => this.noteActivity());
    socket.on("error", (error) => context.log(`socket ${this.socketId}: ${error.message}`));
    socket.on("close", () => this.onClose());
    this.inactivityTimer = setTimeout(() => this.onInactive(), context.settings.activityTimeoutSeconds * 1000);
    this.send(
      encodeMessage({
        event: "pusher:connection_established",
        data: JSON.stringify({ socket_id: this.socketId, activity_timeout: context.settings.activityTimeoutSeconds }),
      }),
    );
  }

  send(frame: string): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(PusherErrorCode.overCapacity, "Client is not reading its messages");
      return;
    }
    this.socket.send(frame);
  }

  get userId(): string | undefined {
    return this.identifiedUserId;
  }

  /**
   * The user's access changed (signed out, new password, account deleted): the socket is
   * closed with 4200, so a client that may still listen reconnects at once and every
   * subscription is authorized again.
   */
  revoke(): void {
    this.send(errorMessage(PusherErrorCode.reconnectImmediately, "Access changed; reconnect and authorize again"));
    this.close(PusherErrorCode.reconnectImmediately, "Access changed");
  }

  /** Over a connection cap: 4100, the client backs off before it tries again. */
  refuseOverCapacity(message: string): void {
    this.send(errorMessage(PusherErrorCode.overCapacity, message));
    this.close(PusherErrorCode.overCapacity, "Over capacity");
  }

  /** Server shutdown: tells the client to reconnect (to another instance) at once. */
  shutdown(): void {
    this.send(errorMessage(PusherErrorCode.reconnectImmediately, "Server is shutting down; reconnect"));
    this.close(PusherErrorCode.reconnectImmediately, "Server shutting down");
  }

  private close(code: number, reason: string): void {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    this.socket.close(code, reason);
    setTimeout(() => this.socket.terminate(), CLOSE_GRACE_MS).unref();
  }

  private sendError(code: number | null, message: string): void {
    this.send(errorMessage(code, message));
  }

  private sendSubscriptionError(channel: string, type: string, error: string, status: number): void {
    this.send(encodeMessage({ event: "pusher:subscription_error", channel, data: { type, error, status } }));
  }

  private enqueue(task: () => Promise<void>): void {
    this.pending = this.pending.then(task).catch((error: unknown) => {
      this.context.log(`socket ${this.socketId}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    });
  }

  private noteActivity(): void {
    this.inactivityTimer.refresh();
    if (this.pongTimer) {
      clearTimeout(this.pongTimer);
      this.pongTimer = undefined;
    }
  }

  private onInactive(): void {
    this.send(encodeMessage({ event: "pusher:ping", data: {} }));
    this.pongTimer = setTimeout(
      () => this.close(PusherErrorCode.pongReplyNotReceived, "Pong reply not received"),
      this.context.settings.pongTimeoutSeconds * 1000,
    );
  }

  private onClose(): void {
    clearTimeout(this.inactivityTimer);
    clearTimeout(this.pongTimer);
    clearTimeout(this.identityTimer);
    this.awaitingIdentity = [];
    this.enqueue(async () => {
      for (const channel of [...this.subscriptions.keys()]) await this.unsubscribe(channel);
    });
    void this.pending.then(() => this.resolveFinished());
  }

  private onMessage(raw: RawData): void {
    this.noteActivity();
    let json: unknown;
    try {
      json = JSON.parse(rawDataToString(raw)) as unknown;
    } catch {
      this.sendError(null, "Invalid message: not JSON");
      return;
    }
    const parsed = incomingMessageSchema.safeParse(json);
    if (!parsed.success) {
      this.sendError(null, "Invalid message: expected an object with an event name");
      return;
    }
    const message = parsed.data;
    switch (message.event) {
      case "pusher:ping":
        this.send(encodeMessage({ event: "pusher:pong", data: {} }));
        return;
      case "pusher:pong":
        return;
      case "pusher:subscribe":
        this.enqueue(() => this.subscribe(decodeData(message.data)));
        return;
      case "pusher:signin":
        this.enqueue(async () => this.signin(decodeData(message.data)));
        return;
      case "pusher:unsubscribe": {
        const data = unsubscribeDataSchema.safeParse(decodeData(message.data));
        if (data.success) this.enqueue(() => this.unsubscribe(data.data.channel));
        else this.sendError(null, "pusher:unsubscribe needs data.channel");
        return;
      }
      default:
        if (isClientEventName(message.event)) {
          this.enqueue(() => this.triggerClientEvent(message.event, message.channel, message.data));
        } else {
          this.sendError(null, `Unsupported event ${message.event.slice(0, MAX_EVENT_NAME_LENGTH)}`);
        }
    }
  }

  /** Checks the subscription request; returns the presence member for presence channels, or an error already sent. */
  private authorize(channel: string, kind: ChannelKind, auth?: string, channelData?: string): PresenceMember | undefined | "refused" {
    if (!requiresAuthorization(kind)) return undefined;
    const signedData = kind === "presence" ? channelData : undefined;
    if (kind === "presence" && channelData === undefined) {
      this.sendSubscriptionError(channel, "AuthError", "Presence channels need channel_data", 401);
      return "refused";
    }
    if (!auth || !isValidChannelAuthorization(this.context.credentials, this.socketId, channel, auth, signedData)) {
      this.sendSubscriptionError(channel, "AuthError", `Invalid signature for socket ${this.socketId} on ${channel}`, 401);
      return "refused";
    }
    if (kind !== "presence") return undefined;

    let decoded: unknown;
    try {
      decoded = JSON.parse(channelData ?? "") as unknown;
    } catch {
      decoded = undefined;
    }
    const member = presenceChannelDataSchema.safeParse(decoded);
    if (!member.success) {
      this.sendSubscriptionError(channel, "InvalidChannelData", "channel_data must be JSON with a user_id", 400);
      return "refused";
    }
    const userInfoBytes = Buffer.byteLength(JSON.stringify(member.data.user_info ?? null));
    if (userInfoBytes > this.context.settings.maxPresenceUserInfoBytes) {
      this.sendSubscriptionError(
        channel,
        "LimitReached",
        `user_info is ${userInfoBytes} bytes; the limit is ${this.context.settings.maxPresenceUserInfoBytes}`,
        400,
      );
      return "refused";
    }
    return { userId: member.data.user_id, userInfo: member.data.user_info ?? null };
  }

  private async subscribe(data: unknown): Promise<void> {
    const request = subscribeDataSchema.safeParse(data);
    if (!request.success) {
      this.sendError(null, "pusher:subscribe needs data.channel");
      return;
    }
    const { channel, auth, channel_data: channelData } = request.data;
    const ownServerToUserChannel = this.identifiedUserId !== undefined && channel === `${SERVER_TO_USER_PREFIX}${this.identifiedUserId}`;
    if (!ownServerToUserChannel && !isValidChannelName(channel)) {
      this.sendSubscriptionError(channel, "InvalidChannel", "Channel names are 1–200 characters of A-Z a-z 0-9 _ - = @ , . ;", 400);
      return;
    }
    const kind = channelKind(channel);
    const member = this.authorize(channel, kind, auth, channelData);
    if (member === "refused") return;
    if (!this.identifyBy(channel)) return;
    if (this.identifiedUserId === undefined && this.context.settings.identifiedOnlyChannelPrefixes.some((prefix) => channel.startsWith(prefix))) {
      this.holdUntilIdentified(channel, () => this.enqueue(() => this.subscribe(data)));
      return;
    }
    if (this.subscriptions.has(channel)) {
      await this.confirmSubscription(channel, this.subscriptions.get(channel));
      return;
    }

    if (this.subscriptions.size >= this.context.settings.maxChannelsPerSocket) {
      this.sendSubscriptionError(
        channel,
        "LimitReached",
        `A connection may hold at most ${this.context.settings.maxChannelsPerSocket} channels; unsubscribe from one first`,
        400,
      );
      return;
    }

    const { registry, cluster } = this.context;
    this.subscriptions.set(channel, member);
    const { firstLocalSocketOfUser } = registry.add(channel, this, member);
    try {
      // Both writes are queued before anything else can read the state, in this order.
      const recorded = cluster.recordSubscriptionCount(channel, registry.subscriptionCount(channel));
      const joined = member && firstLocalSocketOfUser ? cluster.joinPresence(channel, member.userId, member.userInfo) : false;
      const [, isNewMember] = await Promise.all([recorded, joined]);
      await this.confirmSubscription(channel, member);
      if (member && isNewMember) {
        await this.context.publish({
          channel,
          event: "pusher_internal:member_added",
          data: JSON.stringify({ user_id: member.userId, user_info: member.userInfo }),
          exceptSocketId: this.socketId,
        });
      }
    } catch (error) {
      this.context.log(`subscribing ${this.socketId} to ${channel} failed: ${String(error)}`);
      await this.unsubscribe(channel).catch(() => undefined);
      this.sendSubscriptionError(channel, "ServerError", "The channel server could not complete the subscription", 503);
    }
  }

  /** A signed subscription to a user channel names the socket's user; false when refused (error already sent). */
  private identifyBy(channel: string): boolean {
    const { userChannelPrefix } = this.context.settings;
    if (!channel.startsWith(userChannelPrefix) || channel.length === userChannelPrefix.length) return true;
    const claimed = this.claimUser(channel.slice(userChannelPrefix.length));
    if (claimed === "another user") {
      this.sendSubscriptionError(channel, "AuthError", "A connection belongs to one user; open another for this one", 403);
    }
    return claimed === "claimed";
  }

  /**
   * A browser signs in and asks for its channels at the same time, in no set order: the
   * subscription is retried once the socket is someone's, and refused if that takes too long.
   */
  private holdUntilIdentified(channel: string, retry: () => void): void {
    if (this.awaitingIdentity.length >= this.context.settings.maxChannelsPerSocket) {
      this.sendSubscriptionError(channel, "LimitReached", "Too many subscriptions waiting for this connection to sign in", 400);
      return;
    }
    this.awaitingIdentity.push({ channel, retry });
    this.identityTimer ??= setTimeout(() => {
      this.identityTimer = undefined;
      for (const held of this.awaitingIdentity.splice(0)) {
        this.sendSubscriptionError(held.channel, "AuthError", "Sign in (pusher:signin) or subscribe to your user channel first", 401);
      }
    }, this.context.settings.identityWaitMs);
  }

  private releaseHeldSubscriptions(): void {
    clearTimeout(this.identityTimer);
    this.identityTimer = undefined;
    for (const held of this.awaitingIdentity.splice(0)) held.retry();
  }

  /** The socket becomes the user's, within the per-user cap (over it the socket is closed with 4100). */
  private claimUser(userId: string): "claimed" | "another user" | "over capacity" {
    if (this.identifiedUserId === userId) return "claimed";
    if (this.identifiedUserId !== undefined) return "another user";
    if (!this.context.identify(this, userId)) {
      this.refuseOverCapacity("Over capacity: too many connections for this user");
      return "over capacity";
    }
    this.identifiedUserId = userId;
    this.releaseHeldSubscriptions();
    return "claimed";
  }

  /** `pusher:signin` (user authentication): the app signed `socket_id::user::user_data` for the user `user_data.id`. */
  private signin(data: unknown): void {
    const request = signinDataSchema.safeParse(data);
    if (!request.success) {
      this.sendError(null, "pusher:signin needs data.auth and data.user_data");
      return;
    }
    const { auth, user_data: userData } = request.data;
    let user: { id: string } | undefined;
    try {
      const parsed = signedInUserSchema.safeParse(JSON.parse(userData) as unknown);
      user = parsed.success ? parsed.data : undefined;
    } catch {
      user = undefined;
    }
    if (!user || !isValidUserAuthentication(this.context.credentials, this.socketId, auth, userData)) {
      this.sendError(PusherErrorCode.unauthorizedConnection, "Invalid signin: user_data needs an id and a valid signature");
      return;
    }
    const claimed = this.claimUser(user.id);
    if (claimed === "another user") this.sendError(PusherErrorCode.unauthorizedConnection, "This connection is signed in as another user");
    if (claimed !== "claimed") return;
    this.send(encodeMessage({ event: "pusher:signin_success", data: { user_data: userData } }));
  }

  private async confirmSubscription(channel: string, member: PresenceMember | undefined): Promise<void> {
    if (!member) {
      this.send(encodeMessage({ event: "pusher_internal:subscription_succeeded", channel, data: "{}" }));
      return;
    }
    const members = await this.context.cluster.presenceMembers(channel);
    if (!members.has(member.userId)) members.set(member.userId, member.userInfo);
    this.send(encodeMessage({ event: "pusher_internal:subscription_succeeded", channel, data: presenceSubscriptionData(members) }));
  }

  private async unsubscribe(channel: string): Promise<void> {
    this.awaitingIdentity = this.awaitingIdentity.filter((held) => held.channel !== channel);
    if (!this.subscriptions.has(channel)) return;
    const member = this.subscriptions.get(channel);
    this.subscriptions.delete(channel);
    const { registry, cluster } = this.context;
    const { lastLocalSocketOfUser } = registry.remove(channel, this.socketId, member?.userId);
    const recorded = cluster.recordSubscriptionCount(channel, registry.subscriptionCount(channel));
    const left = member && lastLocalSocketOfUser ? cluster.leavePresence(channel, member.userId) : false;
    const [, wasLastSocketAnywhere] = await Promise.all([recorded, left]);
    if (member && wasLastSocketAnywhere) {
      await this.context.publish({
        channel,
        event: "pusher_internal:member_removed",
        data: JSON.stringify({ user_id: member.userId }),
      });
    }
  }

  /** Fixed one-second window per socket. */
  private withinClientEventRate(): boolean {
    const now = Date.now();
    if (now - this.clientEventWindowStartedAt >= 1000) {
      this.clientEventWindowStartedAt = now;
      this.clientEventsInWindow = 0;
    }
    this.clientEventsInWindow += 1;
    return this.clientEventsInWindow <= this.context.settings.clientEventsPerSecond;
  }

  private async triggerClientEvent(event: string, channel: string | undefined, data: unknown): Promise<void> {
    if (!this.context.settings.enableClientEvents) {
      this.sendError(null, "Client events are not enabled on this server");
      return;
    }
    if (!channel) {
      this.sendError(null, "Client event rejected: no channel");
      return;
    }
    if (!allowsClientEvents(channelKind(channel))) {
      this.sendError(null, `Client event rejected: ${channel} is not a private or presence channel`);
      return;
    }
    if (this.context.settings.serverOnlyChannelPrefixes.some((prefix) => channel.startsWith(prefix))) {
      this.sendError(null, `Client event rejected: only the server publishes on ${channel}`);
      return;
    }
    if (!this.subscriptions.has(channel)) {
      this.sendError(null, `Client event rejected: not subscribed to ${channel}`);
      return;
    }
    if (event.length > MAX_EVENT_NAME_LENGTH) {
      this.sendError(null, `Client event rejected: event names are at most ${MAX_EVENT_NAME_LENGTH} characters`);
      return;
    }
    if (!this.withinClientEventRate()) {
      this.sendError(
        PusherErrorCode.clientEventRateLimited,
        `Client event rejected due to rate limit (${this.context.settings.clientEventsPerSecond} per second)`,
      );
      return;
    }
    const member = this.subscriptions.get(channel);
    await this.context.publish({ channel, event, data, userId: member?.userId, exceptSocketId: this.socketId });
  }
}
