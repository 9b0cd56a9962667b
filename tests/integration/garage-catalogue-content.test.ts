import { beforeAll, describe, expect, it } from "vitest";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import * as contentCollection from "@/app/api/v1/content/route";
import * as contentItem from "@/app/api/v1/content/[slug]/route";
import * as favouriteCollection from "@/app/api/v1/favourites/route";
import * as favouriteItem from "@/app/api/v1/favourites/[serviceId]/route";
import { db } from "@/lib/db";
import type { RoleName } from "@/lib/identity/roles";
import { renderMarkdown } from "@/lib/modules/garage/services/content";
import type { ContentPageView, FavouriteView } from "@/lib/modules/garage/views";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { eventsFor, garageSnapshot, newService, withQuery } from "../support/garage-catalogue";

const ROLES: RoleName[] = ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"];
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
let users: Record<RoleName, TestUser>;
const admin = () => users.ADMIN.token;

beforeAll(async () => {
  users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await createUser(role)] as const))) as Record<RoleName, TestUser>;
});

type Detail = { detail: unknown };
type FieldErrors = { detail: Array<{ loc: Array<string | number>; msg: string }> };
const fieldsOf = (body: unknown) => (body as FieldErrors).detail.map((error) => error.loc.slice(1).join("."));

describe("content pages", () => {
  it("anyone reads them, signed out too, with the Markdown rendered; unknown slugs are 404", async () => {
    const list = await call<ContentPageView[]>(contentCollection.GET, { path: "/api/v1/content" });
    expect(list.status).toBe(200);
    expect(list.body.map((page) => page.slug)).toEqual(["about", "faq", "opening-hours", "terms"]);
    expect(list.headers.get("X-Total-Count")).toBe("4");
    const page = await call<ContentPageView>(contentItem.GET, { params: { slug: "faq" } });
    expect(page.status).toBe(200);
    expect(page.body.html).toBe(renderMarkdown(page.body.body));
    expect(page.body.html).toContain("<h1>");
    for (const role of ROLES) expect((await call(contentItem.GET, { token: users[role].token, params: { slug: "about" } })).status, role).toBe(200);
    for (const slug of ["nope", "About", "../about", ""]) {
      const missing = await call<Detail>(contentItem.GET, { params: { slug } });
      expect(missing.status, slug).toBe(404);
      expect(missing.body).toEqual({ detail: "Page not found." });
    }
    expect((await call(contentCollection.GET, { path: "/api/v1/content?limit=1" })).status).toBe(422);
  });

  it("a revoked or garbage token is refused even for a public page", async () => {
    const revoked = await createUser("CUSTOMER");
    await call(logout, { method: "POST", token: revoked.token });
    const refused = await call<Detail>(contentItem.GET, { token: revoked.token, params: { slug: "about" } });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ detail: "Token has been revoked." });
    expect((await call(contentItem.GET, { token: "garbage", params: { slug: "about" } })).status).toBe(401);
    expect((await call(contentCollection.GET, { token: "garbage", path: "/api/v1/content" })).status).toBe(401);
  });

  it("only admins edit a page (content.updated event); others 403, bad input 422, nothing changed", async () => {
    const original = await db.contentPage.findUniqueOrThrow({ where: { slug: "terms" } });
    const before = await garageSnapshot();
    for (const role of ["MECHANIC", "CUSTOMER", "EMPLOYEE"] as const) {
      expect((await call(contentItem.PATCH, { method: "PATCH", token: users[role].token, params: { slug: "terms" }, json: { title: "Hacked" } })).status, role).toBe(403);
    }
    expect((await call(contentItem.PATCH, { method: "PATCH", params: { slug: "terms" }, json: { title: "Hacked" } })).status).toBe(401);
    const tooLong = await call(contentItem.PATCH, { method: "PATCH", token: admin(), params: { slug: "terms" }, json: { body: "x".repeat(20001), title: "" } });
    expect(tooLong.status).toBe(422);
    expect(fieldsOf(tooLong.body).sort()).toEqual(["body", "title"]);
    expect((await call(contentItem.PATCH, { method: "PATCH", token: admin(), params: { slug: "terms" }, json: {} })).status).toBe(422);
    expect((await call(contentItem.PATCH, { method: "PATCH", token: admin(), params: { slug: "privacy" }, json: { title: "New" } })).status).toBe(404);
    expect(await garageSnapshot()).toEqual(before);

    const body = "# Terms\n\nLine one\r\nwith **bold** and [a link](https://example.test).";
    const updated = await call<ContentPageView>(contentItem.PATCH, { method: "PATCH", token: admin(), params: { slug: "terms" }, json: { body } });
    expect(updated.status).toBe(200);
    expect(updated.body.body).toBe(body.replace("\r\n", "\n"));
    expect(updated.body.html).toContain('<a href="https://example.test">a link</a>');
    expect((await eventsFor("terms")).at(-1)).toMatchObject({ topic: "content_events", type: "content.updated", payload: updated.body, actor: users.ADMIN.id });
    expect((await db.contentPage.findUniqueOrThrow({ where: { slug: "terms" } })).updatedById).toBe(users.ADMIN.id);
    await db.contentPage.update({ where: { slug: "terms" }, data: { title: original.title, body: original.body, updatedById: null } });
  });

  it("never lets scripts, event handlers, javascript: links or raw HTML blocks through", async () => {
    const hostile = [
      "<script>alert(1)</script>",
      '<img src="x" onerror="alert(1)">',
      "[click](javascript:alert(1))",
      "[click](JaVaScRiPt:alert(1))",
      "![pic](javascript:alert(1))",
      "<javascript:alert(1)>",
      '<div onclick="alert(1)">block</div>',
      "<iframe src=\"https://evil.test\"></iframe>",
      "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    ].join("\n\n");
    const updated = await call<ContentPageView>(contentItem.PATCH, { method: "PATCH", token: admin(), params: { slug: "faq" }, json: { body: hostile } });
    expect(updated.status).toBe(200);
    for (const html of [updated.body.html, renderMarkdown(hostile)]) {
      expect(html).not.toMatch(/<script|<iframe|<div|onerror="|onclick="|href="javascript:|src="javascript:|href="data:|src="x"/i);
      expect(html).toContain('<img src="" alt="pic" />');
      expect(html).toContain("&lt;script&gt;");
    }
    const read = await call<ContentPageView>(contentItem.GET, { params: { slug: "faq" } });
    expect(read.body.html).toBe(updated.body.html);
  });
});

describe("favourites (own)", () => {
  it("stars a service once (201), again answers the same row (200) without a second event", async () => {
    const service = await newService(admin());
    const customer = await createUser("CUSTOMER");
    const first = await call<FavouriteView>(favouriteCollection.POST, { token: customer.token, json: { serviceId: service.id } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ ownerId: customer.id, serviceId: service.id, service: { id: service.id, name: service.name, currency: "INR" } });
    const again = await call<FavouriteView>(favouriteCollection.POST, { token: customer.token, json: { serviceId: service.id } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const events = await eventsFor(`${customer.id}:${service.id}`);
    expect(events).toEqual([{ topic: "cart_events", type: "favourite.added", payload: first.body, actor: customer.id }]);
    const list = await call<FavouriteView[]>(favouriteCollection.GET, { token: customer.token });
    expect(list.body).toEqual([first.body]);
    expect(list.headers.get("X-Total-Count")).toBe("1");
  });

  it("lists only the caller's own; a customer naming another is 404; admins and mechanics read anyone's", async () => {
    const service = await newService(admin());
    const owner = await createUser("CUSTOMER");
    const other = await createUser("CUSTOMER");
    const starred = await call<FavouriteView>(favouriteCollection.POST, { token: owner.token, json: { serviceId: service.id } });
    expect((await call<FavouriteView[]>(favouriteCollection.GET, { token: other.token })).body).toEqual([]);
    const refused = await call<Detail>(favouriteCollection.GET, { token: other.token, path: withQuery("/api/v1/favourites", { customerId: owner.id }) });
    expect(refused.status).toBe(404);
    for (const role of ["ADMIN", "MECHANIC"] as const) {
      const list = await call<FavouriteView[]>(favouriteCollection.GET, { token: users[role].token, path: withQuery("/api/v1/favourites", { customerId: owner.id }) });
      expect(list.body, role).toEqual([starred.body]);
    }
    expect((await call(favouriteCollection.GET, { token: users.EMPLOYEE.token })).status).toBe(403);
    expect((await call(favouriteCollection.GET, { token: admin(), path: withQuery("/api/v1/favourites", { customerId: "nobody" }) })).status).toBe(422);
    const removedByOther = await call(favouriteItem.DELETE, { method: "DELETE", token: other.token, params: { serviceId: service.id } });
    expect(removedByOther.status).toBe(404);
    expect(await db.favourite.count({ where: { ownerId: owner.id } })).toBe(1);
  });

  it("mechanics and employees cannot star or unstar (403); bad ids are 422/404; nothing changes", async () => {
    const service = await newService(admin());
    const inactive = await newService(admin(), { active: false });
    const customer = await createUser("CUSTOMER");
    const before = await garageSnapshot();
    for (const role of ["MECHANIC", "EMPLOYEE"] as const) {
      expect((await call(favouriteCollection.POST, { token: users[role].token, json: { serviceId: service.id } })).status, role).toBe(403);
      expect((await call(favouriteItem.DELETE, { method: "DELETE", token: users[role].token, params: { serviceId: service.id } })).status, role).toBe(403);
    }
    const malformed = await call(favouriteCollection.POST, { token: customer.token, json: { serviceId: "nope" } });
    expect(malformed.status).toBe(422);
    expect(fieldsOf(malformed.body)).toEqual(["serviceId"]);
    for (const serviceId of [UNKNOWN_ID, inactive.id]) {
      expect((await call(favouriteCollection.POST, { token: customer.token, json: { serviceId } })).status).toBe(404);
    }
    for (const serviceId of [UNKNOWN_ID, "nope", service.id]) {
      expect((await call(favouriteItem.DELETE, { method: "DELETE", token: customer.token, params: { serviceId } })).status).toBe(404);
    }
    expect((await call(favouriteCollection.POST, { json: { serviceId: service.id } })).status).toBe(401);
    expect(await garageSnapshot()).toEqual(before);
  });

  it("unstars with a favourite.removed event carrying the owner", async () => {
    const service = await newService(admin());
    const customer = await createUser("CUSTOMER");
    await call(favouriteCollection.POST, { token: customer.token, json: { serviceId: service.id } });
    const removed = await call(favouriteItem.DELETE, { method: "DELETE", token: customer.token, params: { serviceId: service.id } });
    expect(removed.status).toBe(204);
    expect((await eventsFor(`${customer.id}:${service.id}`)).map((event) => [event.type, (event.payload as { ownerId: string }).ownerId])).toEqual([
      ["favourite.added", customer.id],
      ["favourite.removed", customer.id],
    ]);
    expect((await call<FavouriteView[]>(favouriteCollection.GET, { token: customer.token })).body).toEqual([]);
  });
});
