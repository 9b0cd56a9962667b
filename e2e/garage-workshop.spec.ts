import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type Locator, type Page } from "@playwright/test";
import sharp from "sharp";
import { apiToken, mainOf, markPage, newCustomer, signIn, stillSamePage, waitLive } from "./support";

/**
 * Garage II, the workshop floor, end to end: a booking set up through the REST API (customer, car, booking,
 * assignment, check-in), then the mechanic, the customer and the admin each in their own browser context,
 * every page that should change live checked for having changed without a reload.
 */

const ADMIN = "admin@wheelhouse.local";
const MECHANIC = "mechanic@wheelhouse.local";
const TEMPLATE = "Standard multi-point check";
/** The checklist item flagged in the inspection and the service it recommends. */
const FLAGGED_ITEM = "Front brake pads";
const RECOMMENDED_SERVICE = "Front brake pads";

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function json<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>, status: number): Promise<T> {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
  return (await response.json()) as T;
}

/** `YYYY-MM-DD`, `offset` days from today (UTC, the shop's default time zone). */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

interface Workshop {
  bookingId: string;
  plate: string;
  customer: ReturnType<typeof newCustomer>;
  customerToken: string;
  adminToken: string;
  mechanicToken: string;
  /** The booking's shop day, `YYYY-MM-DD`. */
  date: string;
  assignmentId: string;
}

/**
 * A new customer with a Honda City, booked for the nearest free slot (engine oil change), assigned to the demo
 * mechanic and checked in by them: everything through the REST API, as the apps beside the browser would.
 */
async function checkedInBooking(request: APIRequestContext, name: string): Promise<Workshop> {
  const customer = newCustomer(name, "workshop");
  await json(await request.post("/api/v1/customers/", { data: customer }), 201);
  const [customerToken, adminToken, mechanicToken] = [
    await apiToken(request, customer.email, customer.password),
    await apiToken(request, ADMIN),
    await apiToken(request, MECHANIC),
  ];

  const models = await json<Array<{ id: string; make: string; model: string }>>(await request.get("/api/v1/car-models?limit=100", { headers: bearer(customerToken) }), 200);
  const city = models.find((model) => `${model.make} ${model.model}` === "Honda City") ?? models[0]!;
  const plate = `KA 05 ${customer.phone.slice(-6)}`;
  const car = await json<{ id: string }>(await request.post("/api/v1/customer-cars", { headers: bearer(customerToken), data: { carModelId: city.id, plate } }), 201);

  const services = await json<Array<{ id: string; name: string; labourMinutes: number }>>(await request.get("/api/v1/services?limit=100", { headers: bearer(customerToken) }), 200);
  const oil = services.find((service) => service.name === "Engine oil change")!;
  expect(oil, "the demo catalogue has an engine oil change").toBeTruthy();

  // The nearest open day with a free slot (today's may be over already).
  let slot: { start: string; end: string } | undefined;
  let date = "";
  for (let offset = 0; offset < 14 && !slot; offset++) {
    date = day(offset);
    const slots = await json<Array<{ start: string; end: string; freeBays: number }>>(
      await request.get(`/api/v1/garage/slots?date=${date}&minutes=${oil.labourMinutes}`, { headers: bearer(customerToken) }),
      200,
    );
    slot = slots.find((candidate) => candidate.freeBays > 0);
  }
  expect(slot, "a free slot within two weeks").toBeTruthy();
  const booking = await json<{ id: string; status: string }>(
    await request.post("/api/v1/bookings", { headers: bearer(customerToken), data: { carId: car.id, slotStart: slot!.start, serviceIds: [oil.id] } }),
    201,
  );
  expect(booking.status).toBe("BOOKED");

  // The admin assigns it to the demo mechanic: the slot's span, or the next free half hour that day (the demo
  // mechanic may hold other jobs; an overlapping span is a 409 by the exclusion constraint).
  const mechanic = await json<{ id: string }>(await request.get("/api/v1/users/me", { headers: bearer(mechanicToken) }), 200);
  let assignmentId = "";
  const spanMinutes = oil.labourMinutes;
  for (let start = new Date(slot!.start).getTime(), tries = 0; !assignmentId && tries < 40; start += 30 * 60_000, tries++) {
    const startsAt = new Date(start);
    const endsAt = new Date(start + spanMinutes * 60_000);
    if (endsAt.toISOString().slice(0, 10) !== date) break;
    const assigned = await request.post("/api/v1/assignments", {
      headers: bearer(adminToken),
      data: { bookingId: booking.id, mechanicId: mechanic.id, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
    });
    if (assigned.status() === 409) continue;
    assignmentId = (await json<{ id: string }>(assigned, 201)).id;
  }
  expect(assignmentId, "the demo mechanic is free for some span of that day").not.toBe("");

  // The mechanic checks the car in, reading the odometer.
  const checkedIn = await json<{ status: string }>(
    await request.post(`/api/v1/bookings/${booking.id}/status`, { headers: bearer(mechanicToken), data: { status: "CHECKED_IN", odometerKm: 42_180 } }),
    200,
  );
  expect(checkedIn.status).toBe("CHECKED_IN");
  return { bookingId: booking.id, plate, customer, customerToken, adminToken, mechanicToken, date, assignmentId };
}

/** A signed-in page in a context of its own (each person has their own cookies). */
async function personPage(browser: Browser, username: string, password?: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  await signIn(page, username, password);
  return page;
}

/** A small generated PNG photo: a grey card with a darker band, as a phone camera would not take it. */
async function photoPng(): Promise<Buffer> {
  const band = Buffer.from('<svg width="320" height="240"><rect x="0" y="100" width="320" height="40" fill="rgb(60,60,60)"/></svg>');
  return sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 150, g: 150, b: 160 } } })
    .composite([{ input: band }])
    .png()
    .toBuffer();
}

const boardCard = (page: Page, status: string, bookingId: string): Locator =>
  page.locator(`[data-testid="board-column"][data-status="${status}"] [data-testid="board-card"][data-booking-id="${bookingId}"]`);

/** One checklist item's card on the inspection form. */
const itemCard = (page: Page, label: string): Locator => mainOf(page).locator("article").filter({ has: page.getByRole("heading", { name: new RegExp(`^\\d+\\. ${label}$`) }) });

/** Rates an item on the inspection form (the segmented buttons are the radios' labels) and saves it. */
async function rateItem(card: Locator, rating: "OK" | "Needs attention" | "Critical", extra?: (card: Locator) => Promise<void>) {
  await card.locator("label").filter({ hasText: new RegExp(`^${rating}$`) }).click();
  await expect(card.getByRole("radio", { name: rating, exact: true })).toBeChecked();
  if (extra) await extra(card);
  await card.getByRole("button", { name: "Save item" }).click();
  await expect(card.getByText("Saved.")).toBeVisible({ timeout: 20_000 });
}

test.describe("garage workshop", () => {
  test.describe.configure({ timeout: 300_000 });

  test("the mechanic submits an inspection with a photo and a recommendation; the customer approves it live; the admin's dashboard and the mechanic's board follow without reloading", async ({ browser, request }) => {
    const workshop = await checkedInBooking(request, "Cora Customer");
    const { bookingId, plate } = workshop;

    // The customer has the booking page open before anything is inspected.
    const customer = await personPage(browser, workshop.customer.email, workshop.customer.password, { width: 390, height: 844 });
    await customer.goto(`/garage/bookings/${bookingId}`);
    await expect(customer.getByTestId("booking-page")).toBeVisible();
    await expect(customer.getByTestId("booking-steps").locator('[aria-current="step"]')).toContainText("Checked in");
    await expect(customer.getByTestId("recommendation")).toHaveCount(0);
    await waitLive(customer);
    await markPage(customer);

    // The admin's garage dashboard, open before the decision.
    const admin = await personPage(browser, ADMIN);
    await admin.goto("/admin/garage/dashboard");
    await expect(admin.getByRole("heading", { level: 1, name: "Garage dashboard" })).toBeVisible();
    const approvalRate = admin.getByTestId("stat-approval-rate");
    await expect(approvalRate).toBeVisible();
    await waitLive(admin);
    const rateBefore = (await approvalRate.textContent())?.trim() ?? "";
    await markPage(admin);

    // The mechanic's job board on a second page: the card waits in "Checked in".
    const mechanic = await personPage(browser, MECHANIC);
    const board = await mechanic.context().newPage();
    await board.goto("/admin/garage/board");
    await expect(boardCard(board, "CHECKED_IN", bookingId)).toBeVisible();
    await expect(boardCard(board, "CHECKED_IN", bookingId)).toContainText(plate);
    await waitLive(board);
    await markPage(board);

    // The inspection form: started from the demo checklist.
    await mechanic.goto(`/admin/garage/bookings/${bookingId}/inspection`);
    await expect(mainOf(mechanic).getByRole("heading", { level: 1, name: `Inspection · ${plate}` })).toBeVisible();
    await mechanic.getByLabel("Checklist").selectOption({ label: (await mechanic.locator("#templateId option", { hasText: TEMPLATE }).first().textContent()) ?? TEMPLATE });
    await mechanic.getByRole("button", { name: "Start the inspection" }).click();
    const cards = mainOf(mechanic).locator("article");
    await expect(cards.first()).toBeVisible({ timeout: 20_000 });
    const labels = (await cards.getByRole("heading").allTextContents()).map((text) => text.replace(/^\d+\.\s*/, ""));
    expect(labels).toContain(FLAGGED_ITEM);

    // The flagged item: needs attention, a note, a measurement, the service to recommend, and a photo.
    await rateItem(itemCard(mechanic, FLAGGED_ITEM), "Needs attention", async (card) => {
      await card.getByLabel("Note for the customer").fill("Pads worn to 20 %: replace them this visit.");
      await card.getByLabel(/^Measurement/).fill("20");
      await card.getByLabel("Recommend when flagged").selectOption({ label: RECOMMENDED_SERVICE });
    });
    const flagged = itemCard(mechanic, FLAGGED_ITEM);
    await flagged.locator('input[type="file"]').setInputFiles({ name: "brake-pads.png", mimeType: "image/png", buffer: await photoPng() });
    await expect(flagged.getByRole("img", { name: `Photo of ${FLAGGED_ITEM}` })).toBeVisible({ timeout: 20_000 });

    // Every other item is OK.
    for (const label of labels.filter((label) => label !== FLAGGED_ITEM)) await rateItem(itemCard(mechanic, label), "OK");
    await expect(mechanic.getByRole("button", { name: "Submit the inspection" })).toBeVisible({ timeout: 20_000 });
    await mechanic.getByRole("button", { name: "Submit the inspection" }).click();
    // The form locks (its submit button and its outcome message go with it) and the booking awaits approval.
    await expect(mainOf(mechanic).getByText(`${TEMPLATE} · started by`)).toContainText("· submitted", { timeout: 20_000 });
    await expect(mainOf(mechanic).getByRole("button", { name: "Save item" })).toHaveCount(0);
    await expect(mainOf(mechanic).getByRole("heading", { level: 1 }).locator("..")).toContainText("Awaiting approval");

    // The customer's open page shows the recommendation, with a toast and the bell.
    const recommendation = customer.getByTestId("recommendation").filter({ hasText: RECOMMENDED_SERVICE });
    await expect(recommendation).toBeVisible({ timeout: 20_000 });
    await expect(recommendation).toHaveAttribute("data-status", "PENDING");
    await expect(recommendation).toContainText("Pads worn to 20 %");
    await expect(customer.getByTestId("booking-steps").locator('[aria-current="step"]')).toContainText("Awaiting approval");
    await expect(customer.getByTestId("toast").filter({ hasText: "work awaits your approval" }).first()).toBeVisible({ timeout: 20_000 });
    const bell = customer.getByTestId("notification-bell");
    await expect(bell).toHaveAccessibleName(/Notifications, \d+ unread/);
    await bell.click();
    await expect(customer.getByRole("region", { name: "Notifications" }).getByTestId("notification-item").filter({ hasText: "work awaits your approval" })).toHaveCount(1);
    await customer.keyboard.press("Escape");
    expect(await stillSamePage(customer)).toBe(true);

    // The customer approves it on the page; it becomes booked work and the job goes on.
    await recommendation.getByRole("button", { name: `Approve ${RECOMMENDED_SERVICE}` }).click();
    await expect(recommendation).toHaveAttribute("data-status", "APPROVED", { timeout: 20_000 });
    await expect(customer.getByTestId("approval-history")).toContainText(`Approved ${RECOMMENDED_SERVICE}`);
    await expect(customer.getByTestId("booking-steps").locator('[aria-current="step"]')).toContainText("In progress");
    expect(await stillSamePage(customer)).toBe(true);

    // The admin's dashboard counts the approval; the mechanic's board moved the card to "In progress".
    await expect(approvalRate).not.toHaveText(rateBefore, { timeout: 20_000 });
    await expect(approvalRate).toHaveText(/^\d+ %$/);
    expect(await stillSamePage(admin)).toBe(true);
    await expect(boardCard(board, "IN_PROGRESS", bookingId)).toBeVisible({ timeout: 20_000 });
    await expect(boardCard(board, "IN_PROGRESS", bookingId).getByTestId("card-approval")).toContainText("1 approved");
    expect(await stillSamePage(board)).toBe(true);

    // The inspection's results on the customer's page carry the photo (its name says which item it shows).
    await expect(mainOf(customer).getByRole("img", { name: new RegExp(FLAGGED_ITEM) }).first()).toBeVisible({ timeout: 20_000 });
    expect(await stillSamePage(customer)).toBe(true);

    for (const page of [customer, admin, mechanic]) await page.context().close();
  });

  test("the board moves a job through quality check to ready, which issues the invoice; the desk takes a partial payment; the customer sees the balance and prints the invoice", async ({ browser, request }) => {
    const workshop = await checkedInBooking(request, "Ivan Invoice");
    const { bookingId, plate, mechanicToken } = workshop;
    // Inspected with nothing to flag, through the API: the booking goes straight to the booked work.
    const templates = await json<Array<{ id: string; name: string }>>(await request.get("/api/v1/inspection-templates?active=true&limit=100", { headers: bearer(mechanicToken) }), 200);
    const template = templates.find((candidate) => candidate.name === TEMPLATE)!;
    const inspection = await json<{ items: Array<{ id: string }> }>(
      await request.post(`/api/v1/bookings/${bookingId}/inspection`, { headers: bearer(mechanicToken), data: { templateId: template.id } }),
      201,
    );
    await json(
      await request.patch(`/api/v1/bookings/${bookingId}/inspection`, { headers: bearer(mechanicToken), data: { items: inspection.items.map((item) => ({ id: item.id, rating: "OK" })) } }),
      200,
    );
    await json(await request.post(`/api/v1/bookings/${bookingId}/inspection/submit`, { headers: bearer(mechanicToken) }), 200);

    // The mechanic's board: by button to quality check, back to work by dragging, then on to ready by button.
    const mechanic = await personPage(browser, MECHANIC);
    await mechanic.goto("/admin/garage/board");
    await expect(boardCard(mechanic, "IN_PROGRESS", bookingId)).toBeVisible();
    await waitLive(mechanic);
    await boardCard(mechanic, "IN_PROGRESS", bookingId).getByRole("button", { name: `Move ${plate} to Quality check` }).click();
    await expect(boardCard(mechanic, "QUALITY_CHECK", bookingId)).toBeVisible({ timeout: 20_000 });
    await boardCard(mechanic, "QUALITY_CHECK", bookingId).dragTo(mechanic.locator('[data-testid="board-column"][data-status="IN_PROGRESS"]'));
    await expect(boardCard(mechanic, "IN_PROGRESS", bookingId)).toBeVisible({ timeout: 20_000 });
    await boardCard(mechanic, "IN_PROGRESS", bookingId).getByRole("button", { name: `Move ${plate} to Quality check` }).click();
    await expect(boardCard(mechanic, "QUALITY_CHECK", bookingId)).toBeVisible({ timeout: 20_000 });
    await boardCard(mechanic, "QUALITY_CHECK", bookingId).getByRole("button", { name: `Move ${plate} to Ready` }).click();
    await expect(boardCard(mechanic, "READY", bookingId)).toBeVisible({ timeout: 20_000 });

    // READY issued the invoice: the customer's invoice list has it, with the whole amount due.
    const customer = await personPage(browser, workshop.customer.email, workshop.customer.password, { width: 390, height: 844 });
    await customer.goto("/garage/invoices");
    const invoiceLink = mainOf(customer).locator('a[href^="/garage/invoices/"]').first();
    await expect(invoiceLink).toBeVisible({ timeout: 20_000 });
    const number = ((await invoiceLink.textContent()) ?? "").trim();
    expect(number).not.toBe("");
    await invoiceLink.click();
    await expect(customer).toHaveURL(/\/garage\/invoices\/[^/]+$/);
    const balance = customer.getByTestId("balance-due");
    await expect(balance).toBeVisible();
    const total = ((await balance.textContent()) ?? "").trim();
    await waitLive(customer);
    await markPage(customer);

    // The desk records a partial payment of 500.00.
    const admin = await personPage(browser, ADMIN);
    await admin.goto("/admin/garage/invoices");
    const row = admin.getByTestId("admin-invoice").filter({ hasText: number });
    await expect(row).toBeVisible();
    await row.getByText("Payment or credit note").click();
    const payment = row.getByRole("form", { name: `Record a payment for ${number}` });
    await payment.getByLabel(/^Amount/).fill("500");
    await payment.getByLabel("Method").selectOption("CASH");
    await payment.getByLabel("Reference").fill("desk receipt 1");
    await payment.getByRole("button", { name: "Record payment" }).click();
    await expect(row.getByTestId("invoice-balance")).not.toHaveText(total, { timeout: 20_000 });

    // The customer's invoice shows the payment and the smaller balance, live.
    await expect(customer.getByTestId("invoice-payment")).toHaveCount(1, { timeout: 20_000 });
    await expect(balance).not.toHaveText(total);
    expect(await stillSamePage(customer)).toBe(true);

    // Printed: the document alone, without the app's header, navigation and print button.
    await customer.emulateMedia({ media: "print" });
    await expect(customer.locator("[data-print-document]")).toBeVisible();
    await expect(customer.getByRole("banner")).toBeHidden();
    await expect(customer.locator("nav:visible")).toHaveCount(0);
    await expect(customer.getByRole("button", { name: "Print invoice" })).toBeHidden();
    // Paper has every column, even printed from a phone; the phone's screen leaves out price and rate.
    await expect(customer.getByRole("columnheader", { name: "Price" }).first()).toBeVisible();
    await customer.emulateMedia({ media: "screen" });
    await expect(customer.getByRole("button", { name: "Print invoice" })).toBeVisible();
    await expect(customer.getByRole("columnheader", { name: "Price" }).first()).toBeHidden();

    for (const page of [mechanic, customer, admin]) await page.context().close();
  });

  test("the mechanic accepts, starts and finishes a job on My jobs", async ({ browser, request }) => {
    const workshop = await checkedInBooking(request, "Jon Jobs");
    const mechanic = await personPage(browser, MECHANIC, undefined, { width: 390, height: 844 });
    await mechanic.goto(`/admin/garage/jobs?date=${workshop.date}`);
    const job = mechanic.locator(`[data-testid="job"][data-assignment-id="${workshop.assignmentId}"]`);
    await expect(job).toContainText(workshop.plate);
    await expect(job).toContainText("Assigned");
    for (const [step, after] of [
      ["Accept", "Accepted"],
      ["Start", "Started"],
      ["Finish", "Finished"],
    ] as const) {
      await job.getByRole("button", { name: `${step} the job on ${workshop.plate}` }).click();
      await expect(job).toContainText(after, { timeout: 20_000 });
    }
    await expect(job.getByRole("button")).toHaveCount(0);
    const mine = await json<Array<{ id: string; status: string }>>(await request.get(`/api/v1/assignments/mine?date=${workshop.date}`, { headers: bearer(workshop.mechanicToken) }), 200);
    expect(mine.find((assignment) => assignment.id === workshop.assignmentId)?.status).toBe("FINISHED");
    await mechanic.context().close();
  });

  test("the mechanic's inspection form on a phone: no axe violations in either theme, no sideways scroll, 44 px targets", async ({ browser, request }) => {
    const workshop = await checkedInBooking(request, "Pia Phone");
    const { bookingId, mechanicToken } = workshop;
    const templates = await json<Array<{ id: string; name: string }>>(await request.get("/api/v1/inspection-templates?active=true&limit=100", { headers: bearer(mechanicToken) }), 200);
    const template = templates.find((candidate) => candidate.name === TEMPLATE)!;
    const inspection = await json<{ items: Array<{ id: string; label: string }> }>(
      await request.post(`/api/v1/bookings/${bookingId}/inspection`, { headers: bearer(mechanicToken), data: { templateId: template.id } }),
      201,
    );
    const flagged = inspection.items.find((item) => item.label === FLAGGED_ITEM)!;
    await json(
      await request.patch(`/api/v1/bookings/${bookingId}/inspection`, { headers: bearer(mechanicToken), data: { items: [{ id: flagged.id, rating: "ATTENTION", note: "Worn." }] } }),
      200,
    );
    const upload = await request.post(`/api/v1/bookings/${bookingId}/inspection/items/${flagged.id}/photos`, {
      headers: bearer(mechanicToken),
      multipart: { photo: { name: "pads.png", mimeType: "image/png", buffer: await photoPng() } },
    });
    expect(upload.status(), await upload.text()).toBe(201);

    const mechanic = await personPage(browser, MECHANIC, undefined, { width: 360, height: 780 });
    for (const theme of ["light", "dark"] as const) {
      await mechanic.emulateMedia({ colorScheme: theme });
      await mechanic.goto(`/admin/garage/bookings/${bookingId}/inspection`);
      await expect(mainOf(mechanic).locator("article")).toHaveCount(inspection.items.length);
      await expect(itemCard(mechanic, FLAGGED_ITEM).getByRole("img", { name: `Photo of ${FLAGGED_ITEM}` })).toBeVisible();
      if (theme === "dark") await expect(mechanic.locator("html")).toHaveClass(/\bdark\b/);
      const results = await new AxeBuilder({ page: mechanic }).setLegacyMode(true).options({ resultTypes: ["violations"] }).analyze();
      expect.soft(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`), `axe, ${theme}`).toEqual([]);
      const { scrollWidth, innerWidth } = await mechanic.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect.soft(scrollWidth, `sideways scroll, ${theme}`).toBeLessThanOrEqual(innerWidth);
    }
    // The targets a gloved finger uses: ratings, fields, save, photo, submit.
    const card = itemCard(mechanic, FLAGGED_ITEM);
    const targets = [
      ...(await card.locator("label:has(input[type=radio])").all()),
      card.getByLabel("Note for the customer"),
      card.getByLabel("Recommend when flagged"),
      card.getByRole("button", { name: "Save item" }),
      card.getByRole("button", { name: "Remove" }),
      card.locator("label:has(input[type=file])"),
      mechanic.getByRole("button", { name: /^Submit/ }),
    ];
    for (const target of targets) {
      const box = await target.boundingBox();
      expect.soft(box?.height ?? 0, `${String(target)} is at least 44 px tall`).toBeGreaterThanOrEqual(44);
    }
    await mechanic.context().close();
  });

  test("the floor's pages with work on them: no axe violations in either theme (board, My jobs, planner, dashboard, invoices, the customer's booking page)", async ({ browser, request }) => {
    test.setTimeout(300_000);
    // A booking awaiting the customer's decision on flagged work with a photo, and one more merely booked that day.
    const workshop = await checkedInBooking(request, "Ada Audit");
    const { bookingId, mechanicToken } = workshop;
    const templates = await json<Array<{ id: string; name: string }>>(await request.get("/api/v1/inspection-templates?active=true&limit=100", { headers: bearer(mechanicToken) }), 200);
    const template = templates.find((candidate) => candidate.name === TEMPLATE)!;
    const inspection = await json<{ items: Array<{ id: string; label: string }> }>(
      await request.post(`/api/v1/bookings/${bookingId}/inspection`, { headers: bearer(mechanicToken), data: { templateId: template.id } }),
      201,
    );
    await json(
      await request.patch(`/api/v1/bookings/${bookingId}/inspection`, {
        headers: bearer(mechanicToken),
        data: { items: inspection.items.map((item) => ({ id: item.id, rating: item.label === FLAGGED_ITEM ? "ATTENTION" : "OK", ...(item.label === FLAGGED_ITEM ? { note: "Worn." } : {}) })) },
      }),
      200,
    );
    const flagged = inspection.items.find((item) => item.label === FLAGGED_ITEM)!;
    const upload = await request.post(`/api/v1/bookings/${bookingId}/inspection/items/${flagged.id}/photos`, {
      headers: bearer(mechanicToken),
      multipart: { photo: { name: "pads.png", mimeType: "image/png", buffer: await photoPng() } },
    });
    expect(upload.status(), await upload.text()).toBe(201);
    await json(await request.post(`/api/v1/bookings/${bookingId}/inspection/submit`, { headers: bearer(mechanicToken) }), 200);

    const audits: Array<{ who: string; password?: string; viewport: { width: number; height: number }; paths: string[] }> = [
      { who: MECHANIC, viewport: { width: 1280, height: 800 }, paths: ["/admin/garage/board", `/admin/garage/jobs?date=${workshop.date}`] },
      { who: MECHANIC, viewport: { width: 360, height: 780 }, paths: [`/admin/garage/jobs?date=${workshop.date}`] },
      { who: ADMIN, viewport: { width: 1280, height: 800 }, paths: ["/admin/garage/board", `/admin/garage/planner?date=${workshop.date}`, "/admin/garage/dashboard", "/admin/garage/invoices"] },
      { who: workshop.customer.email, password: workshop.customer.password, viewport: { width: 360, height: 780 }, paths: [`/garage/bookings/${bookingId}`] },
    ];
    for (const { who, password, viewport, paths } of audits) {
      const page = await personPage(browser, who, password, viewport);
      for (const theme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: theme });
        for (const path of paths) {
          await test.step(`${path} as ${who} at ${viewport.width} px, ${theme}`, async () => {
            await page.goto(path);
            await expect(mainOf(page).getByRole("heading", { level: 1 })).toBeVisible();
            await expect(page.locator('div[hidden][id^="S:"]')).toHaveCount(0);
            if (theme === "dark") await expect(page.locator("html")).toHaveClass(/\bdark\b/);
            const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ["violations"] }).analyze();
            const found = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(" | ")}`);
            expect.soft(found, `axe on ${path} (${theme}, ${viewport.width} px)`).toEqual([]);
            const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
            expect.soft(scrollWidth, `${path} scrolls sideways (${theme}, ${viewport.width} px)`).toBeLessThanOrEqual(innerWidth);
          });
        }
      }
      await page.context().close();
    }
  });
});
