// One industry on one day, opened from a heat-map cell: the day's value, the topics behind it (how many texts matched
// each and their mean score) and the texts themselves with their topics.
import { el, failure, formatNumber, formatTime } from "./dom.mjs";
import { topicsBehind } from "./topics.mjs";

/** Texts read in detail for one day; a busier day lists the rest without their topics. */
const DetailLimit = 60;

export async function renderIndustryDay(view, { api }, industryId, day) {
  const id = encodeURIComponent(industryId);
  view.replaceChildren(el("p", { class: "muted" }, "Loading the day…"));
  let industry;
  let value;
  let documents;
  let topicNames;
  try {
    [industry, value, documents, topicNames] = await Promise.all([
      api.get(`/api/v1/industries/${id}`),
      api.get(`/api/v1/industry-sentiment?industry=${id}&from=${day}&to=${day}`),
      api.getAll(`/api/v1/documents?industry=${id}&from=${day}&to=${day}`),
      api.get("/api/v1/topics").then((t) => new Map(t.items.map((x) => [x.topic_id, x.name])), () => new Map()),
    ]);
  } catch (error) {
    view.replaceChildren(failure(error));
    return;
  }
  let details;
  try {
    details = await Promise.all(documents.slice(0, DetailLimit).map((d) => api.get(`/api/v1/documents/${encodeURIComponent(d.doc_id)}`)));
  } catch (error) {
    view.replaceChildren(failure(error));
    return;
  }
  const rowsOf = (detail) => detail.industry_sentiment.filter((s) => s.industry_id === industryId);
  const rows = details.flatMap(rowsOf);
  const topicLink = (topicId) => el("a", { href: `#/topic/${encodeURIComponent(topicId)}` }, topicNames.get(topicId) ?? topicId);
  const cell = value.items[0];
  view.replaceChildren(
    el("h1", {}, el("a", { href: `#/industry/${id}` }, industry.name), ` on ${day}`),
    el("p", {}, cell
      ? `Sentiment ${formatNumber(cell.score)} from ${cell.text_count} text${cell.text_count === 1 ? "" : "s"} (Σ|weight| ${formatNumber(cell.weight, 2)}).`
      : "No industry sentiment on this day."),
    el("h2", {}, "Topics behind the day"),
    el("p", { class: "muted" }, "The reference topics the day's texts were matched to: how many texts, and their weighted mean score for this industry."),
    rows.length === 0 ? el("p", { class: "muted" }, "None.") : el("table", { class: "topics-behind" },
      el("tr", {}, el("th", {}, "topic"), el("th", { class: "num" }, "texts"), el("th", { class: "num" }, "mean score")),
      topicsBehind(rows).map((t) => el("tr", {}, el("td", {}, topicLink(t.topic_id)), el("td", { class: "num" }, t.texts),
        el("td", { class: `num ${t.score > 0 ? "up" : t.score < 0 ? "down" : ""}` }, formatNumber(t.score))))),
    el("h2", {}, "Texts"),
    documents.length > DetailLimit ? el("p", { class: "muted" }, `The first ${DetailLimit} of ${documents.length} texts are read for their topics.`) : "",
    documents.length === 0 ? el("p", { class: "muted" }, "None.") : el("ol", { class: "texts" }, documents.map((doc, i) => {
      const scored = details[i] ? rowsOf(details[i]) : [];
      return el("li", {},
        el("h3", {}, el("a", { href: `#/document/${encodeURIComponent(doc.doc_id)}` }, doc.headline ?? doc.doc_id)),
        el("p", { class: "muted" }, `${formatTime(doc.published_at)} · ${doc.source}`,
          scored.length ? ` · score ${formatNumber(scored[0].score)}, weight ${formatNumber(scored[0].weight, 2)}` : ""),
        scored.length ? el("ul", { class: "chips" }, scored[0].topics.map((t) => el("li", {}, topicLink(t.topic_id)))) : null);
    })));
}
