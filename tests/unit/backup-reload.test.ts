import { describe, expect, it } from "vitest";
import { ROLE_NAMES } from "@/lib/identity/roles";
import { roleChannel } from "@/lib/realtime/channels";
import { channelsFor, DATA_RESTORED_EVENT } from "@/lib/realtime/routing";
import { DATA_RESTORED, parseLiveMessage, requiresReload } from "@/lib/ui/live-events";

const event = { id: 7n, topic: "user_events" as const, offset: 3n, key: "ADM000001", actor: "ADM000001", schemaVersion: 1, occurredAt: new Date(), payload: {} };
const json = { id: "7", topic: "user_events", offset: 3, key: "ADM000001", actor: "ADM000001", schemaVersion: 1, occurredAt: "2026-12-02T00:00:00.000Z", payload: {} };

describe("after a backup restore", () => {
  it("the server and the browser spell the event alike", () => {
    expect(DATA_RESTORED).toBe(DATA_RESTORED_EVENT);
  });

  it("every role's channel hears it (every signed-in browser listens on its role's)", () => {
    const channels = channelsFor({ ...event, type: DATA_RESTORED_EVENT });
    for (const role of ROLE_NAMES) expect(channels).toContain(roleChannel(role));
    expect(channelsFor({ ...event, type: "user.updated" })).not.toContain(roleChannel("CUSTOMER"));
  });

  it("makes the browser reload, and no other event does", () => {
    const vocabulary = { topics: ["user_events"] };
    const restored = parseLiveMessage(DATA_RESTORED, { ...json, type: DATA_RESTORED }, "role", vocabulary);
    const other = parseLiveMessage("user.updated", { ...json, type: "user.updated" }, "role", vocabulary);
    expect(restored && requiresReload(restored)).toBe(true);
    expect(other && requiresReload(other)).toBe(false);
  });
});
