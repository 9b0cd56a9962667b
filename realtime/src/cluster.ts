import type { ChannelRegistry } from "./channel-registry";

/** An event for the sockets of one channel, wherever they are connected. */
export interface ChannelEvent {
  channel: string;
  event: string;
  /** A string for events published over the HTTP API; any JSON for client events. */
  data: unknown;
  /** Set on client events in presence channels: who sent it. */
  userId?: string;
  /** The socket that must not receive it (the sender, or the HTTP API's `socket_id`). */
  exceptSocketId?: string;
}

/**
 * What instances share: event fan-out and the channel/presence state the HTTP API reports.
 * Callers deliver to their own sockets themselves; `broadcast` only reaches the other instances.
 */
export interface Cluster {
  readonly backend: "single-instance" | "redis";
  broadcast(event: ChannelEvent): Promise<void>;
  /** This instance now holds `count` sockets counted under `key` (a client address or a user; the caps). */
  recordConnectionCount(key: string, count: number): Promise<void>;
  /** Sockets counted under `key` on the other live instances. */
  connectionsElsewhere(key: string): Promise<number>;
  /** Asks the other instances to close the user's sockets (this instance closes its own). */
  terminateUserConnections(userId: string): Promise<void>;
  /** This instance now has `count` sockets in `channel`. */
  recordSubscriptionCount(channel: string, count: number): Promise<void>;
  /** The user's first socket in the channel on this instance; true when no other instance has the user (→ member_added). */
  joinPresence(channel: string, userId: string, userInfo: unknown): Promise<boolean>;
  /** The user's last socket in the channel on this instance left; true when no other instance has the user (→ member_removed). */
  leavePresence(channel: string, userId: string): Promise<boolean>;
  /** Occupied channels across all instances → subscribed sockets. */
  subscriptionCounts(): Promise<Map<string, number>>;
  /** user id → user_info of a presence channel across all instances. */
  presenceMembers(channel: string): Promise<Map<string, unknown>>;
  isHealthy(): Promise<boolean>;
  close(): Promise<void>;
}

/** One instance: the local registry is the whole truth. */
export class SingleInstanceCluster implements Cluster {
  readonly backend = "single-instance" as const;

  constructor(private readonly registry: ChannelRegistry) {}

  async broadcast(): Promise<void> {}

  async terminateUserConnections(): Promise<void> {}

  async recordConnectionCount(): Promise<void> {}

  async connectionsElsewhere(): Promise<number> {
    return 0;
  }

  async recordSubscriptionCount(): Promise<void> {}

  async joinPresence(): Promise<boolean> {
    return true;
  }

  async leavePresence(): Promise<boolean> {
    return true;
  }

  async subscriptionCounts(): Promise<Map<string, number>> {
    return this.registry.subscriptionCounts();
  }

  async presenceMembers(channel: string): Promise<Map<string, unknown>> {
    return this.registry.presenceMembers(channel);
  }

  async isHealthy(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}
