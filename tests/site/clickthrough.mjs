// Clicks through a project's site as a reader would and prints what each step showed, as JSON:
// node clickthrough.mjs SITE_DIR SHOTS_DIR STEPS_JSON
// STEPS_JSON is a list of link texts (or {"selector": ...}) to click in turn, starting at index.html.
// -> {steps: [{url, heading, lang, dir}], consoleErrors: [...], requestsOutside: [...], failedRequests: [...]}
import { chromium } from "playwright-core";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [site, shots, stepsJson] = process.argv.slice(2);
const root = pathToFileURL(path.resolve(site) + "/").href;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
const result = { steps: [], consoleErrors: [], requestsOutside: [], failedRequests: [] };
page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") result.consoleErrors.push(`${page.url()}: ${m.text()}`); });
page.on("pageerror", (e) => result.consoleErrors.push(`${page.url()}: ${e.message}`));
page.on("request", (r) => { if (!r.url().startsWith(root) && !r.url().startsWith("data:")) result.requestsOutside.push(r.url()); });
page.on("requestfailed", (r) => result.failedRequests.push(r.url()));

const seen = async (n) => {
  await page.waitForLoadState("load");
  await page.screenshot({ path: `${shots}/step-${n}.png` });
  result.steps.push(await page.evaluate(() => ({
    url: location.href, heading: document.querySelector("h1")?.textContent ?? null,
    lang: document.documentElement.lang, dir: document.documentElement.dir || "ltr",
  })));
  result.steps.at(-1).url = result.steps.at(-1).url.slice(root.length);
};

await page.goto(root + "index.html");
await seen(0);
for (const [n, step] of JSON.parse(stepsJson).entries()) {
  // The first visible link with this text (or matching the selector), clicked with the mouse.
  const link = typeof step === "string" ? page.getByRole("link", { name: step, exact: true }).first()
    : page.locator(step.selector).first();
  const before = page.url();
  await link.click();
  await page.waitForURL((url) => url.href !== before);
  await seen(n + 1);
}
await browser.close();
console.log(JSON.stringify(result, null, 1));
