// What the texts of one industry day say about their topics: pure functions, tested with node.

/**
 * The topics behind an industry's day, from its texts' industry sentiment rows ({score, weight, topics: [{topic_id}]}):
 * per topic, how many texts matched it and their weighted mean score; most texts first, then by topic id.
 */
export function topicsBehind(rows) {
  const byTopic = new Map();
  for (const row of rows) {
    for (const { topic_id: id } of row.topics ?? []) {
      const t = byTopic.get(id) ?? { topic_id: id, texts: 0, weighted: 0, weight: 0 };
      t.texts += 1;
      t.weighted += row.weight * row.score;
      t.weight += Math.abs(row.weight);
      byTopic.set(id, t);
    }
  }
  return [...byTopic.values()]
    .map((t) => ({ topic_id: t.topic_id, texts: t.texts, score: t.weight > 0 ? t.weighted / t.weight : null }))
    .sort((a, b) => b.texts - a.texts || (a.topic_id < b.topic_id ? -1 : a.topic_id > b.topic_id ? 1 : 0));
}

/** "raises" for a positive topic→industry weight, "lowers" for a negative one: how good news on the topic moves it. */
export function direction(weight) {
  return weight > 0 ? "raises" : weight < 0 ? "lowers" : "does not move";
}
