import { Repeater } from "graphql-yoga";
import { authenticate } from "../auth/authenticate";
import type { Principal } from "../auth/principal";
import { db } from "../db";
import type { Topic } from "../events/outbox";
import type { LoggedEvent } from "../events/types";
import { TooManyRequestsError } from "../errors";
import { requireScope } from "../rbac/permissions";
import type { Scope } from "../rbac/scopes";
import { mayListen } from "../realtime/authorize";
import { channelsFor } from "../realtime/routing";
import type { GraphQLContext } from "./builder";

/** How often a subscription looks for new entries of its topic in the event log. */
const POLL_INTERVAL_MS = 500;
/** How long a quiet subscription goes before the caller's credentials are checked again (they are before every delivery too). */
const RECHECK_INTERVAL_MS = 5_000;
const BATCH_SIZE = 100;
/** Open subscriptions one account may hold on this server process (each one polls the log). */
export const MAX_STREAMS_PER_ACCOUNT = 5;
const openStreams = new Map<string, number>();

/** The Pusher rule: an event reaches whoever may listen to one of the channels it is published on. */
export function hears(principal: Principal, event: LoggedEvent): boolean {
  return channelsFor(event).some((channel) => mayListen(principal, channel));
}

function pause(milliseconds: number, stopped: Promise<unknown>): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([new Promise((resolve) => (timer = setTimeout(resolve, milliseconds))), stopped]).finally(() => clearTimeout(timer));
}

/**
 * A topic's events from the moment of subscribing, as the event log receives them
 * (the drainer appends; this follows the log from its head at subscribe time), only
 * those the caller would hear on their live channels. The caller must hold `scope`;
 * they are authenticated again (and the scope checked) before each delivery and at
 * least every few seconds: a signed-out or revoked credential, a deleted account or
 * a lost scope ends the stream with that error (as a GraphQL error in the stream).
 */
export function liveEvents(context: GraphQLContext, topic: Topic, scope: Scope): AsyncIterable<LoggedEvent> {
  return new Repeater<LoggedEvent>(async (push, stop) => {
    const { request } = context;
    const aborted = new Promise((resolve) => request.signal.addEventListener("abort", resolve, { once: true }));
    const stopped = Promise.race([stop, aborted]);
    let finished = request.signal.aborted;
    void stopped.then(() => (finished = true));
    let principal = context.principal;
    try {
      await requireScope(principal, scope);
    } catch (error) {
      stop(error);
      return;
    }
    const account = principal.userId;
    const open = openStreams.get(account) ?? 0;
    if (open >= MAX_STREAMS_PER_ACCOUNT) {
      stop(new TooManyRequestsError(`At most ${MAX_STREAMS_PER_ACCOUNT} live subscriptions at a time: close one first.`, POLL_INTERVAL_MS / 1000));
      return;
    }
    openStreams.set(account, open + 1);
    try {
      let after = (await db.topicOffset.findUnique({ where: { topic } }))?.lastOffset ?? 0n;
      let checkedAt = Date.now();
      while (!finished) {
        const rows = await db.eventLogEntry.findMany({ where: { topic, offset: { gt: after } }, orderBy: { offset: "asc" }, take: BATCH_SIZE });
        if (rows.length > 0 || Date.now() - checkedAt >= RECHECK_INTERVAL_MS) {
          principal = await authenticate(request);
          await requireScope(principal, scope);
          checkedAt = Date.now();
        }
        for (const row of rows) {
          after = row.offset;
          const event: LoggedEvent = { ...row, topic };
          if (hears(principal, event)) await push(event);
        }
        if (rows.length < BATCH_SIZE) await pause(POLL_INTERVAL_MS, stopped);
      }
      stop();
    } catch (error) {
      stop(error);
    } finally {
      const remaining = (openStreams.get(account) ?? 1) - 1;
      if (remaining > 0) openStreams.set(account, remaining);
      else openStreams.delete(account);
    }
  });
}
