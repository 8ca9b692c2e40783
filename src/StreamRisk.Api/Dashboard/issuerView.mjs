// An issuer's page: its daily index (smoothed, with the firm and industry parts, and the days that were revised), its
// spread against the model's forecast, its class probabilities with the latest score's explanation, its alerts and the
// texts scored for it with its names marked.
import { el, failure, marked, formatNumber, formatTime } from "./dom.mjs";
import { lineChart, stackedChart } from "./chart.mjs";
import { alertList } from "./alertList.mjs";
import { issuerNames, highlightSegments } from "./highlight.mjs";

export async function renderIssuer(view, { api, actions }, issuerId) {
  const id = encodeURIComponent(issuerId);
  view.replaceChildren(el("p", { class: "muted" }, "Loading the issuer…"));
  let issuer;
  try {
    issuer = await api.get(`/api/v1/issuers/${id}`);
  } catch (error) {
    view.replaceChildren(failure(error));
    return;
  }
  const section = (title, note) => {
    const body = el("div", {}, el("p", { class: "muted" }, "Loading…"));
    view.append(el("section", {}, el("h2", {}, title), note ? el("p", { class: "muted" }, note) : null, body));
    return body;
  };
  view.replaceChildren(
    el("h1", {}, issuer.legal_name, " ", el("span", { class: "muted" }, issuer.issuer_id)),
    el("p", {},
      issuer.aliases.length ? `Also: ${issuer.aliases.join(", ")}. ` : "",
      issuer.tickers.length ? `Tickers: ${issuer.tickers.join(", ")}. ` : "",
      "Industries: ",
      issuer.industries.map((i, n) => [n > 0 ? ", " : "", el("a", { href: `#/industry/${encodeURIComponent(i.industry_id)}` }, i.name)])));
  const index = section("Daily index", "Smoothed index with its parts: the firm part from texts about the issuer, the industry part from texts about its industries.");
  const spread = section("Spread", "The last observed credit spread (bps) on each scored day, and where the model expects it after its horizon.");
  const scores = section("Class probabilities", "The model's probability of each credit state, by day, and what the latest score rests on.");
  const alerts = section("Alerts");
  const texts = section("Texts about the issuer", "Newest first; the issuer's names are marked.");

  const dailyIndex = api.getAll(`/api/v1/issuers/${id}/daily-index`);
  dailyIndex.then((points) => {
    const revised = points.filter((p) => p.revision > 0);
    index.replaceChildren(lineChart("daily index", points.map((p) => p.day), [
      { name: "smoothed", cls: "s-smoothed", values: points.map((p) => p.smoothed) },
      { name: "firm", cls: "s-firm", values: points.map((p) => p.firm_score) },
      { name: "industry", cls: "s-industry", values: points.map((p) => p.industry_score) },
    ]), el("p", { class: "muted revisions" }, revised.length === 0
      ? "No day has been revised: each value is as first computed."
      : `Revised days (a late text changed the value after it was first sent): ${revised.slice(-12).map((p) => `${p.day} (revision ${p.revision})`).join(", ")}`
        + (revised.length > 12 ? ` and ${revised.length - 12} earlier.` : ".")));
  }, (error) => index.replaceChildren(failure(error)));

  api.getAll(`/api/v1/issuers/${id}/risk-scores`).then((rows) => {
    const days = rows.map((r) => r.as_of);
    spread.replaceChildren(lineChart("spread", days, [
      { name: "last spread (bps)", cls: "s-smoothed", values: rows.map((r) => r.last_spread_bps) },
      { name: "forecast (bps)", cls: "s-firm", values: rows.map((r) => (r.last_spread_bps === null ? null : r.last_spread_bps + r.spread_change_forecast_bps)) },
    ], (v) => v.toFixed(0), { zero: false }));
    const latest = rows[rows.length - 1];
    scores.replaceChildren(stackedChart("class probabilities", days, [
      { name: "performing", cls: "s-performing", values: rows.map((r) => r.probabilities.performing) },
      { name: "extended", cls: "s-extended", values: rows.map((r) => r.probabilities.extended) },
      { name: "defaulted", cls: "s-defaulted", values: rows.map((r) => r.probabilities.defaulted) },
    ]), el("p", { class: "explanation" }, !latest ? "No scores yet." : [
      `Latest (${latest.as_of}, model ${latest.model}): ${latest.risk_class}; index ${formatNumber(latest.index_value)}; `
      + `spread change forecast ${formatNumber(latest.spread_change_forecast_bps, 1)} bps over ${latest.horizon_days} days. Texts behind it: `,
      latest.evidence_doc_ids.length === 0 ? "none." : latest.evidence_doc_ids.map((doc, i) => [i > 0 ? ", " : "",
        el("a", { href: `#/document/${encodeURIComponent(doc)}` }, doc)])]));
  }, (error) => {
    spread.replaceChildren(failure(error));
    scores.replaceChildren(failure(error));
  });

  Promise.all([api.get(`/api/v1/alerts?issuer=${id}&status=any&limit=100`), api.issuerIndex()]).then(
    ([page, issuers]) => alerts.replaceChildren(alertList(page.items, issuers, undefined, actions)),
    (error) => alerts.replaceChildren(failure(error)));

  // Which days each text moved the index most on (top_doc_ids), so the reader sees why a text is here.
  const movedOn = dailyIndex.then((points) => {
    const days = new Map();
    for (const p of points) for (const doc of p.top_doc_ids ?? []) days.set(doc, [...(days.get(doc) ?? []), p.day]);
    return days;
  }, () => new Map());
  Promise.all([api.get(`/api/v1/documents?issuer=${id}&limit=50`), movedOn]).then(([page, moved]) => {
    const names = issuerNames(issuer);
    texts.replaceChildren(page.items.length === 0 ? el("p", { class: "muted" }, "No texts.") : el("ol", { class: "texts" },
      page.items.map((doc) => el("li", {},
        el("h3", {}, el("a", { href: `#/document/${encodeURIComponent(doc.doc_id)}` }, marked(highlightSegments(doc.headline ?? doc.doc_id, names)))),
        el("p", { class: "muted" }, `${formatTime(doc.published_at)} · ${doc.source}`,
          moved.has(doc.doc_id) ? ` · moved the index most on ${moved.get(doc.doc_id).join(", ")}` : ""),
        el("p", { class: "body" }, marked(highlightSegments(doc.body, names)))))));
  }, (error) => texts.replaceChildren(failure(error)));
}
