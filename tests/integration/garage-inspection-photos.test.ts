import { encode } from "next-auth/jwt";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import * as photoRoute from "@/app/api/v1/bookings/[id]/inspection/items/[itemId]/photos/route";
import * as inspectionRoute from "@/app/api/v1/bookings/[id]/inspection/route";
import * as submitRoute from "@/app/api/v1/bookings/[id]/inspection/submit/route";
import * as photoItem from "@/app/api/v1/inspection-photos/[id]/route";
import { authOptions } from "@/lib/auth/next-auth";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ROLES } from "@/lib/identity/roles";
import { MAX_PHOTO_BYTES } from "@/lib/modules/garage/services/inspections";
import type { InspectionPhotoView, InspectionView } from "@/lib/modules/garage/views";
import type { GarageFixture } from "../support/garage-bookings";
import { garageCatalogue, inspectionSnapshot, inspectionTemplate, photoForm, testImage, workshopBooking } from "../support/garage-inspections";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";

let admin: TestUser;
let mechanic: TestUser;
let otherMechanic: TestUser;
let customer: TestUser;
let otherCustomer: TestUser;
let employee: TestUser;
let fixture: GarageFixture;
let png: Buffer;

beforeAll(async () => {
  [admin, mechanic, otherMechanic, customer, otherCustomer, employee] = await Promise.all([
    createUser("ADMIN"),
    createUser("MECHANIC"),
    createUser("MECHANIC", "Other mechanic"),
    createUser("CUSTOMER"),
    createUser("CUSTOMER", "Other customer"),
    createUser("EMPLOYEE"),
  ]);
  fixture = await garageCatalogue();
  png = await testImage("png");
});

async function unchanged<T>(request: () => Promise<T>): Promise<T> {
  const before = await inspectionSnapshot();
  const result = await request();
  expect(await inspectionSnapshot()).toEqual(before);
  return result;
}

async function draft() {
  const template = await inspectionTemplate(fixture);
  const booking = await workshopBooking(customer, fixture, { mechanic });
  const started = await call<InspectionView>(inspectionRoute.POST, { token: mechanic.token, params: { id: booking.id }, json: { templateId: template.id } });
  expect(started.status).toBe(201);
  return { booking, inspection: started.body, itemId: started.body.items[0]!.id };
}

const upload = (user: TestUser, bookingId: string, itemId: string, formData: FormData) =>
  call<InspectionPhotoView & { detail: unknown }>(photoRoute.POST, { token: user.token, params: { id: bookingId, itemId }, formData });

/** The image bytes as served (the handler called directly: call() reads bodies as text). */
async function fetchPhoto(user: TestUser, id: string, size?: string) {
  const path = `/api/v1/inspection-photos/${id}${size ? `?size=${size}` : ""}`;
  const response = await photoItem.GET(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${user.token}` } }), { params: Promise.resolve({ id }) });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe("inspection photos", () => {
  it("stores a photo by its bytes' type (PNG bytes named .jpg are a PNG) with a display copy at most 1280 px wide", async () => {
    const { booking, itemId } = await draft();
    const wide = await testImage("jpeg", 2400, 1200);
    const asPng = await upload(mechanic, booking.id, itemId, photoForm(png, "tyre.jpg", "image/jpeg"));
    expect(asPng.status, JSON.stringify(asPng.body)).toBe(201);
    expect(asPng.body).toMatchObject({ contentType: "image/png", width: 64, height: 48, sizeBytes: png.byteLength, url: `/api/v1/inspection-photos/${asPng.body.id}` });
    const big = await upload(mechanic, booking.id, itemId, photoForm(wide, "wide.jpeg"));
    expect(big.status).toBe(201);
    expect(big.body).toMatchObject({ contentType: "image/jpeg", width: 2400, height: 1200 });
    const webp = await upload(admin, booking.id, itemId, photoForm(await testImage("webp"), "pic.webp", "image/webp"));
    expect(webp.body.contentType).toBe("image/webp");

    const display = await fetchPhoto(customer, big.body.id);
    expect(display.response.status).toBe(200);
    expect(display.response.headers.get("content-type")).toBe("image/webp");
    expect(display.response.headers.get("cache-control")).toContain("private");
    expect(display.response.headers.get("x-content-type-options")).toBe("nosniff");
    const shown = await sharp(display.bytes).metadata();
    expect(shown.width).toBeLessThanOrEqual(1280);
    expect(shown.format).toBe("webp");
    const original = await fetchPhoto(mechanic, big.body.id, "original");
    expect(original.response.headers.get("content-type")).toBe("image/jpeg");
    expect(original.bytes.equals(wide)).toBe(true);

    const inspection = await call<InspectionView>(inspectionRoute.GET, { token: customer.token, params: { id: booking.id } });
    expect(inspection.body.items[0]!.photos.map((photo) => photo.id)).toEqual([asPng.body.id, big.body.id, webp.body.id]);
    // Documented: the image response passes the OpenAPI check too.
    expect((await call(photoItem.GET, { token: admin.token, params: { id: asPng.body.id }, path: `/api/v1/inspection-photos/${asPng.body.id}` })).status).toBe(200);
  });

  it("refuses by content: text named .png, a truncated image, no file, a JSON body", async () => {
    const { booking, itemId } = await draft();
    const text = new TextEncoder().encode("this is not an image at all");
    for (const form of [photoForm(text, "photo.png", "image/png"), photoForm(png.subarray(0, 40), "cut.png", "image/png"), photoForm(png, "x.png", "image/png", "other")]) {
      const response = await unchanged(() => upload(mechanic, booking.id, itemId, form));
      expect(response.status, JSON.stringify(response.body)).toBe(422);
    }
    const json = await unchanged(() => call(photoRoute.POST, { token: mechanic.token, params: { id: booking.id, itemId }, json: { photo: "x" } }));
    expect(json.status).toBe(415);
  });

  it("refuses a photo over 5 MB (413), by Content-Length before reading and by counting a body without one", async () => {
    const { booking, itemId } = await draft();
    const huge = new Uint8Array(MAX_PHOTO_BYTES + 1);
    huge.set(png.subarray(0, 16));
    const tooBig = await unchanged(() => upload(mechanic, booking.id, itemId, photoForm(huge, "huge.png", "image/png")));
    expect(tooBig.status).toBe(413);

    // A streamed body without Content-Length, far larger than the limit: refused once it passes it.
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        if (sent > 50 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request(`http://localhost/api/v1/bookings/${booking.id}/inspection/items/${itemId}/photos`, {
      method: "POST",
      headers: { authorization: `Bearer ${mechanic.token}`, "content-type": "multipart/form-data; boundary=xyz" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const response = await photoRoute.POST(request, { params: Promise.resolve({ id: booking.id, itemId }) });
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(10 * 1024 * 1024);
  });

  it("holds at most 5 photos per item (409 for the 6th)", async () => {
    const { booking, itemId } = await draft();
    for (let index = 0; index < 5; index++) expect((await upload(mechanic, booking.id, itemId, photoForm(png, `p${index}.png`))).status).toBe(201);
    expect((await unchanged(() => upload(mechanic, booking.id, itemId, photoForm(png, "p6.png")))).status).toBe(409);
  });

  it("refuses someone else's booking and the wrong roles, unknown items, and any upload after submitting", async () => {
    const { booking, inspection, itemId } = await draft();
    expect((await unchanged(() => upload(otherMechanic, booking.id, itemId, photoForm(png, "a.png")))).status).toBe(403);
    expect((await unchanged(() => upload(customer, booking.id, itemId, photoForm(png, "a.png")))).status).toBe(403);
    expect((await unchanged(() => upload(employee, booking.id, itemId, photoForm(png, "a.png")))).status).toBe(403);
    expect((await unchanged(() => upload(mechanic, booking.id, "00000000-0000-4000-8000-000000000000", photoForm(png, "a.png")))).status).toBe(404);
    expect((await unchanged(() => upload(mechanic, "00000000-0000-4000-8000-000000000000", itemId, photoForm(png, "a.png")))).status).toBe(404);
    const unassigned = await workshopBooking(customer, fixture, { status: "INSPECTING" });
    expect((await unchanged(() => upload(mechanic, unassigned.id, itemId, photoForm(png, "a.png")))).status).toBe(403);

    const kept = await upload(mechanic, booking.id, itemId, photoForm(png, "a.png"));
    await call(inspectionRoute.PATCH, { method: "PATCH", token: mechanic.token, params: { id: booking.id }, json: { items: inspection.items.map((item) => ({ id: item.id, rating: "OK" })) } });
    expect((await call(submitRoute.POST, { token: mechanic.token, params: { id: booking.id } })).status).toBe(200);
    expect((await unchanged(() => upload(mechanic, booking.id, itemId, photoForm(png, "late.png")))).status).toBe(409);
    expect((await unchanged(() => call(photoItem.DELETE, { method: "DELETE", token: admin.token, params: { id: kept.body.id } }))).status).toBe(409);
  });

  it("serves a photo to the booking's customer and staff only: another customer or an employee gets 404", async () => {
    const { booking, itemId } = await draft();
    const photo = await upload(mechanic, booking.id, itemId, photoForm(png, "a.png"));
    for (const user of [customer, mechanic, otherMechanic, admin]) expect((await fetchPhoto(user, photo.body.id)).response.status).toBe(200);
    for (const user of [otherCustomer, employee]) expect((await fetchPhoto(user, photo.body.id)).response.status).toBe(404);
    expect((await fetchPhoto(admin, "not-an-id")).response.status).toBe(404);
    expect((await fetchPhoto(admin, photo.body.id, "huge")).response.status).toBe(422);
    const anonymous = await photoItem.GET(new Request(`http://localhost/api/v1/inspection-photos/${photo.body.id}`), { params: Promise.resolve({ id: photo.body.id }) });
    expect(anonymous.status).toBe(401);
  });

  it("removes a photo before submitting: its uploader or an admin; others are refused and nothing changes", async () => {
    const { booking, itemId } = await draft();
    const first = await upload(mechanic, booking.id, itemId, photoForm(png, "a.png"));
    const second = await upload(admin, booking.id, itemId, photoForm(png, "b.png"));
    const remove = (user: TestUser, id: string) => call(photoItem.DELETE, { method: "DELETE", token: user.token, params: { id } });
    expect((await unchanged(() => remove(customer, first.body.id))).status).toBe(403);
    expect((await unchanged(() => remove(otherCustomer, first.body.id))).status).toBe(403);
    expect((await unchanged(() => remove(otherMechanic, first.body.id))).status).toBe(403);
    expect((await unchanged(() => remove(mechanic, second.body.id))).status).toBe(403);
    expect((await remove(mechanic, first.body.id)).status).toBe(204);
    expect((await remove(admin, second.body.id)).status).toBe(204);
    expect((await remove(admin, second.body.id)).status).toBe(404);
    expect(await db.inspectionPhoto.count({ where: { itemId } })).toBe(0);
  });

  it("backups carry the photos' bytes: bytea survives the JSON round trip the backup uses (row_to_json, then json_populate_recordset)", async () => {
    const { booking, itemId } = await draft();
    const photo = await upload(mechanic, booking.id, itemId, photoForm(png, "a.png"));
    const [row] = await db.$queryRawUnsafe<Array<{ row: string }>>(`SELECT row_to_json(t)::text AS row FROM inspection_photos AS t WHERE id = $1::uuid`, photo.body.id);
    const [restored] = await db.$queryRawUnsafe<Array<{ bytes: Uint8Array; display_bytes: Uint8Array }>>(
      `SELECT bytes, display_bytes FROM json_populate_recordset(NULL::inspection_photos, $1::json)`,
      `[${row!.row}]`,
    );
    const stored = await db.inspectionPhoto.findUniqueOrThrow({ where: { id: photo.body.id } });
    expect(Buffer.from(restored!.bytes).equals(png)).toBe(true);
    expect(Buffer.from(restored!.display_bytes).equals(Buffer.from(stored.displayBytes))).toBe(true);
  });
});

describe("races", () => {
  it("racing uploads never store a 6th photo, and racing starts make one inspection", async () => {
    const { booking, itemId } = await draft();
    const results = await Promise.all(Array.from({ length: 8 }, (_, index) => upload(mechanic, booking.id, itemId, photoForm(png, `r${index}.png`))));
    expect(results.filter((result) => result.status === 201)).toHaveLength(5);
    expect(results.filter((result) => result.status !== 201).map((result) => result.status)).toEqual([409, 409, 409]);
    expect(await db.inspectionPhoto.count({ where: { itemId } })).toBe(5);

    const template = await inspectionTemplate(fixture);
    const fresh = await workshopBooking(customer, fixture, { mechanic });
    const starts = await Promise.all([mechanic, admin, mechanic].map((user) => call(inspectionRoute.POST, { token: user.token, params: { id: fresh.id }, json: { templateId: template.id } })));
    expect(starts.map((result) => result.status).sort()).toEqual([201, 409, 409]);
    expect(await db.inspection.count({ where: { bookingId: fresh.id } })).toBe(1);
    expect(await db.bookingProgress.count({ where: { bookingId: fresh.id, toStatus: "INSPECTING" } })).toBe(1);
  });
});

describe("uploads with the browser session", () => {
  /** Signs in the way next-auth does (see browser-session.test.ts). */
  async function browserSignIn(user: TestUser): Promise<string> {
    const identity = { id: user.id, roleId: ROLES[user.role].id, name: "Test mechanic" };
    const token = await authOptions().callbacks!.jwt!({ token: { name: identity.name }, user: { ...identity, email: null }, account: null, trigger: "signIn" });
    return `next-auth.session-token=${await encode({ token, secret: env().secrets.nextAuth })}`;
  }

  it("are taken from this app's pages only: without Origin or from another site they are refused (403)", async () => {
    const { booking, itemId } = await draft();
    const cookie = await browserSignIn(mechanic);
    const send = (headers: Record<string, string>) =>
      call<{ contentType?: string }>(photoRoute.POST, { cookie, headers, params: { id: booking.id, itemId }, formData: photoForm(png, "a.png") });
    expect((await unchanged(() => send({}))).status).toBe(403);
    expect((await unchanged(() => send({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }))).status).toBe(403);
    const ok = await send({ origin: "http://localhost", "sec-fetch-site": "same-origin" });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
  });
});
