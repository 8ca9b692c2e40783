// The reference topics (#/topics), and one topic (#/topic/ID): its definition, the industries it moves with the issuers
// in them, what it moved by day (the heat map of only its texts) and the texts matched to it.
import { el, failure, formatNumber, formatTime } from "./dom.mjs";
import { renderHeatmap } from "./heatmapView.mjs";
import { direction } from "./topics.mjs";

export async function renderTopics(view, { api }) {
  view.replaceChildren(el("p", { class: "muted" }, "Loading the topics…"));
  let topics;
  try {
    topics = (await api.get("/api/v1/topics")).items;
  } catch (error) {
    view.replaceChildren(failure(error));
    return;
  }
  const byCategory = new Map();
  for (const t of topics) byCategory.set(t.category, [...(byCategory.get(t.category) ?? []), t]);
  view.replaceChildren(el("h1", {}, "Topics"),
    el("p", { class: "muted" }, "The reference topics texts are matched to, by category. Open one for the industries it moves, "
      + "what it moved by day and its texts. A team can subscribe to a topic (Subscriptions)."),
    ...[...byCategory].map(([category, list]) => el("section", {}, el("h2", {}, category),
      el("ul", { class: "industries" }, list.map((t) => el("li", {},
        el("a", { href: `#/topic/${encodeURIComponent(t.topic_id)}` }, t.name),
        el("span", { class: "muted" }, ` · ${t.industries.length} industr${t.industries.length === 1 ? "y" : "ies"}`)))))));
}

export async function renderTopic(view, { api }, topicId) {
  const id = encodeURIComponent(topicId);
  view.replaceChildren(el("p", { class: "muted" }, "Loading the topic…"));
  let topic;
  try {
    topic = await api.get(`/api/v1/topics/${id}`);
  } catch (error) {
    view.replaceChildren(failure(error));
    return;
  }
  const heatmap = el("div", {}, el("p", { class: "muted" }, "Loading…"));
  const texts = el("div", {}, el("p", { class: "muted" }, "Loading…"));
  view.replaceChildren(
    el("h1", {}, topic.name, " ", el("span", { class: "muted" }, `${topic.topic_id} · ${topic.category}`)),
    el("p", {}, topic.definition),
    el("h2", {}, "Industries it moves"),
    el("p", { class: "muted" }, "From the topic → industry matrix: the weight's sign is the direction good news on the topic moves the industry; "
      + "every issuer of a moved industry feels it through its industry part."),
    topic.industries.length === 0 ? el("p", { class: "muted" }, "None in the matrix.") : el("table", { class: "moves" },
      el("tr", {}, el("th", {}, "industry"), el("th", { class: "num" }, "weight"), el("th", {}, "good news"), el("th", { class: "num" }, "issuers")),
      topic.industries.map((i) => el("tr", {},
        el("td", {}, el("a", { href: `#/industry/${encodeURIComponent(i.industry_id)}` }, i.name)),
        el("td", { class: "num" }, formatNumber(i.weight, 2)), el("td", {}, direction(i.weight)),
        el("td", { class: "num" }, i.issuer_count)))),
    el("h2", {}, "What it moved, by day"),
    el("p", { class: "muted" }, "Industry sentiment from the texts matched to this topic only; open a cell for that day's texts."), heatmap,
    el("h2", {}, "Texts matched to it"), texts);
  renderHeatmap(heatmap, api, { topic: topicId });
  api.get(`/api/v1/documents?topic=${id}&limit=50`).then((page) => texts.replaceChildren(page.items.length === 0 ? el("p", { class: "muted" }, "None yet.")
    : el("ol", { class: "texts" }, page.items.map((doc) => el("li", {},
      el("a", { href: `#/document/${encodeURIComponent(doc.doc_id)}` }, doc.headline ?? doc.doc_id),
      el("span", { class: "muted" }, ` · ${formatTime(doc.published_at)} · ${doc.source}`))))),
  (error) => texts.replaceChildren(failure(error)));
}
