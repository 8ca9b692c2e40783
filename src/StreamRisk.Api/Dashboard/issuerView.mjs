// An issuer's page: its daily index (smoothed, with the firm and industry parts), its class probabilities, its alerts
// and the texts scored for it with its names marked.
import { el, failure, marked, formatTime } from "./dom.mjs";
import { lineChart, stackedChart } from "./chart.mjs";
import { alertList } from "./alertList.mjs";
import { issuerNames, highlightSegments } from "./highlight.mjs";

export async function renderIssuer(view, { api }, issuerId) {
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
  const scores = section("Class probabilities", "The model's probability of each credit state, by day.");
  const alerts = section("Alerts");
  const texts = section("Texts about the issuer", "Newest first; the issuer's names are marked.");

  const dailyIndex = api.getAll(`/api/v1/issuers/${id}/daily-index`);
  dailyIndex.then((points) => index.replaceChildren(lineChart("daily index", points.map((p) => p.day), [
    { name: "smoothed", cls: "s-smoothed", values: points.map((p) => p.smoothed) },
    { name: "firm", cls: "s-firm", values: points.map((p) => p.firm_score) },
    { name: "industry", cls: "s-industry", values: points.map((p) => p.industry_score) },
  ])), (error) => index.replaceChildren(failure(error)));

  api.getAll(`/api/v1/issuers/${id}/risk-scores`).then((rows) => scores.replaceChildren(stackedChart("class probabilities", rows.map((r) => r.as_of), [
    { name: "performing", cls: "s-performing", values: rows.map((r) => r.probabilities.performing) },
    { name: "extended", cls: "s-extended", values: rows.map((r) => r.probabilities.extended) },
    { name: "defaulted", cls: "s-defaulted", values: rows.map((r) => r.probabilities.defaulted) },
  ])), (error) => scores.replaceChildren(failure(error)));

  Promise.all([api.get(`/api/v1/alerts?issuer=${id}&status=any&limit=100`), api.issuerIndex()]).then(
    ([page, issuers]) => alerts.replaceChildren(alertList(page.items, issuers)),
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
