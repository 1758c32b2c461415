// Drives Chromium through a journeygen site and prints what a user would notice, as JSON:
// node check.mjs SITE_DIR SHOTS_DIR  ->  {pages: {...}, requestsOutside: [...], consoleErrors: [...], ...}
import { chromium } from "playwright-core";
import path from "node:path";
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const [site, shots] = process.argv.slice(2);
const root = pathToFileURL(path.resolve(site) + "/").href;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
const result = { consoleErrors: [], requestsOutside: [], failedRequests: [], visited: [], brokenLinks: [] };
page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") result.consoleErrors.push(`${page.url()}: ${m.text()}`); });
page.on("pageerror", (e) => result.consoleErrors.push(`${page.url()}: ${e.message}`));
page.on("request", (r) => { if (!r.url().startsWith(root) && !r.url().startsWith("data:")) result.requestsOutside.push(r.url()); });
page.on("requestfailed", (r) => result.failedRequests.push(r.url()));

// Every page reachable from the index: each link must resolve to a file of the site.
const queue = [root + "index.html"], seen = new Set();
while (queue.length) {
  const url = queue.shift();
  if (seen.has(url)) continue;
  seen.add(url);
  if (!url.startsWith(root) || !existsSync(fileURLToPath(url))) { result.brokenLinks.push(url); continue; }
  if (!url.endsWith(".html")) { result.visited.push(url.slice(root.length)); continue; }
  const response = await page.goto(url);
  if (!response || !response.ok()) { result.brokenLinks.push(url); continue; }
  result.visited.push(url.slice(root.length));
  await page.waitForLoadState("load");
  const images = await page.$$eval("img", (imgs) => imgs.filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.src));
  result.brokenLinks.push(...images);
  for (const href of await page.$$eval("a[href]", (as) => as.map((a) => a.href))) {
    queue.push(href.split("#")[0]);
  }
}

// Click through: index -> first map -> its first persona -> the action list.
await page.goto(root + "index.html");
await page.screenshot({ path: `${shots}/index.png` });
await Promise.all([page.waitForURL("**/maps/**"), page.click(".card h2 a >> nth=0")]);
result.clickedMap = page.url().slice(root.length);

// Keyboard: tab from the top reaches the first map link, Enter opens it.
await page.goto(root + "index.html");
const tabbed = [];
for (let i = 0; i < 12; i++) {
  await page.keyboard.press("Tab");
  tabbed.push(await page.evaluate(() => document.activeElement.getAttribute("href") || document.activeElement.tagName));
}
result.tabOrder = tabbed;
const firstMap = tabbed.find((h) => h.startsWith("maps/"));
await page.focus(`a[href="${firstMap}"] >> nth=0`);
await Promise.all([page.waitForURL("**/maps/**"), page.keyboard.press("Enter")]);
result.enterOpened = page.url().slice(root.length);

// Zoom and persona switch on a map with several personas.
const multi = process.env.MULTI_MAP || "maps/saas-onboarding.html";
await page.goto(root + multi);
const scale = () => page.$eval(".map", (f) => parseFloat(f.dataset.scale));
result.zoom = { fit: await scale() };
await page.click("button[data-zoom=in]");
result.zoom.afterIn = await scale();
await page.focus(".viewport");
await page.keyboard.press("-");
await page.keyboard.press("-");
result.zoom.afterMinusKeys = await scale();
await page.keyboard.press("0");
result.zoom.afterFit = await scale();
const curveOpacity = () => page.$$eval("svg path.curve", (ps) => ps.map((p) => getComputedStyle(p).opacity));
result.persona = { before: await curveOpacity() };
await page.check("input[name=persona][value='1']");
result.persona.second = await curveOpacity();
await page.screenshot({ path: `${shots}/persona.png` });
await page.check("input[name=persona][value='']");
result.persona.everyone = await curveOpacity();
// Tooltip: point at a stage's emotion face.
const face = await page.$("svg g[id*='-emotions-emotion-'] circle.face");
await face.hover({ force: true });
result.tooltip = await page.$eval(".tip", (t) => (t.hidden ? null : t.textContent));
await page.screenshot({ path: `${shots}/map.png` });
await page.goto(root + "actions.html");
await page.screenshot({ path: `${shots}/actions.png`, fullPage: true });
await browser.close();
console.log(JSON.stringify(result, null, 1));
