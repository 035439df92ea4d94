// Headless Chromium (Debian's /usr/bin/chromium through playwright-core) that can only reach this machine:
// every request to a host outside the loopback range is aborted and recorded, and the browser's own DNS
// resolves nothing else, so neither a page nor Chromium itself can call out.
"use strict";
const { chromium } = require("playwright-core");

const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function isLoopback(url) {
  const u = new URL(url);
  if (["file:", "data:", "blob:", "about:"].includes(u.protocol)) return true;
  const host = u.hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Opens a browser and one context; `blocked` lists every outside URL a page tried. */
async function launchLoopbackBrowser({ viewport = { width: 1280, height: 900 }, deviceScaleFactor = 1 } = {}) {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox", // root in a container has no user namespaces for Chromium's sandbox
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-domain-reliability",
      "--disable-sync",
      "--no-first-run",
      "--no-pings",
    ],
  });
  const context = await browser.newContext({ viewport, deviceScaleFactor, serviceWorkers: "block" });
  const blocked = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  return { browser, context, blocked };
}

module.exports = { launchLoopbackBrowser, isLoopback, executablePath };
