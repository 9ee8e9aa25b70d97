import { chromium } from "@playwright/test";
const base = "http://localhost:3300";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run","--disable-quic"] });
async function shoot(email, pages, viewport, tag) {
  const ctx = await browser.newContext({ viewport });
  const page = await ctx.newPage();
  if (email) {
    const r = await page.request.post(base + "/api/auth/login", { data: { email, password: "Quantract-demo-1" } });
    if (r.status() !== 200) console.log("login failed", email, r.status());
  }
  for (const p of pages) {
    await page.goto(base + p);
    await page.waitForTimeout(300);
    const name = `/tmp/shots/${tag}${p.replace(/\//g, "_") || "_root"}.png`;
    await page.screenshot({ path: name, fullPage: true });
    console.log(name);
  }
  await ctx.close();
}
await shoot(null, ["/login"], { width: 1440, height: 900 }, "d");
await shoot("admin@sparkright.test", ["/admin", "/admin/settings/company"], { width: 1440, height: 900 }, "d");
await shoot("admin@sparkright.test", ["/admin"], { width: 390, height: 844 }, "m");
await shoot("engineer@sparkright.test", ["/engineer"], { width: 390, height: 844 }, "m");
await shoot("client@sparkright.test", ["/client"], { width: 390, height: 844 }, "m");
await shoot("operator@quantract.test", ["/platform"], { width: 1440, height: 900 }, "d");
await browser.close();
