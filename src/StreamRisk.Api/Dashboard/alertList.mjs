// One alert as a row: severity, day, issuer (legal name, linking to its page), rule, value, message and the evidence
// texts (linking to each document). Used by the live feed and by the issuer page.
import { el, formatNumber } from "./dom.mjs";

export function alertRow(alert, issuers, fresh = false) {
  const issuer = issuers.get(alert.issuer_id);
  const value = alert.threshold === null || alert.threshold === undefined
    ? formatNumber(alert.value)
    : `${formatNumber(alert.value)} (threshold ${formatNumber(alert.threshold)})`;
  return el("li", { class: `alert ${alert.severity}${fresh ? " fresh" : ""}${alert.status === "retracted" ? " retracted" : ""}` },
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
  );
}

export function alertList(alerts, issuers, freshIds = new Set()) {
  if (alerts.length === 0) return el("p", { class: "muted" }, "No alerts.");
  return el("ol", { class: "alerts" }, alerts.map((a) => alertRow(a, issuers, freshIds.has(a.alert_id))));
}
