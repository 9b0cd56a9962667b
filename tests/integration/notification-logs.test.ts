import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as announcements from "@/app/api/v1/notification-logs/announcements/route";
import * as logs from "@/app/api/v1/notification-logs/route";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { runEventPipeline } from "@/lib/events/scheduler";
import { ANNOUNCEMENT_BATCH_SIZE } from "@/lib/notifications/announcements";
import type { NotificationLogView } from "@/lib/notifications/logs";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";

interface Mail {
  to: string[];
  text: string;
}

/** A local SMTP sink: keeps what it receives, or refuses every recipient. */
async function startSink(refuse = false): Promise<{ url: string; mails: Mail[]; close: () => Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse) return callback(Object.assign(new Error("mailbox unavailable"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), text: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function useSmtp(url: string | undefined): void {
  if (url) process.env.SMTP_URL = url;
  else delete process.env.SMTP_URL;
  resetEnvCache();
}

/** Runs the event pipeline (drain, consumers, and the notification consumer's after-commit e-mails). */
async function deliver(): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const result = await runEventPipeline();
    if (result.drained.appended === 0) return;
  }
}

const listLogs = (admin: TestUser, query: Record<string, string>) =>
  call<NotificationLogView[]>(logs.GET, { token: admin.token, path: `/api/v1/notification-logs?${new URLSearchParams(query).toString()}` });

describe("notification logs", () => {
  let admin: TestUser;

  beforeAll(async () => {
    admin = await createUser("ADMIN");
    await deliver();
  });

  afterEach(() => useSmtp(undefined));
  afterAll(() => useSmtp(undefined));

  async function announce(audience: string, title: string) {
    const response = await call<{ id: string; recipients: number; batches: number }>(announcements.POST, {
      token: admin.token,
      json: { title, body: `${title}: the body`, link: "/dashboard", audience },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    await deliver();
    return response.body;
  }

  it("records an in-app (SENT) and an e-mail delivered through SMTP (SENT), and the mail arrives", async () => {
    const sink = await startSink();
    try {
      useSmtp(sink.url);
      const mechanic = await createUser("MECHANIC");
      await announce("MECHANIC", "Workshop closed Friday");
      const inApp = await listLogs(admin, { recipient: mechanic.id, channel: "IN_APP", template: "announcement.sent" });
      expect(inApp.status).toBe(200);
      expect(inApp.body).toEqual([expect.objectContaining({ recipientId: mechanic.id, recipient: mechanic.id, status: "SENT", error: null })]);
      expect(inApp.headers.get("x-total-count")).toBe("1");
      const email = await listLogs(admin, { recipient: mechanic.email, channel: "EMAIL" });
      expect(email.body).toEqual([expect.objectContaining({ recipientId: mechanic.id, recipient: mechanic.email, status: "SENT", template: "announcement.sent" })]);
      const mail = sink.mails.find((entry) => entry.to.includes(mechanic.email));
      expect(mail?.text).toContain("Subject: Workshop closed Friday");
      expect(mail?.text).toContain("Workshop closed Friday: the body");
      expect(await db.notification.count({ where: { userId: mechanic.id, type: "announcement.sent" } })).toBe(1);
    } finally {
      await sink.close();
    }
  });

  it("records FAILED with the server's error when the SMTP server refuses, and the in-app notification still arrives", async () => {
    const sink = await startSink(true);
    try {
      useSmtp(sink.url);
      const employee = await createUser("EMPLOYEE");
      await announce("EMPLOYEE", "Refused by the sink");
      const email = await listLogs(admin, { recipient: employee.email, status: "FAILED" });
      expect(email.body).toHaveLength(1);
      expect(email.body[0]!.error).toMatch(/mailbox unavailable|550/);
      expect((await listLogs(admin, { recipient: employee.id, channel: "IN_APP" })).body[0]).toMatchObject({ status: "SENT" });
    } finally {
      await sink.close();
    }
  });

  it("writes the e-mail to the log (LOGGED) without SMTP_URL", async () => {
    useSmtp(undefined);
    const employee = await createUser("EMPLOYEE");
    await announce("EMPLOYEE", "Only to the log");
    const email = await listLogs(admin, { recipient: employee.email });
    expect(email.body).toEqual([expect.objectContaining({ channel: "EMAIL", status: "LOGGED", error: null })]);
  });

  it("records notifications from the rules too (an account created by an admin), and only in-app for types that do not e-mail", async () => {
    const customer = await createUser("CUSTOMER");
    await db.$transaction(async (tx) => {
      await tx.outboxEvent.create({ data: { topic: "user_events", key: customer.id, type: "user.created", payload: {}, actor: admin.id } });
      await tx.outboxEvent.create({ data: { topic: "user_events", key: customer.id, type: "user.registered", payload: {}, actor: customer.id } });
    });
    await deliver();
    const entries = (await listLogs(admin, { recipient: customer.id })).body;
    expect(entries.map((entry) => `${entry.template} ${entry.channel} ${entry.status}`).sort()).toEqual([
      "user.created EMAIL LOGGED",
      "user.created IN_APP SENT",
      "user.registered IN_APP SENT",
    ]);
  });

  it("sends an announcement to everyone in batches of events, one notification per user, no duplicates on redelivery", async () => {
    // Enough customers for more than one batch (ids far above what the id sequence hands out in a test run).
    const role = await db.role.findUniqueOrThrow({ where: { name: "CUSTOMER" } });
    await db.user.createMany({
      data: Array.from({ length: ANNOUNCEMENT_BATCH_SIZE + 50 }, (_, index) => ({
        id: `CST${String(900_000 + index)}`,
        name: `Audience ${index}`,
        phone: `+1555${String(7_000_000 + index)}`,
        email: `audience-${index}@example.test`,
        passwordHash: "not-a-hash",
        roleId: role.id,
      })),
    });
    const users = await db.user.count();
    expect(users).toBeGreaterThan(ANNOUNCEMENT_BATCH_SIZE);
    const result = await announce("ALL", "Everyone hears this");
    expect(result.recipients).toBe(users);
    expect(result.batches).toBe(Math.ceil(users / ANNOUNCEMENT_BATCH_SIZE));
    expect(await db.notification.count({ where: { title: "Everyone hears this" } })).toBe(users);
    const inApp = await listLogs(admin, { template: "announcement.sent", channel: "IN_APP", limit: "1" });
    expect(Number(inApp.headers.get("x-total-count"))).toBeGreaterThanOrEqual(users);
    await deliver();
    expect(await db.notification.count({ where: { title: "Everyone hears this" } })).toBe(users);
    expect(await db.auditLog.count({ where: { action: "announcement_sent", subject: result.id } })).toBe(1);
    await db.user.deleteMany({ where: { name: { startsWith: "Audience " }, email: { endsWith: "@example.test" }, passwordHash: "not-a-hash" } });
  });

  it("filters by time and pages", async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await listLogs(admin, { from: future })).body).toEqual([]);
    const page = await listLogs(admin, { limit: "2", offset: "1" });
    expect(page.body).toHaveLength(2);
    expect(Number(page.headers.get("x-total-count"))).toBeGreaterThan(2);
  });

  it("answers 401 without a token, 403 for other roles and a revoked token, 422 for malformed input, and sends nothing", async () => {
    const revoked = await createUser("ADMIN");
    await call(logout, { method: "POST", token: revoked.token });
    const others = await Promise.all((["CUSTOMER", "EMPLOYEE", "MECHANIC"] as const).map((role) => createUser(role)));
    const valid = { title: "Nope", body: "Nope", audience: "ALL" };
    const before = await db.outboxEvent.count({ where: { type: "announcement.sent" } });

    expect((await call(logs.GET, {})).status).toBe(401);
    expect((await call(announcements.POST, { json: valid })).status).toBe(401);
    expect((await call(logs.GET, { token: revoked.token })).status).toBe(403);
    expect((await call(announcements.POST, { token: revoked.token, json: valid })).status).toBe(403);
    for (const other of others) {
      expect((await call(logs.GET, { token: other.token })).status, other.role).toBe(403);
      expect((await call(announcements.POST, { token: other.token, json: valid })).status, other.role).toBe(403);
      expect((await call(announcements.POST, { token: other.token, json: { audience: "nobody" } })).status, other.role).toBe(403);
    }
    for (const json of [
      {},
      { ...valid, audience: "SOME" },
      { ...valid, title: "" },
      { ...valid, title: "x".repeat(121) },
      { ...valid, link: "https://evil.example" },
      { ...valid, link: "//evil.example" },
      { ...valid, extra: 1 },
      [],
      null,
    ]) {
      expect((await call(announcements.POST, { token: admin.token, json })).status, JSON.stringify(json)).toBe(422);
    }
    expect((await call(announcements.POST, { token: admin.token, rawBody: "{not json" })).status).toBe(422);
    // A page on another site can post text/plain or a form without asking first: never accepted as JSON.
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const sent = await call(announcements.POST, { token: admin.token, rawBody: JSON.stringify(valid), headers: { "content-type": contentType } });
      expect(sent.status, contentType).toBe(415);
    }
    const badQueries: Array<Record<string, string>> = [
      { channel: "SMS" },
      { status: "sent" },
      { from: "yesterday" },
      { limit: "0" },
      { unknown: "1" },
      { from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" },
      // Instants JavaScript can hold but the database cannot, or no log can have.
      { from: "9999-12-31T23:59:59Z" },
      { to: "+275760-09-13T00:00:00Z" },
      { from: "-271821-04-20T00:00:00Z" },
      { from: "2026-01-01" },
    ];
    for (const query of badQueries) {
      expect((await listLogs(admin, query)).status, JSON.stringify(query)).toBe(422);
    }
    expect(await db.outboxEvent.count({ where: { type: "announcement.sent" } })).toBe(before);
  });
});
