// Drives the Agents Playground's own web UI in headless Chromium: a member asks a query in the team channel,
// the expert answers from CopBot's 1:1 card, and the answer card appears in the member's thread.
// Run by QueryFlowUiTests (which starts the bot and a fresh playground); one JSON argument:
//   { playground, expertId, expertChatId, question, answer, screenshots }
// Exits 0 when every step was seen on screen, 1 otherwise; prints one line per step.
//
// The member's window is the playground's web UI as it is (the playground is configured as the member).
// The playground has no way to act as a second user: its UI is always the configured user, and its server
// withholds other users' 1:1 chats from the UI's conversation stream. So the expert's window is the same web
// app with three changes made in that window only:
//  - the config answer names the expert as the user and the expert's 1:1 chat with CopBot (expertChatId) as
//    the personal chat, so the UI renders that chat and sends card actions with the expert's id;
//  - the activities CopBot sends to that chat, which the server withholds, are taken from the server's own
//    log stream (which carries every activity the bot sent) and handed to the UI as the server would;
//  - the UI's automatic "install in this chat" call is answered in the browser, because the server would
//    send that install to the bot as the configured user (the member).
"use strict";
const path = require("path");
const fs = require("fs");
const { launchLoopbackBrowser } = require("../../../tools/browser/loopback-browser");

const args = JSON.parse(process.argv[2]);
const timeout = 30_000;
let shot = 0;
const seenActivities = []; // for the failure message: what the log stream reported

function step(text) {
  process.stdout.write(`step: ${text}\n`);
}

async function screenshot(page, name) {
  const file = path.join(args.screenshots, `${String(++shot).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path: file });
  process.stdout.write(`screenshot: ${file}\n`);
}

/** The Adaptive Card rendered by the playground that contains `text`. */
function card(page, text) {
  return page.locator(".ac-adaptiveCard", { hasText: text }).last();
}

async function openAsExpert(context, config) {
  const expert = config.users.find((u) => u.id === args.expertId);
  if (!expert) throw new Error(`expert ${args.expertId} is not a user of the playground config`);
  const asExpert = {
    ...config,
    currentUser: expert,
    users: [config.currentUser, ...config.users], // the UI looks every chat member up here
    personalChat: { id: args.expertChatId, name: "Personal Chat" },
  };
  const page = await context.newPage();
  await page.route("**/_internal/v1/config", async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    await route.fulfill({ response, json: { ...body, config: asExpert } });
  });
  const installInExpertChat = (url) => decodeURIComponent(url.pathname) === `/_debug/conversation/${args.expertChatId}/installation`;
  await page.route(installInExpertChat, (route) => {
    step("the expert window's automatic install call was answered in the browser");
    return route.fulfill({ status: 200, json: {} });
  });
  // The UI may open more than one conversation stream over its life: feed every one still open, and replay what
  // was fed so far to a stream opened later (a bot message arriving while the UI reconnects is not lost).
  const conversationStreams = new Set();
  const fed = [];
  await page.routeWebSocket(/\/_ws_conversation\//, (ws) => {
    const server = ws.connectToServer(); // forwards both ways as it is
    conversationStreams.add(ws);
    for (const frame of fed) ws.send(frame);
    ws.onClose((code, reason) => {
      conversationStreams.delete(ws);
      server.close({ code, reason });
    });
  });
  await page.routeWebSocket(/\/_ws\/log\/stream/, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((frame) => {
      ws.send(frame);
      const forUi = botActivityInExpertChat(frame);
      if (!forUi) return;
      const text = JSON.stringify(forUi);
      fed.push(text);
      for (const stream of conversationStreams) stream.send(text);
    });
  });
  await page.goto(args.playground);
  await page.getByText(expert.name, { exact: true }).first().waitFor({ timeout });
  return page;
}

/** A log-stream frame of CopBot sending or updating an activity in the expert's chat, as a conversation-stream action. */
function botActivityInExpertChat(frame) {
  const log = JSON.parse(frame).log;
  if (log?.activityName) seenActivities.push(`${log.activityName} ${log.conversationId} ${log.from} -> ${log.to}`);
  const activity = log?.request?.body;
  if (!activity || log.conversationId !== args.expertChatId || log.from !== "User Application") return null;
  const action = { message: "createMessage", updateActivity: "updateMessage" }[log.activityName];
  if (!action || activity.type !== "message") return null;
  return {
    action,
    actionConversationId: args.expertChatId,
    message: {
      messageId: log.messageId,
      timestamp: log.timestamp,
      from: { id: activity.from.id },
      text: activity.text,
      textFormat: activity.text ? activity.textFormat ?? "markdown" : undefined,
      attachments: (activity.attachments ?? []).map((a) => ({ contentType: a.contentType, content: a.content })),
      attachmentLayout: activity.attachmentLayout ?? "list",
      mentions: [],
    },
  };
}

async function main() {
  fs.mkdirSync(args.screenshots, { recursive: true });
  const { browser, context, blocked } = await launchLoopbackBrowser({ viewport: { width: 1400, height: 900 } });
  context.setDefaultTimeout(timeout);
  const errors = [];
  try {
    const config = (await (await fetch(new URL("_internal/v1/config", args.playground))).json()).config;

    const expertPage = await openAsExpert(context, config);
    expertPage.on("pageerror", (e) => errors.push(`expert page: ${e.message}`));
    step("the expert's window is open on their 1:1 chat with CopBot");

    const member = await context.newPage();
    member.on("pageerror", (e) => errors.push(`member page: ${e.message}`));
    await member.goto(args.playground);
    await member.getByText(config.currentUser.name, { exact: true }).first().waitFor();
    await member.getByText("General", { exact: true }).click();
    await card(member, "Thanks for adding CopBot").waitFor();
    step("the member opened the team's General channel; CopBot welcomed the team");

    await member.locator("[data-lexical-editor=true]").first().click();
    await member.keyboard.type(`@${config.bot.name.slice(0, 3)}`);
    await member.getByRole("menuitem", { name: config.bot.name }).click();
    await member.keyboard.type(` query ${args.question}`);
    await screenshot(member, "member-writes-query");
    await member.getByRole("button", { name: "Post", exact: true }).click();
    const ack = card(member, "Waiting for answers");
    await ack.waitFor();
    await ack.scrollIntoViewIfNeeded();
    await screenshot(member, "member-sees-acknowledgement");
    step("the acknowledgement card is in the member's thread");

    const request = card(expertPage, "has a question for you");
    await request.waitFor();
    await request.getByText(args.question.split(" #")[0], { exact: false }).waitFor();
    await screenshot(expertPage, "expert-gets-card");
    step("the expert's 1:1 chat shows CopBot's request card");

    await request.locator("textarea").fill(args.answer);
    await screenshot(expertPage, "expert-writes-answer");
    await request.getByRole("button", { name: "Send answer" }).click();
    await card(expertPage, "your answer is in the thread").waitFor();
    await screenshot(expertPage, "expert-card-done");
    step("the expert's card was replaced by the thank-you card");

    const answer = card(member, "Answer from");
    await answer.waitFor();
    await answer.getByText(args.answer).waitFor();
    await card(member, "1 answer so far").waitFor();
    await answer.scrollIntoViewIfNeeded();
    await screenshot(member, "member-sees-answer");
    step("the answer card is in the member's thread and the acknowledgement counts it");

    if (errors.length) throw new Error(errors.join("; "));
    process.stdout.write(`blocked: ${JSON.stringify(blocked)}\n`);
  } catch (e) {
    process.stdout.write(`expert chat: ${args.expertChatId}\nactivities seen by the expert's window:\n  ${seenActivities.join("\n  ")}\n`);
    for (const page of context.pages()) {
      await page.screenshot({ path: path.join(args.screenshots, `failure-${context.pages().indexOf(page)}.png`) }).catch(() => {});
    }
    throw e;
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
