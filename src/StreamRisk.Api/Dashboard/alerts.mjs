// The alert list as the feed keeps it: newest day first, then alert id descending (the API's order), one row per
// alert (its latest revision), whether it came from the first page or from the live stream.

const SeverityRank = { info: 0, warning: 1, critical: 2 };

export function severityRank(severity) {
  return SeverityRank[severity] ?? -1;
}

function newerFirst(a, b) {
  if (a.as_of !== b.as_of) return a.as_of < b.as_of ? 1 : -1;
  return a.alert_id < b.alert_id ? 1 : a.alert_id > b.alert_id ? -1 : 0;
}

/**
 * `alerts` with `incoming` merged in: a later revision of an alert replaces the earlier, an equal or older one is
 * dropped (the stream may repeat an alert that the first page already showed, once per matching subscription).
 * Keeps at most `limit` rows.
 */
export function mergeAlerts(alerts, incoming, limit = 200) {
  const byId = new Map(alerts.map((a) => [a.alert_id, a]));
  for (const alert of incoming) {
    const known = byId.get(alert.alert_id);
    // A revision from the stream carries no acknowledgement (that is the team's, not the alert's): keep the known one.
    if (!known) byId.set(alert.alert_id, alert);
    else if ((alert.revision ?? 0) > (known.revision ?? 0)) byId.set(alert.alert_id, { ...alert, acknowledgement: alert.acknowledgement ?? known.acknowledgement ?? null });
  }
  return [...byId.values()].sort(newerFirst).slice(0, limit);
}

/** The alert an SSE "alert" event carries (the feed entry's `data`), or null for anything else. */
export function alertOfFeedEvent(event) {
  if (event.event !== "alert") return null;
  const entry = JSON.parse(event.data);
  const alert = entry.data;
  return alert && typeof alert.alert_id === "string" ? alert : null;
}

/** Whether any of the team's subscriptions takes alerts (no kinds listed means every kind). */
export function takesAlerts(subscriptions) {
  return subscriptions.some((s) => !s.filter?.kinds?.length || s.filter.kinds.includes("alert"));
}

/** `alerts` with the team's acknowledgement of one alert set (an object) or withdrawn (null); the order is kept. */
export function withAcknowledgement(alerts, alertId, acknowledgement) {
  return alerts.map((a) => (a.alert_id === alertId ? { ...a, acknowledgement } : a));
}
