#!/usr/bin/env node
// Validates an unpacked Teams app package: node manifest/validate.js <folder with manifest.json, color.png, outline.png>
//
// - the manifest against the Teams JSON schema bundled in @microsoft/app-manifest (never fetched: see below);
// - the icons Teams rejects at upload: color.png 192x192, outline.png 32x32 white on transparent;
// - the bot wiring: RSC permission for un-mentioned channel replies, one command list per bot scope.
// Prints one line per problem and then "N errors"; exits 1 when there is any.
"use strict";

// validateAgainstSchema falls back to downloading the schema named by $schema. We always pass the bundled
// schema, and make any network attempt fail loudly so a silent fetch cannot hide behind a passing run.
globalThis.fetch = async (url) => {
  throw new Error(`network disabled in validate.js (tried ${url})`);
};

const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
let AppManifestUtils;
try {
  ({ AppManifestUtils } = require("@microsoft/app-manifest"));
} catch {
  console.error("error: @microsoft/app-manifest is not installed; run `npm ci` at the repository root.");
  process.exit(2);
}

const REQUIRED_RSC = "ChannelMessage.Read.Group";

function bundledSchema(manifestVersion) {
  const packageDir = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
  const file = path.join(packageDir, "build", "json-schemas", "teams", `v${manifestVersion}`, "MicrosoftTeams.schema.json");
  if (!fs.existsSync(file)) return undefined;
  // Some Microsoft schemas carry \a and \v escapes that JSON.parse rejects; the package applies the same fix.
  return JSON.parse(fs.readFileSync(file, "utf8").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b"));
}

// Minimal PNG reader: IHDR, and pixels for 8-bit non-interlaced images (enough for our icons).
function readPng(file) {
  const data = fs.readFileSync(file);
  if (data.length < 33 || data.toString("latin1", 1, 4) !== "PNG") throw new Error("not a PNG file");
  let offset = 8;
  let header;
  const idat = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString("latin1", offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitDepth: body[8], colorType: body[9], interlace: body[12] };
    } else if (type === "IDAT") {
      idat.push(body);
    }
    offset += 12 + length;
  }
  if (!header) throw new Error("no IHDR chunk");
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[header.colorType];
  if (header.bitDepth !== 8 || header.interlace !== 0 || channels === undefined) return { ...header, pixels: undefined };
  return { ...header, channels, pixels: unfilter(zlib.inflateSync(Buffer.concat(idat)), header.width, header.height, channels) };
}

function unfilter(raw, width, height, bpp) {
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[y * stride + x - bpp] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp] : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      out[y * stride + x] = (line[x] + predictor) & 0xff;
    }
  }
  return out;
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function checkColorIcon(png, errors) {
  if (png.width !== 192 || png.height !== 192) errors.push(`color icon is ${png.width}x${png.height}, must be 192x192`);
  if (png.pixels) {
    const colours = new Set();
    for (let i = 0; i < png.pixels.length; i += png.channels) colours.add(png.pixels.subarray(i, i + png.channels).toString("hex"));
    if (colours.size < 2) errors.push("color icon is a single flat colour: it has no glyph");
  }
}

function checkOutlineIcon(png, errors) {
  if (png.width !== 32 || png.height !== 32) errors.push(`outline icon is ${png.width}x${png.height}, must be 32x32`);
  if (!png.pixels || (png.colorType !== 6 && png.colorType !== 4)) {
    errors.push("outline icon must be an 8-bit PNG with an alpha channel (white on transparent)");
    return;
  }
  let transparent = 0, visible = 0, notWhite = 0;
  for (let i = 0; i < png.pixels.length; i += png.channels) {
    const alpha = png.pixels[i + png.channels - 1];
    if (alpha === 0) { transparent++; continue; }
    visible++;
    for (let c = 0; c < png.channels - 1; c++) if (png.pixels[i + c] !== 255) { notWhite++; break; }
  }
  if (transparent === 0) errors.push("outline icon has no transparent pixel: the background must be transparent");
  if (visible === 0) errors.push("outline icon is fully transparent: it has no glyph");
  if (notWhite > 0) errors.push(`outline icon has ${notWhite} visible pixels that are not white`);
}

function checkBot(manifest, errors) {
  const bot = (manifest.bots ?? [])[0];
  if (!bot) { errors.push("manifest has no bot"); return; }
  if (manifest.webApplicationInfo?.id !== bot.botId) errors.push("webApplicationInfo.id must be the bot id (RSC is granted to it)");
  const rsc = manifest.authorization?.permissions?.resourceSpecific ?? [];
  if (!rsc.some((p) => p.name === REQUIRED_RSC && p.type === "Application")) {
    errors.push(`authorization.permissions.resourceSpecific lacks ${REQUIRED_RSC} (Application): un-mentioned replies would not reach the bot`);
  }
  for (const scope of bot.scopes ?? []) {
    const lists = (bot.commandLists ?? []).filter((l) => (l.scopes ?? []).includes(scope));
    if (lists.length !== 1) errors.push(`bot scope ${scope} needs exactly one command list, has ${lists.length}`);
  }
}

async function validate(folder) {
  const errors = [];
  const manifestFile = path.join(folder, "manifest.json");
  if (!fs.existsSync(manifestFile)) return [`no manifest.json in ${folder}`];
  const text = fs.readFileSync(manifestFile, "utf8");
  if (text.includes("{{")) errors.push("manifest.json has an unfilled {{placeholder}}: validate the built package, not the template");
  const manifest = JSON.parse(text);

  const schema = bundledSchema(manifest.manifestVersion);
  const expectedSchemaUrl = `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`;
  if (!schema) {
    errors.push(`@microsoft/app-manifest bundles no schema for manifestVersion ${manifest.manifestVersion}`);
  } else {
    if (manifest.$schema !== expectedSchemaUrl) errors.push(`$schema must be ${expectedSchemaUrl}`);
    for (const e of await AppManifestUtils.validateAgainstSchema(manifest, schema)) errors.push(`schema: ${e}`);
  }

  for (const [kind, check] of [["color", checkColorIcon], ["outline", checkOutlineIcon]]) {
    const file = path.join(folder, manifest.icons?.[kind] ?? `${kind}.png`);
    if (!fs.existsSync(file)) { errors.push(`${kind} icon ${path.basename(file)} is missing`); continue; }
    try { check(readPng(file), errors); } catch (e) { errors.push(`${kind} icon: ${e.message}`); }
  }
  checkBot(manifest, errors);
  return errors;
}

(async () => {
  const folder = process.argv[2];
  if (!folder) {
    console.error("usage: node manifest/validate.js <folder with manifest.json, color.png, outline.png>");
    process.exit(2);
  }
  const errors = await validate(path.resolve(folder));
  for (const e of errors) console.log(e);
  console.log(`${errors.length} errors`);
  process.exit(errors.length === 0 ? 0 : 1);
})().catch((e) => {
  console.error(e.stack ?? String(e));
  process.exit(2);
});
