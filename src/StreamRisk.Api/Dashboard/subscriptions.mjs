// A team's subscriptions as the form edits them and the list describes them: pure functions, tested with node.

/** Ids typed into a field: separated by commas, spaces or new lines; blanks and repeats dropped, order kept. */
export function idList(text) {
  return [...new Set((text ?? "").split(/[\s,]+/).map((s) => s.trim()).filter((s) => s.length > 0))];
}

/**
 * The POST /api/v1/subscriptions body for the form's values: { name, kinds: [], issuers: "text", industries: [],
 * topics: [], minSeverity, webhookUrl }. Empty lists mean "any"; no webhook means the team reads the feed and stream.
 */
export function subscriptionBody(values) {
  const body = {
    name: (values.name ?? "").trim(),
    filter: {
      issuers: idList(values.issuers),
      industries: [...(values.industries ?? [])],
      topics: [...(values.topics ?? [])],
      min_severity: values.minSeverity || "info",
      kinds: [...(values.kinds ?? [])],
    },
  };
  const url = (values.webhookUrl ?? "").trim();
  if (url) body.webhook_url = url;
  return body;
}

const KindNames = { alert: "alerts", score: "scores", topic_match: "topic matches" };

/** One line saying what a subscription takes, with names where `names` (id → name) knows them. */
export function describeFilter(filter, names = new Map()) {
  const named = (ids) => ids.map((id) => names.get(id) ?? id).join(", ");
  const parts = [];
  parts.push(filter.kinds?.length ? filter.kinds.map((k) => KindNames[k] ?? k).join(" and ") : "alerts, scores and topic matches");
  if (filter.issuers?.length) parts.push(`of ${named(filter.issuers)}`);
  if (filter.industries?.length) parts.push(`in ${named(filter.industries)}`);
  if (filter.topics?.length) parts.push(`on ${named(filter.topics)}`);
  if (filter.rules?.length) parts.push(`by rule ${filter.rules.map((r) => r.replaceAll("_", " ")).join(", ")}`);
  if (filter.min_severity && filter.min_severity !== "info") parts.push(`${filter.min_severity} and above`);
  return parts.join(" ");
}
