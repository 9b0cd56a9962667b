import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3471";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const context = await browser.newContext({ baseURL: base, viewport: { width: 360, height: 780 } });
const page = await context.newPage();
await page.goto("/login");
await page.getByLabel("Phone or email").fill(process.argv[2] ?? "admin@wheelhouse.local");
await page.getByLabel("Password", { exact: true }).fill("wheelhouse-demo");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(/dashboard/, { timeout: 30000 });
for (const path of process.argv.slice(3)) {
  await page.goto(path);
  await page.locator("h1").first().waitFor();
  const result = await page.evaluate(() => {
    const width = window.innerWidth;
    const rows = [];
    for (const element of Array.from(document.querySelectorAll("*"))) {
      const box = element.getBoundingClientRect();
      if (box.right > width + 0.5 || element.scrollWidth > width + 0.5) {
        const cs = getComputedStyle(element);
        rows.push(`${element.tagName.toLowerCase()}.${String(element.className).slice(0, 80)} right=${Math.round(box.right)} w=${Math.round(box.width)} sw=${element.scrollWidth} ox=${cs.overflowX} pos=${cs.position}`);
      }
    }
    return [document.documentElement.scrollWidth, rows.slice(0, 25)];
  });
  console.log(path, JSON.stringify(result, null, 1));
}
await browser.close();
