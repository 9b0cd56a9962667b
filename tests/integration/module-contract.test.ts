import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as customer from "@/app/api/v1/customers/[id]/route";
import * as events from "@/app/api/v1/events/route";
import { authenticate } from "@/lib/auth/authenticate";
import { db } from "@/lib/db";
import { drainOutbox } from "@/lib/events/drainer";
import { transaction } from "@/lib/events/transaction";
import { allTopics } from "@/lib/events/topics";
import type { LoggedEvent } from "@/lib/events/types";
import { installTestModule } from "@/lib/modules/registry";
import { allScopes, defaultRoleScopes } from "@/lib/rbac/catalogue";
import { syncPermissions } from "@/lib/rbac/permissions";
import { channelsFor } from "@/lib/realtime/routing";
import { liveVocabulary } from "@/lib/realtime/vocabulary";
import { dashboardPages, modulesFor, shellNavigation } from "@/lib/ui/navigation";
import { fixtureModule, lendWidget, WIDGET_TOPIC, widgetHolders } from "../support/fixture-module";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";

/**
 * Adding a module is a folder and one registry line: a fixture module, installed only
 * for this run, gets everything the platform gives a module without any platform file
 * naming it.
 */

let admin: TestUser;
let borrower: TestUser;
let mechanic: TestUser;

async function principalOf(user: TestUser) {
  return authenticate(new Request("http://localhost/api/v1/users/me", { headers: { authorization: `Bearer ${user.token}` } }));
}

beforeAll(async () => {
  installTestModule(fixtureModule);
  await syncPermissions(db);
  [admin, borrower, mechanic] = await Promise.all([createUser("ADMIN"), createUser("CUSTOMER"), createUser("MECHANIC")]);
});

afterAll(async () => {
  // Other files run without the fixture: leave no scope of it behind.
  await db.rolePermission.deleteMany({ where: { permission: { resource: "WIDGETS" } } });
  await db.permission.deleteMany({ where: { resource: "WIDGETS" } });
});

describe("a module registered only in the test run", () => {
  it("gets its scopes in the role matrix: every action for admins, its grants for the roles it names", async () => {
    expect(allScopes()).toEqual(expect.arrayContaining(["READ:WIDGETS", "WRITE:WIDGETS", "UPDATE:WIDGETS", "DELETE:WIDGETS"]));
    expect(defaultRoleScopes("CUSTOMER")).toEqual(expect.arrayContaining(["READ:WIDGETS", "WRITE:WIDGETS"]));
    expect(defaultRoleScopes("MECHANIC")).not.toContain("READ:WIDGETS");
    expect((await principalOf(borrower)).scopes.has("READ:WIDGETS" as never)).toBe(true);
    expect((await principalOf(admin)).scopes.has("DELETE:WIDGETS" as never)).toBe(true);
    expect((await principalOf(mechanic)).scopes.has("READ:WIDGETS" as never)).toBe(false);
  });

  it("gets its navigation entry and its dashboard card, for those whose scopes open it", async () => {
    expect(shellNavigation(await principalOf(borrower))).toContainEqual({ href: "/widgets", label: "Widgets" });
    expect(shellNavigation(await principalOf(mechanic))).not.toContainEqual({ href: "/widgets", label: "Widgets" });
    expect(modulesFor(await principalOf(borrower)).map((card) => card.title)).toContain("Widgets");
    expect(dashboardPages(await principalOf(borrower)).map((page) => page.href)).not.toContain("/widgets");
  });

  it("gets its topic: its events are recorded, drained into the log and readable from the event log API", async () => {
    expect(allTopics()).toContain(WIDGET_TOPIC);
    await transaction((tx) => lendWidget(tx, borrower.id));
    await drainOutbox(db, { maxBatches: 1000 });
    const response = await call<{ events: Array<{ type: string; key: string }> }>(events.GET, {
      token: admin.token,
      path: `/api/v1/events?topic=${WIDGET_TOPIC}&key=${borrower.id}`,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.events.map((event) => event.type)).toEqual(["widget.lent"]);
  });

  it("gets its live audience and its browser vocabulary", async () => {
    const logged = await db.eventLogEntry.findFirstOrThrow({ where: { topic: WIDGET_TOPIC, key: borrower.id } });
    const event: LoggedEvent = { ...logged, topic: WIDGET_TOPIC };
    expect(channelsFor(event).sort()).toEqual(["private-role-admin", "private-role-mechanic", `private-user-${borrower.id}`].sort());
    const vocabulary = liveVocabulary();
    expect(vocabulary.topics).toContain(WIDGET_TOPIC);
    expect(vocabulary.queryKeys[WIDGET_TOPIC]).toEqual([["widgets"]]);
    expect(vocabulary.userEventText["widget.lent"]?.title).toBe("Widget lent");
  });

  it("gets its deletion guard: an account holding a widget cannot be deleted (409, nothing changes), and can once it is returned", async () => {
    expect(widgetHolders.has(borrower.id)).toBe(true);
    const refused = await call<{ detail: string }>(customer.DELETE, { method: "DELETE", token: admin.token, params: { id: borrower.id } });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain("a widget on loan");
    expect(await db.user.findUnique({ where: { id: borrower.id } })).not.toBeNull();

    widgetHolders.delete(borrower.id);
    const deleted = await call(customer.DELETE, { method: "DELETE", token: admin.token, params: { id: borrower.id } });
    expect(deleted.status).toBe(204);
    expect(await db.user.findUnique({ where: { id: borrower.id } })).toBeNull();
  });
});
