// Following the stream: events reach the page, a drop or a failed reconnect is retried with the last event id, a
// refused key stops the retries.
import { test } from "node:test";
import assert from "node:assert/strict";
import { followStream } from "../../../../src/StreamRisk.Api/Dashboard/live.mjs";

/** A response whose body yields `chunks`, then ends (a dropped connection) unless `stayOpen`. */
function response(chunks, stayOpen = false) {
  const body = new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      if (!stayOpen) controller.close();
    },
  });
  return { body };
}

function until(condition) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => (condition() ? resolve() : Date.now() - started > 5000 ? reject(new Error("timed out")) : setTimeout(poll, 5));
    poll();
  });
}

test("a dropped stream and a failed reconnect are retried, each time from the last event id seen", async () => {
  const asked = [];
  const answers = [
    () => response(["retry: 10\n\nid: 5\nevent: alert\ndata: {\"seq\":5}\n\n"]),
    () => { throw Object.assign(new Error("bad gateway"), { status: 502 }); },
    () => response(["id: 6\nevent: alert\ndata: {\"seq\":6}\n\n"], true),
  ];
  const api = { openStream: async (lastEventId) => { asked.push(lastEventId); return answers.shift()(); } };
  const events = [];
  const states = [];
  const waits = [];
  const live = followStream(api, {
    onEvent: (e) => events.push(e),
    onStatus: (s) => states.push(s),
    delayFor: (attempt, retryMs) => { waits.push([attempt, retryMs]); return 1; },
  });
  await until(() => events.length === 2);
  live.stop();
  assert.deepEqual(asked, ["", "5", "5"]);
  assert.deepEqual(events.map((e) => e.id), ["5", "6"]);
  // The server's retry hint sets the base delay; attempts count up while reconnects fail and reset once one holds.
  assert.deepEqual(waits, [[0, 10], [1, 10]]);
  assert.deepEqual(states, ["connecting", "live", "waiting", "connecting", "waiting", "connecting", "live"]);
});

test("a refused key stops the stream for good and says why", async () => {
  let calls = 0;
  const refusal = Object.assign(new Error("no"), { status: 401 });
  const api = { openStream: async () => { calls++; throw refusal; } };
  const states = [];
  followStream(api, { onEvent: () => {}, onStatus: (s, detail) => states.push([s, detail]), delayFor: () => 1 });
  await until(() => states.length === 2);
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.equal(calls, 1);
  assert.deepEqual(states, [["connecting", undefined], ["refused", refusal]]);
});
