#!/usr/bin/env node
// Validates Adaptive Card JSON files with the official parser (npm "adaptivecards", resolved from the
// repo root's node_modules) plus the Teams rules the parser does not know.
//
// Usage: node tools/card-validator/validate.js <file.json | folder> [...]
// Prints one JSON line per card: {"file": "...", "errors": [...], "warnings": [...]}.
// Exit code: 0 all clean, 1 any error or warning, 2 usage problem (nothing to validate, parser missing).
//
// Why more than card.parse(): the parser is lenient by design. It silently ignores unknown properties,
// never parses a fallback unless it is needed, accepts any declared version and defaults a missing one.
// So this script also (a) parses at the card's declared version, capped at 1.5, so a 1.4 feature in a
// card declaring 1.3 is reported; (b) reports properties the parser's schema does not know; (c) parses
// every fallback on its own; (d) checks the Teams limits (schema <= 1.5, refresh.userIds <= 60, 28 KB).
"use strict";

const fs = require("fs");
const path = require("path");

const repoRoot = path.resolve(__dirname, "..", "..");
let AC;
try {
    AC = require(require.resolve("adaptivecards/dist/adaptivecards.js", { paths: [repoRoot] }));
} catch (e) {
    process.stderr.write("adaptivecards is not installed: run npm ci at the repo root (" + e.message + ")\n");
    process.exit(2);
}

// Teams renders schema 1.5 at most; refresh.userIds is capped at 60; cards should stay under ~28 KB.
const TEAMS_MAX_VERSION = new AC.Version(1, 5);
const MAX_REFRESH_USER_IDS = 60;
const MAX_CARD_BYTES = 28 * 1024;

// Validation events that describe advice rather than a broken card.
const WARNING_EVENTS = new Set([
    AC.ValidationEvent.Hint,
    AC.ValidationEvent.Deprecated,
    AC.ValidationEvent.RequiredInputsShouldHaveLabel,
    AC.ValidationEvent.RequiredInputsShouldHaveErrorMessage
]);

// Properties the parser reads in code instead of declaring them in its schema.
const CODE_PARSED = {
    AdaptiveCard: ["body", "actions"],
    Container: ["items"],
    Column: ["items"],
    ColumnSet: ["columns"],
    ActionSet: ["actions"],
    RichTextBlock: ["inlines"],
    "Action.ShowCard": ["card"]
};

function schemaNames(obj) {
    const schema = obj.getSchema();
    const names = new Set();
    for (let i = 0; i < schema.getCount(); i++) {
        names.add(schema.getItemAt(i).name);
    }
    return names;
}

function describe(source) {
    if (source && typeof source.getJsonTypeName === "function") {
        const id = source.id ? " '" + source.id + "'" : "";
        return " [" + source.getJsonTypeName() + id + "]";
    }
    return "";
}

function eventText(e, prefix) {
    return prefix + AC.ValidationEvent[e.event] + ": " + e.message + describe(e.source);
}

// Parses one card with the official parser and sorts its events into errors and warnings.
function parseCard(json, version, report, prefix) {
    const context = new AC.SerializationContext(version);
    const card = new AC.AdaptiveCard();
    card.parse(json, context);

    for (let i = 0; i < context.eventCount; i++) {
        const e = context.getEventAt(i);
        (WARNING_EVENTS.has(e.event) ? report.warnings : report.errors).push(eventText(e, prefix));
    }

    const results = card.validateProperties();
    for (const e of results.validationEvents) {
        (WARNING_EVENTS.has(e.event) ? report.warnings : report.errors).push(eventText(e, prefix));
    }
}

// Walks the source JSON and reports what the lenient parser would silently drop.
class StructureWalker {
    constructor(version, report) {
        this.version = version;
        this.report = report;
    }

    checkKeys(obj, allowed, where) {
        for (const key of Object.keys(obj)) {
            if (!allowed.has(key)) {
                this.report.warnings.push("UnknownProperty: \"" + key + "\" is not an Adaptive Card property (at " + where + ")");
            }
        }
    }

    card(obj, where, isRoot) {
        if (!isObject(obj)) return;
        const allowed = schemaNames(new AC.AdaptiveCard());
        CODE_PARSED.AdaptiveCard.forEach((k) => allowed.add(k));
        if (isRoot) {
            allowed.add("msteams"); // Teams host extension (width, entities), root only
        }
        this.checkKeys(obj, allowed, where);
        this.each(obj.body, where + ".body", (e, w) => this.element(e, w));
        this.each(obj.actions, where + ".actions", (a, w) => this.action(a, w));
        if (isObject(obj.refresh)) {
            this.checkKeys(obj.refresh, schemaNames(new AC.RefreshDefinition()), where + ".refresh");
            this.action(obj.refresh.action, where + ".refresh.action");
        }
        this.action(obj.selectAction, where + ".selectAction");
    }

    element(obj, where) {
        if (!isObject(obj)) return;
        const type = obj.type;
        const instance = type === "Column" ? new AC.Column() : AC.GlobalRegistry.elements.createInstance(type, this.version);
        if (!instance) return; // the parser reports unknown types itself
        const allowed = schemaNames(instance);
        (CODE_PARSED[type] || []).forEach((k) => allowed.add(k));
        allowed.add("fallback");
        this.checkKeys(obj, allowed, where + " (" + type + ")");

        this.each(obj.items, where + ".items", (e, w) => this.element(e, w));
        this.each(obj.columns, where + ".columns", (e, w) => this.element(e, w));
        this.each(obj.actions, where + ".actions", (a, w) => this.action(a, w));
        this.each(obj.facts, where + ".facts", (f, w) => this.checkKeys(f, schemaNames(new AC.Fact()), w));
        this.each(obj.choices, where + ".choices", (c, w) => this.checkKeys(c, schemaNames(new AC.Choice()), w));
        this.action(obj.selectAction, where + ".selectAction");
        this.action(obj.inlineAction, where + ".inlineAction");
        this.fallback(obj.fallback, where + ".fallback", "body", (e, w) => this.element(e, w));
    }

    action(obj, where) {
        if (!isObject(obj)) return;
        const type = obj.type;
        const instance = AC.GlobalRegistry.actions.createInstance(type, this.version);
        if (!instance) return;
        const allowed = schemaNames(instance);
        (CODE_PARSED[type] || []).forEach((k) => allowed.add(k));
        allowed.add("fallback");
        this.checkKeys(obj, allowed, where + " (" + type + ")");

        this.card(obj.card, where + ".card", false);
        this.fallback(obj.fallback, where + ".fallback", "actions", (a, w) => this.action(a, w));
    }

    // The parser only reads a fallback when it needs it, so parse each one on its own.
    fallback(obj, where, slot, walk) {
        if (!isObject(obj)) return;
        const wrapper = { type: "AdaptiveCard", version: this.version.toString() };
        wrapper[slot] = [obj];
        parseCard(wrapper, this.version, this.report, "(" + where + ") ");
        walk(obj, where);
    }

    each(list, where, visit) {
        if (Array.isArray(list)) {
            list.forEach((item, i) => visit(item, where + "[" + i + "]"));
        }
    }
}

function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

function validateText(text) {
    const report = { errors: [], warnings: [] };

    const bytes = Buffer.byteLength(text, "utf8");
    if (bytes > MAX_CARD_BYTES) {
        report.errors.push("TooLarge: " + bytes + " bytes, Teams cards must stay under " + MAX_CARD_BYTES);
    }

    let json;
    try {
        json = JSON.parse(text);
    } catch (e) {
        report.errors.push("InvalidJson: " + e.message);
        return report;
    }
    if (!isObject(json)) {
        report.errors.push("InvalidJson: a card must be a JSON object");
        return report;
    }

    // Parse at the declared version so features newer than it are reported; Teams stops at 1.5.
    let version = TEAMS_MAX_VERSION;
    if (typeof json.version !== "string") {
        report.errors.push("MissingVersion: the root card must declare \"version\"");
    } else {
        const declared = AC.Version.parse(json.version, new AC.SerializationContext());
        if (!declared || !declared.isValid) {
            report.errors.push("InvalidVersion: \"" + json.version + "\" is not a version");
        } else if (declared.compareTo(TEAMS_MAX_VERSION) > 0) {
            report.errors.push("UnsupportedCardVersion: Teams renders schema " + TEAMS_MAX_VERSION + " at most, card declares " + json.version);
        } else {
            version = declared;
        }
    }

    if (isObject(json.refresh) && Array.isArray(json.refresh.userIds) && json.refresh.userIds.length > MAX_REFRESH_USER_IDS) {
        report.errors.push("TooManyRefreshUsers: refresh.userIds has " + json.refresh.userIds.length + " entries, Teams allows " + MAX_REFRESH_USER_IDS);
    }

    parseCard(json, version, report, "");
    new StructureWalker(version, report).card(json, "$", true);
    return report;
}

function collectFiles(args) {
    const files = [];
    for (const arg of args) {
        const full = path.resolve(arg);
        if (fs.existsSync(full) && fs.statSync(full).isDirectory()) {
            fs.readdirSync(full)
                .filter((name) => name.toLowerCase().endsWith(".json"))
                .sort()
                .forEach((name) => files.push(path.join(full, name)));
        } else {
            files.push(full);
        }
    }
    return files;
}

function main() {
    const files = collectFiles(process.argv.slice(2));
    if (files.length === 0) {
        process.stderr.write("usage: node validate.js <card.json | folder> [...]\n");
        return 2;
    }

    let failed = false;
    for (const file of files) {
        let report;
        try {
            report = validateText(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
        } catch (e) {
            report = { errors: ["ValidatorFailure: " + (e && e.message ? e.message : String(e))], warnings: [] };
        }
        failed = failed || report.errors.length > 0 || report.warnings.length > 0;
        process.stdout.write(JSON.stringify({ file: file, errors: report.errors, warnings: report.warnings }) + "\n");
    }
    return failed ? 1 : 0;
}

process.exitCode = main();
