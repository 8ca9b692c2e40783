// The subscription form's body and the list's description of a filter.
import { test } from "node:test";
import assert from "node:assert/strict";
import { idList, subscriptionBody, describeFilter } from "../../../../src/StreamRisk.Api/Dashboard/subscriptions.mjs";

test("typed ids split on commas, spaces and lines, without blanks or repeats", () => {
  assert.deepEqual(idList(" iss001, iss002\niss001 ,, iss003 "), ["iss001", "iss002", "iss003"]);
  assert.deepEqual(idList(""), []);
  assert.deepEqual(idList(undefined), []);
});

test("the body holds the filter; no webhook field without a URL", () => {
  const body = subscriptionBody({ name: "  rates desk ", kinds: ["alert"], issuers: "iss001 iss002", industries: ["banks"], topics: [], minSeverity: "warning", webhookUrl: " " });
  assert.deepEqual(body, {
    name: "rates desk",
    filter: { issuers: ["iss001", "iss002"], industries: ["banks"], topics: [], min_severity: "warning", kinds: ["alert"] },
  });
  assert.equal(subscriptionBody({ webhookUrl: "https://hooks.example.com/x" }).webhook_url, "https://hooks.example.com/x");
  assert.equal(subscriptionBody({}).filter.min_severity, "info");
});

test("a filter reads as a sentence, with names where they are known", () => {
  const names = new Map([["ir_sanctions", "Sanctions"], ["banks", "Banks"]]);
  assert.equal(describeFilter({ kinds: ["topic_match"], topics: ["ir_sanctions"], industries: ["banks"], min_severity: "info" }, names),
    "topic matches in Banks on Sanctions");
  assert.equal(describeFilter({ kinds: [], issuers: ["iss9"], min_severity: "critical", rules: ["jump"] }),
    "alerts, scores and topic matches of iss9 by rule jump critical and above");
});
