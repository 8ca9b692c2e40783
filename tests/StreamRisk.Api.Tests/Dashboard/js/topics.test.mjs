// The topics behind an industry day, and how a matrix weight reads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { topicsBehind, direction } from "../../../../src/StreamRisk.Api/Dashboard/topics.mjs";

const row = (score, weight, ...topics) => ({ score, weight, topics: topics.map((topic_id) => ({ topic_id, similarity: 0.7 })) });

test("each topic counts its texts and weighs their scores by |weight|, most texts first", () => {
  const topics = topicsBehind([row(0.5, 1, "a", "b"), row(-0.5, 3, "b"), row(0.2, -2, "c"), row(1, 0, "c")]);
  assert.deepEqual(topics.map((t) => [t.topic_id, t.texts]), [["b", 2], ["c", 2], ["a", 1]]);
  // b: (1·0.5 + 3·(−0.5)) / 4 = −0.25; c: (−2·0.2 + 0) / 2 = −0.2; a: 0.5.
  assert.equal(topics[0].score, -0.25);
  assert.equal(topics[1].score, -0.2);
  assert.equal(topics[2].score, 0.5);
});

test("a topic whose texts all weigh nothing has no score, and rows without topics add nothing", () => {
  assert.deepEqual(topicsBehind([row(0.9, 0, "z"), { score: 1, weight: 1 }]), [{ topic_id: "z", texts: 1, score: null }]);
  assert.deepEqual(topicsBehind([]), []);
});

test("a weight's sign says which way good news on the topic moves the industry", () => {
  assert.equal(direction(0.4), "raises");
  assert.equal(direction(-0.1), "lowers");
  assert.equal(direction(0), "does not move");
});
