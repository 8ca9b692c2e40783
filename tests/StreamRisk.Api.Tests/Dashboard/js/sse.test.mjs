// The SSE parser against the framing /api/v1/stream writes and the corners of the standard a proxy may introduce.
import { test } from "node:test";
import assert from "node:assert/strict";
import { SseParser, reconnectDelay } from "../../../../src/StreamRisk.Api/Dashboard/sse.mjs";

test("parses the stream's frames: retry hint, id, event and one line of JSON data", () => {
  const parser = new SseParser();
  const events = parser.push('retry: 2000\n\nid: 7\nevent: alert\ndata: {"seq":7}\n\n: heartbeat\n\n');
  assert.deepEqual(events, [{ id: "7", event: "alert", data: '{"seq":7}' }]);
  assert.equal(parser.retryMs, 2000);
});

test("an event split anywhere across chunks comes out whole, once", () => {
  const text = "id: 1\nevent: alert\ndata: {\"a\":1}\n\nid: 2\nevent: score\ndata: {\"b\":2}\n\n";
  for (let cut = 1; cut < text.length; cut++) {
    const parser = new SseParser();
    const events = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
    assert.deepEqual(events.map((e) => e.id), ["1", "2"], `cut at ${cut}`);
    assert.equal(events[1].data, '{"b":2}');
  }
});

test("CRLF and lone CR end lines, also when the CR and LF arrive in different chunks", () => {
  const parser = new SseParser();
  const events = [...parser.push("id: 3\r"), ...parser.push("\ndata: x\r\r"), ...parser.push("data: y\r\n\r\n")];
  assert.deepEqual(events, [{ id: "3", event: "message", data: "x" }, { id: "3", event: "message", data: "y" }]);
});

test("several data lines join with newlines; a field without a colon or space is read as the standard says", () => {
  const parser = new SseParser();
  assert.deepEqual(parser.push("data:one\ndata:  two\ndata\n\n"), [{ id: "", event: "message", data: "one\n two\n" }]);
});

test("comments and blank lines alone dispatch nothing; the id persists to later events", () => {
  const parser = new SseParser();
  assert.deepEqual(parser.push(": heartbeat\n\n\n"), []);
  assert.deepEqual(parser.push("id: 9\n\n"), []);
  assert.equal(parser.lastEventId, "9");
  assert.deepEqual(parser.push("data: z\n\n"), [{ id: "9", event: "message", data: "z" }]);
});

test("a leading byte-order mark is dropped; a malformed retry is ignored", () => {
  const parser = new SseParser();
  assert.deepEqual(parser.push("\ufeffretry: soon\ndata: a\n\n"), [{ id: "", event: "message", data: "a" }]);
  assert.equal(parser.retryMs, null);
});

test("reconnect delays double from the hint, stay within the cap and jitter in the upper half", () => {
  assert.equal(reconnectDelay(0, 1000, 30000, () => 0), 500);
  assert.equal(reconnectDelay(0, 1000, 30000, () => 1), 1000);
  assert.equal(reconnectDelay(3, 1000, 30000, () => 1), 8000);
  assert.equal(reconnectDelay(50, 1000, 30000, () => 1), 30000);
  assert.ok(reconnectDelay(50, 1000, 30000, () => 0) >= 15000);
});
