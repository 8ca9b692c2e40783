// The start page: the latest alerts, kept current by the live stream, and the offer to subscribe when the team's
// subscriptions would send it no alerts (the stream carries only what they match).
import { el, failure } from "./dom.mjs";
import { alertList } from "./alertList.mjs";
import { takesAlerts } from "./alerts.mjs";
import { renderHeatmap } from "./heatmapView.mjs";

/** Topics as <option>s grouped by category. */
export function topicOptions(topics) {
  const groups = new Map();
  for (const t of topics) groups.set(t.category, [...(groups.get(t.category) ?? []), t]);
  return [...groups].map(([category, list]) => el("optgroup", { label: category },
    list.map((t) => el("option", { value: t.topic_id }, t.name))));
}

export const AllAlertsSubscription = { name: "dashboard: all alerts", filter: { kinds: ["alert"] } };

export async function renderFeed(view, { api, feed, actions }) {
  const notice = el("div", { class: "notice" });
  const list = el("div", {}, el("p", { class: "muted" }, "Loading the latest alerts…"));
  const industries = el("div", {});
  const heatmap = el("div", {}, el("p", { class: "muted" }, "Loading…"));
  view.replaceChildren(el("h1", {}, "Alerts"), notice, list,
    el("h2", {}, "Industry sentiment by day"),
    el("p", { class: "muted" }, "Weighted mean sentiment of each industry's issuer-free texts per UTC day, over the last weeks with news: "
      + "green positive, red negative, blank no texts. Point at a cell for its value; open one for that day's texts and the topics behind them. "
      + "Pick a topic to see only what it moved."),
    heatmap, el("h2", {}, "Industries"), industries);
  const topicPicker = el("select", { id: "heatmap-topic", "aria-label": "topic" }, el("option", { value: "" }, "All topics"));
  topicPicker.addEventListener("change", () => {
    heatmap.replaceChildren(el("p", { class: "muted" }, "Loading…"));
    renderHeatmap(heatmap, api, { topic: topicPicker.value || null });
  });
  heatmap.before(el("div", { class: "filterbar" }, el("label", { for: "heatmap-topic" }, "Texts matched to"), topicPicker));
  renderHeatmap(heatmap, api);
  api.get("/api/v1/topics").then((answer) => topicPicker.append(...topicOptions(answer.items)), () => topicPicker.remove());

  let issuers;
  try {
    [issuers] = await Promise.all([api.issuerIndex(), feed.loadLatest()]);
  } catch (error) {
    list.replaceChildren(failure(error));
    return;
  }
  const draw = () => list.replaceChildren(alertList(feed.alerts, issuers, feed.freshIds, actions));
  draw();
  feed.onChange(draw, view);

  offerSubscription(api, notice);
  api.get("/api/v1/industries").then(
    (answer) => industries.replaceChildren(el("ul", { class: "industries" },
      answer.items.map((i) => el("li", {}, el("a", { href: `#/industry/${encodeURIComponent(i.industry_id)}` }, i.name), ` (${i.sector})`)))),
    (error) => industries.replaceChildren(failure(error)));
}

async function offerSubscription(api, notice) {
  let subscriptions;
  try {
    subscriptions = await api.get("/api/v1/subscriptions");
  } catch (error) {
    notice.replaceChildren(error.status === 403
      ? el("p", {}, "This key has no 'subscribe' scope: the list shows stored alerts, but new ones will not appear live. "
        + "A key issued with --scopes read,subscribe can follow the live feed.")
      : failure(error));
    return;
  }
  if (takesAlerts(subscriptions)) return;
  const button = el("button", { type: "button" }, "Subscribe to all alerts");
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      await api.post("/api/v1/subscriptions", AllAlertsSubscription);
      notice.replaceChildren(el("p", {}, "Subscribed: new alerts appear at the top of this list as they are raised."));
    } catch (error) {
      button.disabled = false;
      notice.append(failure(error));
    }
  });
  notice.replaceChildren(
    el("p", {}, "Your team has no subscription that takes alerts, so the live feed stays silent. The list below is the stored "
      + "history; to see new alerts arrive, subscribe the team to every alert (subscription \"dashboard: all alerts\": every "
      + "issuer, every severity; delete it with DELETE /api/v1/subscriptions/ID)."),
    button);
}
