// One alert as a row: severity, day, issuer (legal name, linking to its page), rule, value, message, the evidence
// texts (linking to each document) and the team's acknowledgement. Used by the live feed and by the issuer page.
import { el, failure, formatNumber, formatTime } from "./dom.mjs";

/**
 * The acknowledgement part of a row: who acknowledged it and when, with an undo; or a note field and a button.
 * `actions.acknowledge(alert, note)` / `actions.unacknowledge(alert)` answer the alert as it is now.
 */
function acknowledgement(alert, actions, redraw) {
  if (!actions) return null;
  const act = (button, work) => async () => {
    button.disabled = true;
    try {
      redraw(await work());
    } catch (error) {
      button.disabled = false;
      button.parentElement.append(failure(error));
    }
  };
  const ack = alert.acknowledgement;
  if (ack) {
    const undo = el("button", { type: "button", class: "undo" }, "Undo");
    undo.addEventListener("click", act(undo, () => actions.unacknowledge(alert)));
    return el("p", { class: "ack done" }, `✓ Acknowledged ${formatTime(ack.acknowledged_at)} (key ${ack.key_id})`,
      ack.note ? el("q", {}, ack.note) : null, undo);
  }
  const note = el("input", { type: "text", class: "note", maxlength: 500, placeholder: "note (optional)", "aria-label": "acknowledgement note" });
  const button = el("button", { type: "button", class: "acknowledge" }, "Acknowledge");
  button.addEventListener("click", act(button, () => actions.acknowledge(alert, note.value.trim())));
  return el("p", { class: "ack" }, note, button);
}

export function alertRow(alert, issuers, fresh = false, actions = null) {
  const issuer = issuers.get(alert.issuer_id);
  const value = alert.threshold === null || alert.threshold === undefined
    ? formatNumber(alert.value)
    : `${formatNumber(alert.value)} (threshold ${formatNumber(alert.threshold)})`;
  const row = el("li", {
    class: `alert ${alert.severity}${fresh ? " fresh" : ""}${alert.status === "retracted" ? " retracted" : ""}${alert.acknowledgement ? " acknowledged" : ""}`,
    "data-alert-id": alert.alert_id,
  },
    el("span", { class: `severity ${alert.severity}` }, alert.severity),
    el("span", { class: "day" }, alert.as_of),
    el("a", { class: "issuer", href: `#/issuer/${encodeURIComponent(alert.issuer_id)}` }, issuer?.legal_name ?? alert.issuer_id),
    el("span", { class: "rule" }, alert.rule.replaceAll("_", " ")),
    el("span", { class: "value" }, value),
    alert.status === "retracted" ? el("span", { class: "status" }, "retracted") : null,
    el("p", { class: "message" }, alert.message),
    alert.evidence_doc_ids?.length
      ? el("p", { class: "evidence" }, "Evidence: ",
        alert.evidence_doc_ids.map((id, i) => [i > 0 ? ", " : "", el("a", { href: `#/document/${encodeURIComponent(id)}` }, id)]))
      : null,
    acknowledgement(alert, actions, (updated) => row.replaceWith(alertRow(updated, issuers, fresh, actions))),
  );
  return row;
}

export function alertList(alerts, issuers, freshIds = new Set(), actions = null) {
  if (alerts.length === 0) return el("p", { class: "muted" }, "No alerts.");
  return el("ol", { class: "alerts" }, alerts.map((a) => alertRow(a, issuers, freshIds.has(a.alert_id), actions)));
}

/**
 * The calls behind the acknowledgement buttons, for the team of `api`'s key; `onChange(alertId, acknowledgement)` hears
 * of each change (the feed keeps it, so a redraw shows it).
 */
export function acknowledgementActions(api, onChange = () => {}) {
  const path = (alert) => `/api/v1/alerts/${encodeURIComponent(alert.alert_id)}/acknowledgement`;
  return {
    async acknowledge(alert, note) {
      const answer = await api.put(path(alert), note ? { note } : {});
      onChange(alert.alert_id, answer.acknowledgement);
      return { ...alert, acknowledgement: answer.acknowledgement };
    },
    async unacknowledge(alert) {
      await api.del(path(alert));
      onChange(alert.alert_id, null);
      return { ...alert, acknowledgement: null };
    },
  };
}
