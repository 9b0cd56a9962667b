import type { Channel } from "pusher-js";
import { describe, expect, it } from "vitest";
import * as backupRestore from "@/app/api/v1/backups/[id]/restore/route";
import * as backups from "@/app/api/v1/backups/route";
import * as announcements from "@/app/api/v1/notification-logs/announcements/route";
import { runEventPipeline } from "@/lib/events/scheduler";
import { nextEvent, subscribed, withTimeout } from "@/realtime/testing/clients";
import { call } from "../support/http";
import { createUser } from "../support/identity";
import { channelServerForThisFile } from "../support/realtime";

/** What reaches browsers: announcements (notification.created) and the reload after a restore, through the bundled channel server. */

const { browserLikeClient } = channelServerForThisFile();

describe("live: announcements and restores", () => {
  it("an announcement arrives live on each recipient's own channel", async () => {
    const admin = await createUser("ADMIN");
    const mechanic = await createUser("MECHANIC");
    const client = await browserLikeClient(mechanic);
    const { channel } = await withTimeout(subscribed(client, `private-user-${mechanic.id}`), "own channel");
    const arrived = nextEvent<{ type: string }>(channel as Channel, "notification.created", 10_000);
    const sent = await call(announcements.POST, { token: admin.token, json: { title: "Live hello", body: "Hello, mechanics", audience: "MECHANIC" } });
    expect(sent.status).toBe(201);
    await runEventPipeline();
    expect(await arrived).toMatchObject({ type: "announcement.sent" });
  });

  it("after a restore every signed-in browser hears platform.data_restored on its role's channel", async () => {
    const admin = await createUser("ADMIN");
    const customer = await createUser("CUSTOMER");
    const backup = await call<{ id: string }>(backups.POST, { method: "POST", token: admin.token });
    expect(backup.status).toBe(201);
    const client = await browserLikeClient(customer);
    const { channel } = await withTimeout(subscribed(client, "private-role-customer"), "role channel");
    const reload = nextEvent<{ type: string; payload: { backupId: string } }>(channel as Channel, "platform.data_restored", 10_000);
    expect((await call(backupRestore.POST, { method: "POST", token: admin.token, params: { id: backup.body.id } })).status).toBe(200);
    await runEventPipeline();
    expect(await reload).toMatchObject({ type: "platform.data_restored", payload: { backupId: backup.body.id } });
  });
});
