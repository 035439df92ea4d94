// Renders every card fixture (artifacts/card-fixtures, written by CardCatalogTests) to docs/cards/<name>.png
// with the official adaptivecards renderer in headless Chromium, and writes the gallery docs/cards/README.md.
// Usage: node tools/card-gallery/render.js [fixtures folder] [gallery folder]
"use strict";
const fs = require("fs");
const path = require("path");
const { pathToFileURL } = require("url");
const { launchLoopbackBrowser } = require("../browser/loopback-browser");

const root = path.resolve(__dirname, "../..");
const fixtures = path.resolve(process.argv[2] || path.join(root, "artifacts/card-fixtures"));
const gallery = path.resolve(process.argv[3] || path.join(root, "docs/cards"));

async function main() {
  const index = fs.readFileSync(path.join(fixtures, "index.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
  if (index.length === 0) throw new Error(`no fixture in ${fixtures}/index.jsonl`);
  fs.mkdirSync(gallery, { recursive: true });
  for (const stale of fs.readdirSync(gallery).filter((f) => f.endsWith(".png"))) fs.unlinkSync(path.join(gallery, stale));

  const { browser, context, blocked } = await launchLoopbackBrowser({ viewport: { width: 560, height: 400 } });
  try {
    const page = await context.newPage();
    const pageErrors = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(pathToFileURL(path.join(__dirname, "page.html")).href);
    for (const { name } of index) {
      const card = JSON.parse(fs.readFileSync(path.join(fixtures, name + ".json"), "utf8"));
      const events = await page.evaluate((c) => window.renderCard(c), card);
      if (events !== 0) throw new Error(`${name}: the renderer reported ${events} parse event(s)`);
      await page.evaluate(() => document.fonts.ready);
      await page.locator("#frame").screenshot({ path: path.join(gallery, name + ".png") });
      process.stdout.write(`${name}.png\n`);
    }
    if (pageErrors.length) throw new Error("page errors: " + pageErrors.join("; "));
    if (blocked.length) throw new Error("blocked outside requests: " + blocked.join(", "));
  } finally {
    await browser.close();
  }
  fs.writeFileSync(path.join(gallery, "README.md"), readme(index));
  console.log(`${index.length} cards rendered into ${path.relative(root, gallery)}`);
}

function readme(index) {
  const rows = index.map((f) => `| \`${f.builder}\` | ${f.state} | ![${f.name}](${f.name}.png) |`);
  return [
    "# Card gallery",
    "",
    "Every card CopBot sends, one picture per builder and state, rendered by the official `adaptivecards` 3.0.6",
    "renderer in headless Chromium with a Teams-like host config (light theme; Teams' own fonts and exact styles",
    "differ slightly). The fixtures are `tests/CopBot.Cards.Tests/Support/CardCatalog.cs`, the same cards the",
    "official parser validates. *Hostile* fixtures carry markdown, links, `<at>` mentions, HTML and bidi tricks:",
    "they must show as plain text.",
    "",
    "Regenerate with `tools/card-gallery/render.sh` (generated file, do not edit by hand).",
    "",
    "| card | state | image |",
    "|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
