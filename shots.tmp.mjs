import { chromium } from "@playwright/test";
const base = process.env.BASE ?? "http://127.0.0.1:3471";
const out = "/tmp/shell-scratch/shots";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"] });
async function ctxFor(user) {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Phone or email").fill(user);
  await page.getByLabel("Password", { exact: true }).fill("wheelhouse-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/dashboard/, { timeout: 30000 });
  await page.close();
  return context;
}
const admin = await ctxFor("admin@wheelhouse.local");
const customer = await ctxFor("resident@wheelhouse.local");
for (const theme of ["light", "dark"]) {
  for (const [ctx, who, path] of [[admin, "admin", "/admin/garage/car-models"], [customer, "customer", "/rentals"]]) {
    for (const vp of [{ width: 1280, height: 800 }, { width: 360, height: 780 }]) {
      const page = await ctx.newPage();
      await page.addInitScript((t) => localStorage.setItem("theme", t), theme);
      await page.setViewportSize(vp);
      await page.goto(path);
      await page.locator("h1").first().waitFor();
      await page.screenshot({ path: `${out}/${who}-${vp.width}-${theme}.png` });
      if (who === "admin" && vp.width === 360) {
        await page.getByRole("button", { name: "Open menu" }).click();
        await page.waitForTimeout(400);
        await page.screenshot({ path: `${out}/${who}-${vp.width}-${theme}-drawer.png` });
      }
      const sw = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
      console.log(who, vp.width, theme, sw);
      await page.close();
    }
  }
}
await browser.close();
