import { expect, test, type Browser, type Page } from "@playwright/test";
import { markPage, newCustomer, register, signIn, stillSamePage, waitLive } from "./support";



/** `YYYY-MM-DD`, `offset` days from today (UTC, as the server counts rental days). */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);


async function registeredCustomer(browser: Browser, name: string): Promise<{ page: Page; name: string }> {
  const customer = newCustomer(name, "renter");
  const page = await (await browser.newContext()).newPage();
  await register(page, customer);
  return { page, name: customer.name };
}

async function employeePage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "employee@wheelhouse.local");
  return page;
}

/** From the catalogue, filtered to the dates and city, to the vehicle's page with the dates carried over; a request follows. */
async function requestVehicle(page: Page, vehicle: string, city: string, from: number, to: number) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rentals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rent a vehicle" })).toBeVisible();
  await page.getByLabel("From").fill(day(from));
  await page.getByLabel("Until (return day)").fill(day(to));
  await page.getByLabel("City").selectOption(city);
  await page.getByRole("button", { name: "Show vehicles" }).click();
  await expect(page.getByTestId("vehicle-count")).toContainText(`free from ${day(from)} until ${day(to)}`);
  await page.getByRole("link", { name: vehicle }).click();
  await expect(page.getByRole("heading", { level: 1, name: vehicle })).toBeVisible();
  await expect(page.getByLabel("Pick-up day")).toHaveValue(day(from));
  await expect(page.getByLabel("Return day")).toHaveValue(day(to));
}

test.describe("vehicle rentals", () => {
  test.describe.configure({ timeout: 180_000 });

  test("a customer requests a vehicle, the employee's queue shows it live, approval reaches the customer's page without a reload", async ({ browser }) => {
    const employee = await employeePage(browser);
    await employee.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Requests" }).click();
    await expect(employee.getByRole("heading", { level: 1, name: "Rental requests" })).toBeVisible();
    await waitLive(employee, 15_000);
    await markPage(employee);

    const { page: customer, name } = await registeredCustomer(browser, "Rhea Renter");
    await requestVehicle(customer, "Tesla Model 3", "Capital City", 40, 43);
    // The live quote: 3 days × $79.00, before anything is sent.
    await expect(customer.getByTestId("price-quote")).toContainText("3 days × $79.00 = $237.00");
    await customer.getByLabel("Return day").fill(day(44));
    await expect(customer.getByTestId("quote-total")).toHaveText("$316.00");
    await customer.getByRole("button", { name: "Request this vehicle" }).click();

    await expect(customer).toHaveURL(/\/rentals\/mine$/);
    const rental = customer.getByTestId("my-rental").filter({ hasText: "Tesla Model 3" });
    await expect(rental.getByTestId("rental-status")).toHaveText("Pending");
    await expect(rental).toContainText("$316.00");
    await expect(rental.getByRole("list", { name: "Status history" })).toContainText(`Requested by ${name}`);
    await waitLive(customer, 15_000);
    await markPage(customer);

    // The employee's queue got the request live, then the employee approves it in place.
    const row = employee.getByTestId("queue-row").filter({ hasText: name });
    await expect(row).toContainText("Tesla Model 3", { timeout: 15_000 });
    await expect(row).toContainText(`${day(40)} → ${day(44)}`);
    expect(await stillSamePage(employee)).toBe(true);
    await row.getByRole("button", { name: `Approve ${name}'s request` }).click();
    await expect(row).toHaveCount(0);

    // The customer's page changes to Approved, without a reload, and a toast says so.
    await expect(rental.getByTestId("rental-status")).toHaveText("Approved", { timeout: 15_000 });
    await expect(rental.getByRole("list", { name: "Status history" })).toContainText("Approved by Emil Employee");
    await expect(customer.getByTestId("toast").filter({ hasText: "Your rental was approved" }).first()).toBeVisible({ timeout: 15_000 });
    expect(await stillSamePage(customer)).toBe(true);

    // An overlapping request by someone else cannot be approved: the error shows in place.
    const { page: other, name: otherName } = await registeredCustomer(browser, "Otto Overlap");
    // For an overlapping window the catalogue no longer offers the booked vehicle…
    await other.goto(`/rentals?city=Capital+City&availableFrom=${day(42)}&availableTo=${day(45)}`);
    await expect(other.getByTestId("vehicle-count")).toBeVisible();
    await expect(other.getByRole("link", { name: "Tesla Model 3" })).toHaveCount(0);
    // …but it can still be requested (only approval is exclusive), with a warning.
    await other.goto("/rentals?city=Capital+City");
    await other.getByRole("link", { name: "Tesla Model 3" }).click();
    await other.getByLabel("Pick-up day").fill(day(42));
    await other.getByLabel("Return day").fill(day(45));
    await expect(other.getByTestId("price-quote")).toContainText("overlap a confirmed booking");
    await other.getByRole("button", { name: "Request this vehicle" }).click();
    await expect(other).toHaveURL(/\/rentals\/mine$/);
    const otherRow = employee.getByTestId("queue-row").filter({ hasText: otherName });
    await expect(otherRow).toContainText("cannot be approved", { timeout: 15_000 });
    await otherRow.getByRole("button", { name: `Approve ${otherName}'s request` }).click();
    await expect(otherRow).toContainText("already booked for part of this period");
  });

  test("declining needs a reason; the customer sees it live; a customer cancels a pending request; the fleet board sets maintenance", async ({ browser }) => {
    const { page: customer, name } = await registeredCustomer(browser, "Dana Decline");
    await requestVehicle(customer, "Volvo XC90", "Capital City", 50, 52);
    await customer.getByRole("button", { name: "Request this vehicle" }).click();
    await expect(customer).toHaveURL(/\/rentals\/mine$/);
    await waitLive(customer, 15_000);
    await markPage(customer);
    const rental = customer.getByTestId("my-rental").filter({ hasText: "Volvo XC90" });

    const employee = await employeePage(browser);
    await employee.goto("/admin/rentals");
    const row = employee.getByTestId("queue-row").filter({ hasText: name });
    await row.getByRole("button", { name: `Decline ${name}'s request` }).click();
    await row.getByLabel(`Reason for ${name}`).fill("   ");
    await row.getByLabel(`Reason for ${name}`).evaluate((element) => element.removeAttribute("required"));
    await row.getByRole("button", { name: "Decline request" }).click();
    await expect(row).toContainText("Must not be empty");
    await row.getByLabel(`Reason for ${name}`).fill("The XC90 is at the body shop that week.");
    await row.getByRole("button", { name: "Decline request" }).click();
    await expect(row).toHaveCount(0);

    await expect(rental.getByTestId("rental-status")).toHaveText("Rejected", { timeout: 15_000 });
    await expect(rental).toContainText("The XC90 is at the body shop that week.");
    expect(await stillSamePage(customer)).toBe(true);

    await requestVehicle(customer, "Toyota RAV4", "Capital City", 60, 61);
    await customer.getByRole("button", { name: "Request this vehicle" }).click();
    const pending = customer.getByTestId("my-rental").filter({ hasText: "Toyota RAV4" }).filter({ has: customer.getByTestId("rental-status").filter({ hasText: "Pending" }) });
    await pending.getByRole("button", { name: "Cancel the rental of the Toyota RAV4" }).click();
    await pending.getByRole("button", { name: "Yes, cancel" }).click();
    await expect(customer.getByTestId("my-rental").filter({ hasText: "Toyota RAV4" }).getByTestId("rental-status")).toHaveText("Cancelled");

    await employee.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Fleet" }).click();
    const truck = employee.getByTestId("fleet-row").filter({ hasText: "WH-205" });
    await truck.getByLabel("Status of Iveco Daily Box WH-205", { exact: true }).selectOption("MAINTENANCE");
    await truck.getByRole("button", { name: "Set the status of Iveco Daily Box WH-205" }).click();
    await expect(truck.getByTestId("vehicle-status")).toHaveText("Maintenance");
    const rented = employee.getByTestId("fleet-row").filter({ hasText: "WH-104" });
    await expect(rented).toContainText("Out on a rental");
  });
});
