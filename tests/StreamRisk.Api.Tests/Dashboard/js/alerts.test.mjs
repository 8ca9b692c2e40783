// The feed's alert list: order, revisions, repeats from the stream, and reading stream events.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mergeAlerts, alertOfFeedEvent, takesAlerts, severityRank, withAcknowledgement } from "../../../../src/StreamRisk.Api/Dashboard/alerts.mjs";

const alert = (id, day, revision = 0) => ({ alert_id: id, as_of: day, revision, issuer_id: "x", severity: "warning" });

test("newest day first, then alert id descending, as the API orders them", () => {
  const merged = mergeAlerts([alert("a", "2024-01-02"), alert("b", "2024-01-01")], [alert("c", "2024-01-02"), alert("d", "2024-01-03")]);
  assert.deepEqual(merged.map((a) => a.alert_id), ["d", "c", "a", "b"]);
});

test("a later revision replaces the row; a repeat or an older revision changes nothing", () => {
  let list = mergeAlerts([], [alert("a", "2024-01-02", 1)]);
  list = mergeAlerts(list, [alert("a", "2024-01-02", 1), alert("a", "2024-01-02", 0)]);
  assert.equal(list.length, 1);
  assert.equal(list[0].revision, 1);
  list = mergeAlerts(list, [{ ...alert("a", "2024-01-02", 2), status: "retracted" }]);
  assert.equal(list[0].status, "retracted");
});

test("the list keeps at most the limit, dropping the oldest", () => {
  const many = Array.from({ length: 10 }, (_, i) => alert(`a${i}`, `2024-01-${String(i + 1).padStart(2, "0")}`));
  assert.deepEqual(mergeAlerts([], many, 3).map((a) => a.as_of), ["2024-01-10", "2024-01-09", "2024-01-08"]);
});

test("an alert event carries the alert in the feed entry's data; other kinds carry none", () => {
  const entry = { seq: 4, kind: "alert", subscription_id: "sub_1", event_id: "a:r0", data: alert("a", "2024-01-02") };
  assert.deepEqual(alertOfFeedEvent({ id: "4", event: "alert", data: JSON.stringify(entry) }), entry.data);
  assert.equal(alertOfFeedEvent({ id: "5", event: "score", data: "{}" }), null);
});

test("a subscription takes alerts when it lists them or lists no kinds", () => {
  assert.equal(takesAlerts([]), false);
  assert.equal(takesAlerts([{ filter: { kinds: ["score"] } }]), false);
  assert.equal(takesAlerts([{ filter: { kinds: ["score", "alert"] } }]), true);
  assert.equal(takesAlerts([{ filter: { kinds: [] } }]), true);
});

test("severities rank info < warning < critical", () => {
  assert.ok(severityRank("info") < severityRank("warning") && severityRank("warning") < severityRank("critical"));
});

test("an acknowledgement is set and withdrawn on one alert, and a later revision from the stream keeps it", () => {
  const ack = { acknowledged_at: "2024-01-02T10:00:00+00:00", key_id: "k1", note: "calling them" };
  let list = mergeAlerts([], [alert("a", "2024-01-02"), alert("b", "2024-01-01")]);
  list = withAcknowledgement(list, "b", ack);
  assert.deepEqual(list.map((a) => a.acknowledgement ?? null), [null, ack]);
  list = mergeAlerts(list, [alert("b", "2024-01-01", 1)]);
  assert.equal(list[1].revision, 1);
  assert.deepEqual(list[1].acknowledgement, ack);
  list = withAcknowledgement(list, "b", null);
  assert.equal(list[1].acknowledgement, null);
  assert.deepEqual(list.map((a) => a.alert_id), ["a", "b"]);
});
