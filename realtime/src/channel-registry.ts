import type { PresenceMember } from "./protocol";

/** What the registry needs of a connected socket. */
export interface Subscriber {
  readonly socketId: string;
  send(frame: string): void;
}

interface PresenceEntry {
  userInfo: unknown;
  socketIds: Set<string>;
}

/**
 * This instance's subscriptions: which sockets are in which channel and, for presence
 * channels, which users (a user may be there with several sockets).
 */
export class ChannelRegistry<S extends Subscriber = Subscriber> {
  private readonly subscribersByChannel = new Map<string, Map<string, S>>();
  private readonly membersByChannel = new Map<string, Map<string, PresenceEntry>>();

  /** Adds the socket; for presence returns whether it is the user's first socket in the channel here. */
  add(channel: string, subscriber: S, member?: PresenceMember): { firstLocalSocketOfUser: boolean } {
    let subscribers = this.subscribersByChannel.get(channel);
    if (!subscribers) {
      subscribers = new Map();
      this.subscribersByChannel.set(channel, subscribers);
    }
    subscribers.set(subscriber.socketId, subscriber);
    if (!member) return { firstLocalSocketOfUser: false };

    let members = this.membersByChannel.get(channel);
    if (!members) {
      members = new Map();
      this.membersByChannel.set(channel, members);
    }
    const existing = members.get(member.userId);
    if (existing) {
      existing.socketIds.add(subscriber.socketId);
      return { firstLocalSocketOfUser: false };
    }
    members.set(member.userId, { userInfo: member.userInfo, socketIds: new Set([subscriber.socketId]) });
    return { firstLocalSocketOfUser: true };
  }

  /** Removes the socket; for presence returns whether it was the user's last socket in the channel here. */
  remove(channel: string, socketId: string, userId?: string): { lastLocalSocketOfUser: boolean } {
    const subscribers = this.subscribersByChannel.get(channel);
    subscribers?.delete(socketId);
    if (subscribers?.size === 0) this.subscribersByChannel.delete(channel);
    if (userId === undefined) return { lastLocalSocketOfUser: false };

    const members = this.membersByChannel.get(channel);
    const entry = members?.get(userId);
    if (!members || !entry) return { lastLocalSocketOfUser: false };
    entry.socketIds.delete(socketId);
    if (entry.socketIds.size > 0) return { lastLocalSocketOfUser: false };
    members.delete(userId);
    if (members.size === 0) this.membersByChannel.delete(channel);
    return { lastLocalSocketOfUser: true };
  }

  subscribers(channel: string): Iterable<S> {
    return this.subscribersByChannel.get(channel)?.values() ?? [];
  }

  subscriptionCount(channel: string): number {
    return this.subscribersByChannel.get(channel)?.size ?? 0;
  }

  /** Occupied channels here → number of subscribed sockets. */
  subscriptionCounts(): Map<string, number> {
    return new Map([...this.subscribersByChannel].map(([channel, subscribers]) => [channel, subscribers.size]));
  }

  /** user id → user_info of the members of a presence channel here. */
  presenceMembers(channel: string): Map<string, unknown> {
    const members = this.membersByChannel.get(channel);
    return new Map([...(members ?? [])].map(([userId, entry]) => [userId, entry.userInfo]));
  }

  presenceChannels(): string[] {
    return [...this.membersByChannel.keys()];
  }
}
