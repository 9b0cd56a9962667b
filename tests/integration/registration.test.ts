import { describe, expect, it } from "vitest";
import { POST as registerRoute } from "@/app/api/v1/customers/route";
import { db } from "@/lib/db";
import { call } from "../support/http";
import { databaseSnapshot, PASSWORD, registerCustomer, uniqueContact } from "../support/identity";

describe("POST /customers/ (public registration)", () => {
  it("creates a customer with a public id and 50 credits, never returning the hash", async () => {
    const response = await registerCustomer({ name: "  Nora Newcomer  " });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ name: "Nora Newcomer", role: "CUSTOMER", roleId: 3, credits: 50 });
    expect(response.body.id).toMatch(/^CST\d{6}$/);
    expect(Object.keys(response.body)).not.toContain("passwordHash");
    expect(JSON.stringify(response.body)).not.toContain("$2");
    const event = await db.outboxEvent.findFirst({ where: { topic: "user_events", key: String(response.body.id) } });
    expect(event).toMatchObject({ type: "user.registered" });
  });

  it("ignores any role the body asks for", async () => {
    const response = await registerCustomer({ role: "ADMIN", role_id: 1, roleId: 1, parkingCredits: 10_000, credits: 10_000 });
    expect(response.status).toBe(201);
    const user = await db.user.findUniqueOrThrow({ where: { id: String(response.body.id) } });
    expect(user.roleId).toBe(3);
    expect(user.credits).toBe(50);
  });

  it("stores the email lower-cased and the phone without punctuation", async () => {
    const contact = uniqueContact();
    const response = await registerCustomer({ email: contact.email.toUpperCase(), phone: `${contact.phone.slice(0, 5)} ${contact.phone.slice(5)}` });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ email: contact.email, phone: contact.phone });
  });

  it("answers 409 for a taken phone or email and creates nothing", async () => {
    const first = await registerCustomer();
    const before = await databaseSnapshot();
    const sameEmail = await registerCustomer({ email: String(first.body.email).toUpperCase() });
    const samePhone = await registerCustomer({ phone: first.body.phone });
    expect(sameEmail.status).toBe(409);
    expect(sameEmail.body).toEqual({ detail: "A user with this email already exists." });
    expect(samePhone.status).toBe(409);
    expect(samePhone.body).toEqual({ detail: "A user with this phone number already exists." });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("answers 422 naming every invalid field and creates nothing", async () => {
    const before = await databaseSnapshot();
    const invalid = await call<{ detail: Array<{ loc: string[] }> }>(registerRoute, {
      path: "/api/v1/customers/",
      json: { name: "", phone: "call me", email: "not-an-email", password: "short" },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.detail.map((error) => error.loc.join(".")).sort()).toEqual([
      "body.email",
      "body.name",
      "body.password",
      "body.phone",
    ]);
    for (const rawBody of ["{not json", "[]", "null", '"string"']) {
      const response = await call(registerRoute, { path: "/api/v1/customers/", method: "POST", rawBody });
      expect(response.status, rawBody).toBe(422);
    }
    const tooLong = await registerCustomer({ password: "é".repeat(40) });
    expect(tooLong.status).toBe(422);
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("gives concurrent registrations distinct, consecutive ids", async () => {
    const responses = await Promise.all(Array.from({ length: 10 }, () => registerCustomer({ password: PASSWORD })));
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
    const numbers = responses.map((response) => Number(String(response.body.id).slice(3))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(10);
    expect(numbers.at(-1)! - numbers[0]!).toBe(9);
  });
});
