import { Redis } from "ioredis";
import type { ChannelRegistry } from "./channel-registry";
import type { ChannelEvent, Cluster } from "./cluster";

/*
 * Redis layout, all under `keyPrefix`:
 *   instances                          sorted set: instance id → when it counts as gone (Redis server time, ms),
 *                                      pushed forward by each heartbeat; each instance declares its own deadline
 *   instance:{id}:channels             hash: channel → sockets subscribed on that instance
 *   instance:{id}:presence:{channel}   hash: user id → user_info JSON, for users with ≥ 1 socket there
 *   instance:{id}:connections          hash: `address:{a}` / `user:{id}` → sockets on that instance (the caps)
 *   events                             pub/sub channel carrying ChannelEvents between instances, and
 *                                      requests to close a user's sockets (terminate_connections)
 *
 * Each instance writes only its own keys; readers merge the keys of the instances whose deadline has
 * not passed. Presence joins and leaves run as scripts so that "is this user anywhere else?" is answered
 * atomically with the write: two instances racing on the same user cannot both miss each other.
 * Keys outlive the deadline (so a survivor can still read them) and expire unless heartbeats refresh
 * them; a live instance that notices a dead one removes its state and announces the users that
 * vanished with it.
 */

const LIVE_INSTANCES_LUA = `
local function now_ms()
  local time = redis.call('TIME')
  return tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
local function live_instances(prefix)
  return redis.call('ZRANGEBYSCORE', prefix .. 'instances', now_ms(), '+inf')
end
local function presence_key(prefix, instance, channel)
  return prefix .. 'instance:' .. instance .. ':presence:' .. channel
end
`;

/** ARGV: prefix, keyTtlMs, instance, channel, userId, userInfoJson → 1 when no other live instance has the user. */
const JOIN_PRESENCE_LUA = `${LIVE_INSTANCES_LUA}
local prefix, ttl, instance, channel, user, info = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local own = presence_key(prefix, instance, channel)
redis.call('HSET', own, user, info)
redis.call('PEXPIRE', own, ttl)
for _, other in ipairs(live_instances(prefix)) do
  if other ~= instance and redis.call('HEXISTS', presence_key(prefix, other, channel), user) == 1 then return 0 end
end
return 1
`;

/** ARGV: prefix, instance, channel, userId → 1 when no other live instance has the user. */
const LEAVE_PRESENCE_LUA = `${LIVE_INSTANCES_LUA}
local prefix, instance, channel, user = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
redis.call('HDEL', presence_key(prefix, instance, channel), user)
for _, other in ipairs(live_instances(prefix)) do
  if other ~= instance and redis.call('HEXISTS', presence_key(prefix, other, channel), user) == 1 then return 0 end
end
return 1
`;

/** ARGV: prefix, channel → flat [userId, userInfoJson, …] over live instances. */
const PRESENCE_MEMBERS_LUA = `${LIVE_INSTANCES_LUA}
local prefix, channel = ARGV[1], ARGV[2]
local seen, result = {}, {}
for _, instance in ipairs(live_instances(prefix)) do
  local fields = redis.call('HGETALL', presence_key(prefix, instance, channel))
  for i = 1, #fields, 2 do
    if not seen[fields[i]] then
      seen[fields[i]] = true
      table.insert(result, fields[i])
      table.insert(result, fields[i + 1])
    end
  end
end
return result
`;

/** ARGV: prefix, instance, key → sockets counted under key on the other live instances. */
const CONNECTIONS_ELSEWHERE_LUA = `${LIVE_INSTANCES_LUA}
local prefix, instance, key = ARGV[1], ARGV[2], ARGV[3]
local total = 0
for _, other in ipairs(live_instances(prefix)) do
  if other ~= instance then
    total = total + (tonumber(redis.call('HGET', prefix .. 'instance:' .. other .. ':connections', key)) or 0)
  end
end
return total
`;

/** ARGV: prefix → flat [channel, subscriptionCount, …] summed over live instances. */
const SUBSCRIPTION_COUNTS_LUA = `${LIVE_INSTANCES_LUA}
local prefix = ARGV[1]
local totals, order = {}, {}
for _, instance in ipairs(live_instances(prefix)) do
  local fields = redis.call('HGETALL', prefix .. 'instance:' .. instance .. ':channels')
  for i = 1, #fields, 2 do
    if totals[fields[i]] == nil then
      totals[fields[i]] = 0
      table.insert(order, fields[i])
    end
    totals[fields[i]] = totals[fields[i]] + tonumber(fields[i + 1])
  end
end
local result = {}
for _, channel in ipairs(order) do
  if totals[channel] > 0 then
    table.insert(result, channel)
    table.insert(result, tostring(totals[channel]))
  end
end
return result
`;

/**
 * ARGV: prefix, deadAfterMs, instance → [1 if the instance was not registered, [ids of instances past their deadline]].
 * The registry itself expires a day after the last heartbeat of any instance, so abandoned prefixes don't linger.
 */
const HEARTBEAT_LUA = `${LIVE_INSTANCES_LUA}
local prefix, dead_after, instance = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local now = now_ms()
local added = redis.call('ZADD', prefix .. 'instances', now + dead_after, instance)
redis.call('EXPIRE', prefix .. 'instances', 86400)
local dead = redis.call('ZRANGEBYSCORE', prefix .. 'instances', '-inf', '(' .. now)
return { added, dead }
`;

export interface RedisClusterOptions {
  url: string;
  /** Namespaces every key and the pub/sub channel, e.g. `wheelhouse:realtime:{appId}:`. */
  keyPrefix: string;
  instanceId: string;
  registry: ChannelRegistry;
  heartbeatIntervalMs: number;
  /** Called with events published by other instances (and presence departures of dead ones). */
  deliverLocally(event: ChannelEvent): void;
  /** Called when another instance was asked to close a user's sockets. */
  terminateUserLocally(userId: string): void;
  /** This instance's sockets per cap key, rewritten into Redis with every heartbeat. */
  connectionCounts(): Map<string, number>;
  log(message: string): void;
}

interface PublishedEvent {
  origin: string;
  event: ChannelEvent;
}

interface PublishedTermination {
  origin: string;
  terminateUser: string;
}

function isPublishedTermination(value: unknown): value is PublishedTermination {
  if (typeof value !== "object" || value === null) return false;
  const { origin, terminateUser } = value as Record<string, unknown>;
  return typeof origin === "string" && typeof terminateUser === "string";
}

function isPublishedEvent(value: unknown): value is PublishedEvent {
  if (typeof value !== "object" || value === null) return false;
  const { origin, event } = value as Record<string, unknown>;
  if (typeof origin !== "string" || typeof event !== "object" || event === null) return false;
  const { channel, event: name } = event as Record<string, unknown>;
  return typeof channel === "string" && typeof name === "string";
}

function pairsToMap<V>(flat: string[], convert: (raw: string) => V): Map<string, V> {
  const result = new Map<string, V>();
  for (let index = 0; index + 1 < flat.length; index += 2) result.set(flat[index]!, convert(flat[index + 1]!));
  return result;
}

function parseUserInfo(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

export class RedisCluster implements Cluster {
  readonly backend = "redis" as const;
  private readonly deadAfterMs: number;
  private readonly keyTtlMs: number;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private heartbeatRunning: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly options: RedisClusterOptions,
    private readonly redis: Redis,
    private readonly subscriber: Redis,
  ) {
    this.deadAfterMs = options.heartbeatIntervalMs * 3;
    this.keyTtlMs = options.heartbeatIntervalMs * 6;
  }

  /** Connects, registers this instance and starts receiving the other instances' events. */
  static async connect(options: RedisClusterOptions): Promise<RedisCluster> {
    const redis = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 3 });
    const subscriber = redis.duplicate();
    for (const connection of [redis, subscriber]) {
      connection.on("error", (error: Error) => options.log(`Redis: ${error.message}`));
    }
    const cluster = new RedisCluster(options, redis, subscriber);
    try {
      await Promise.all([redis.connect(), subscriber.connect()]);
      subscriber.on("message", (_channel: string, raw: string) => cluster.onPublished(raw));
      await subscriber.subscribe(cluster.key("events"));
      await cluster.heartbeat();
    } catch (error) {
      redis.disconnect();
      subscriber.disconnect();
      throw error;
    }
    cluster.heartbeatTimer = setInterval(() => {
      cluster.heartbeatRunning = cluster.heartbeat().catch((error: unknown) => options.log(`heartbeat failed: ${String(error)}`));
    }, options.heartbeatIntervalMs);
    cluster.heartbeatTimer.unref();
    return cluster;
  }

  private key(suffix: string): string {
    return `${this.options.keyPrefix}${suffix}`;
  }

  private channelsKey(instanceId = this.options.instanceId): string {
    return this.key(`instance:${instanceId}:channels`);
  }

  private connectionsKey(instanceId = this.options.instanceId): string {
    return this.key(`instance:${instanceId}:connections`);
  }

  async recordConnectionCount(key: string, count: number): Promise<void> {
    const hash = this.connectionsKey();
    const transaction = this.redis.multi();
    if (count > 0) transaction.hset(hash, key, String(count));
    else transaction.hdel(hash, key);
    await transaction.pexpire(hash, this.keyTtlMs).exec();
  }

  async connectionsElsewhere(key: string): Promise<number> {
    return Number(await this.redis.eval(CONNECTIONS_ELSEWHERE_LUA, 0, this.options.keyPrefix, this.options.instanceId, key));
  }

  private presenceKey(channel: string, instanceId = this.options.instanceId): string {
    return this.key(`instance:${instanceId}:presence:${channel}`);
  }

  private onPublished(raw: string): void {
    let message: unknown;
    try {
      message = JSON.parse(raw) as unknown;
    } catch {
      return;
    }
    if (isPublishedTermination(message)) {
      if (message.origin !== this.options.instanceId) this.options.terminateUserLocally(message.terminateUser);
      return;
    }
    if (!isPublishedEvent(message) || message.origin === this.options.instanceId) return;
    this.options.deliverLocally(message.event);
  }

  async terminateUserConnections(userId: string): Promise<void> {
    const message: PublishedTermination = { origin: this.options.instanceId, terminateUser: userId };
    await this.redis.publish(this.key("events"), JSON.stringify(message));
  }

  async broadcast(event: ChannelEvent): Promise<void> {
    const message: PublishedEvent = { origin: this.options.instanceId, event };
    await this.redis.publish(this.key("events"), JSON.stringify(message));
  }

  async recordSubscriptionCount(channel: string, count: number): Promise<void> {
    const key = this.channelsKey();
    const transaction = this.redis.multi();
    if (count > 0) transaction.hset(key, channel, String(count));
    else transaction.hdel(key, channel);
    await transaction.pexpire(key, this.keyTtlMs).exec();
  }

  async joinPresence(channel: string, userId: string, userInfo: unknown): Promise<boolean> {
    const result = await this.redis.eval(
      JOIN_PRESENCE_LUA,
      0,
      this.options.keyPrefix,
      this.keyTtlMs,
      this.options.instanceId,
      channel,
      userId,
      JSON.stringify(userInfo ?? null),
    );
    return result === 1;
  }

  async leavePresence(channel: string, userId: string, instanceId = this.options.instanceId): Promise<boolean> {
    const result = await this.redis.eval(LEAVE_PRESENCE_LUA, 0, this.options.keyPrefix, instanceId, channel, userId);
    return result === 1;
  }

  async subscriptionCounts(): Promise<Map<string, number>> {
    const flat = (await this.redis.eval(SUBSCRIPTION_COUNTS_LUA, 0, this.options.keyPrefix)) as string[];
    return pairsToMap(flat, Number);
  }

  async presenceMembers(channel: string): Promise<Map<string, unknown>> {
    const flat = (await this.redis.eval(PRESENCE_MEMBERS_LUA, 0, this.options.keyPrefix, channel)) as string[];
    return pairsToMap(flat, parseUserInfo);
  }

  async isHealthy(): Promise<boolean> {
    const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 1_000).unref());
    const ping = this.redis.ping().then(
      (reply) => reply === "PONG",
      () => false,
    );
    return Promise.race([ping, timeout]);
  }

  /** Re-registers this instance, rewrites its state from the registry (self-healing) and sweeps dead instances. */
  private async heartbeat(): Promise<void> {
    if (this.closed) return;
    const [added, dead] = (await this.redis.eval(
      HEARTBEAT_LUA,
      0,
      this.options.keyPrefix,
      this.deadAfterMs,
      this.options.instanceId,
    )) as [number, string[]];
    this.writeSnapshot();
    if (added === 1 && this.heartbeatTimer) {
      this.options.log(`this instance had been declared dead (Redis unreachable or process stalled); re-registered`);
      await this.reannounceMembers();
    }
    for (const instanceId of dead) {
      if (instanceId !== this.options.instanceId) await this.sweepDeadInstance(instanceId);
    }
  }

  /**
   * Queued on the same connection as every incremental update and built synchronously from the
   * registry, so it never overtakes a newer update.
   */
  private writeSnapshot(): void {
    const { registry } = this.options;
    const transaction = this.redis.multi();
    const channelsKey = this.channelsKey();
    const counts = registry.subscriptionCounts();
    transaction.del(channelsKey);
    if (counts.size > 0) transaction.hset(channelsKey, Object.fromEntries([...counts].map(([name, count]) => [name, String(count)])));
    transaction.pexpire(channelsKey, this.keyTtlMs);
    const connectionsKey = this.connectionsKey();
    const connectionCounts = this.options.connectionCounts();
    transaction.del(connectionsKey);
    if (connectionCounts.size > 0) {
      transaction.hset(connectionsKey, Object.fromEntries([...connectionCounts].map(([key, count]) => [key, String(count)])));
    }
    transaction.pexpire(connectionsKey, this.keyTtlMs);
    for (const channel of registry.presenceChannels()) {
      const key = this.presenceKey(channel);
      const members = registry.presenceMembers(channel);
      transaction.del(key);
      if (members.size > 0) {
        transaction.hset(key, Object.fromEntries([...members].map(([userId, info]) => [userId, JSON.stringify(info ?? null)])));
        transaction.pexpire(key, this.keyTtlMs);
      }
    }
    transaction.exec().catch((error: unknown) => this.options.log(`state snapshot failed: ${String(error)}`));
  }

  /** After being swept as dead, the other instances' clients were told our users left: tell them they are back. */
  private async reannounceMembers(): Promise<void> {
    const { registry } = this.options;
    for (const channel of registry.presenceChannels()) {
      for (const [userId, userInfo] of registry.presenceMembers(channel)) {
        if (await this.joinPresence(channel, userId, userInfo)) {
          const event: ChannelEvent = {
            channel,
            event: "pusher_internal:member_added",
            data: JSON.stringify({ user_id: userId, user_info: userInfo }),
          };
          this.options.deliverLocally(event);
          await this.broadcast(event);
        }
      }
    }
  }

  /** Only the instance whose ZREM succeeds cleans up, so departures are announced once. */
  private async sweepDeadInstance(instanceId: string): Promise<void> {
    const claimed = await this.redis.zrem(this.key("instances"), instanceId);
    if (claimed !== 1) return;
    this.options.log(`instance ${instanceId} stopped sending heartbeats; removing its subscriptions`);
    const channelsKey = this.channelsKey(instanceId);
    const channels = await this.redis.hkeys(channelsKey);
    for (const channel of channels.filter((name) => name.startsWith("presence-"))) {
      const key = this.presenceKey(channel, instanceId);
      for (const userId of await this.redis.hkeys(key)) {
        if (await this.leavePresence(channel, userId, instanceId)) {
          const event: ChannelEvent = { channel, event: "pusher_internal:member_removed", data: JSON.stringify({ user_id: userId }) };
          this.options.deliverLocally(event);
          await this.broadcast(event);
        }
      }
      await this.redis.del(key);
    }
    await this.redis.del(channelsKey, this.connectionsKey(instanceId));
  }

  /** Deregisters this instance; call after its sockets have left their channels. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeatTimer);
    await this.heartbeatRunning;
    try {
      const keys = [
        this.channelsKey(),
        this.connectionsKey(),
        ...this.options.registry.presenceChannels().map((channel) => this.presenceKey(channel)),
      ];
      await this.redis.multi().zrem(this.key("instances"), this.options.instanceId).del(...keys).exec();
    } catch (error) {
      this.options.log(`could not deregister from Redis: ${String(error)}`);
    }
    await Promise.allSettled([this.subscriber.quit(), this.redis.quit()]);
  }
}
