import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3300";
const [who, theme, width, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const context = await browser.newContext({ viewport: { width: Number(width), height: 900 }, colorScheme: theme });
const page = await context.newPage();
page.on("pageerror", (e) => console.log("pageerror", e.message));
if (who !== "anon") {
  await page.goto(`${base}/login`);
  await page.getByLabel("Phone or email").fill(`${who}@wheelhouse.local`);
  await page.getByLabel("Password", { exact: true }).fill("wheelhouse-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/dashboard/);
}
for (const path of paths) {
  const response = await page.goto(`${base}${path}`);
  await page.waitForTimeout(800);
  const name = `${who}-${theme}-${width}${path.replace(/[/?=&]/g, "_")}.png`;
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  await page.screenshot({ path: `/work/shots/${name}`, fullPage: true });
  console.log(response?.status(), overflow ? "OVERFLOW" : "", name);
}
await browser.close();
