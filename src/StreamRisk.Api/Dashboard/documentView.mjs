// One text with what was scored on it: the issuers it moved (their names marked in the text) and the industries.
import { el, failure, marked, formatNumber, formatTime } from "./dom.mjs";
import { issuerNames, highlightSegments } from "./highlight.mjs";

export async function renderDocument(view, { api }, docId) {
  view.replaceChildren(el("p", { class: "muted" }, "Loading the text…"));
  let detail;
  let issuers;
  try {
    [detail, issuers] = await Promise.all([api.get(`/api/v1/documents/${encodeURIComponent(docId)}`), api.issuerIndex()]);
  } catch (error) {
    view.replaceChildren(failure(error));
    return;
  }
  const doc = detail.document;
  const names = detail.firm_sentiment.flatMap((f) => (issuers.has(f.issuer_id) ? issuerNames(issuers.get(f.issuer_id)) : []));
  const issuerLink = (id) => el("a", { href: `#/issuer/${encodeURIComponent(id)}` }, issuers.get(id)?.legal_name ?? id);
  view.replaceChildren(
    el("h1", {}, marked(highlightSegments(doc.headline ?? doc.doc_id, names))),
    el("p", { class: "muted" }, `${doc.doc_id} · ${formatTime(doc.published_at)} · ${doc.source}${doc.language ? ` · ${doc.language}` : ""}`),
    el("p", { class: "body" }, marked(highlightSegments(doc.body, names))),
    el("h2", {}, "Issuers it moved"),
    detail.firm_sentiment.length === 0 ? el("p", { class: "muted" }, "None: no issuer is named in it.") : el("table", {},
      el("tr", {}, ["issuer", "score", "negative", "neutral", "positive", "mentions"].map((h) => el("th", {}, h))),
      detail.firm_sentiment.map((f) => el("tr", {}, el("td", {}, issuerLink(f.issuer_id)), el("td", {}, formatNumber(f.score)),
        el("td", {}, formatNumber(f.p_neg)), el("td", {}, formatNumber(f.p_neu)), el("td", {}, formatNumber(f.p_pos)), el("td", {}, f.mention_count)))),
    el("h2", {}, "Industries it moved"),
    detail.industry_sentiment.length === 0 ? el("p", { class: "muted" }, "None: it is scored for issuers only.") : el("table", {},
      el("tr", {}, ["industry", "score", "weight", "topics"].map((h) => el("th", {}, h))),
      detail.industry_sentiment.map((s) => el("tr", {},
        el("td", {}, el("a", { href: `#/industry/${encodeURIComponent(s.industry_id)}` }, s.industry_id)),
        el("td", {}, formatNumber(s.score)), el("td", {}, formatNumber(s.weight)),
        el("td", {}, s.topics.map((t, i) => [i > 0 ? ", " : "",
          el("a", { href: `#/topic/${encodeURIComponent(t.topic_id)}` }, t.topic_id), ` (${formatNumber(t.similarity, 2)})`]))))));
}
