// The team's subscriptions (#/subscriptions): what each takes, delete; and a form to add one by issuer, industry,
// topic, kind and minimum severity, optionally delivered to a webhook (its signing secret is shown once).
import { el, failure, formatTime } from "./dom.mjs";
import { subscriptionBody, describeFilter } from "./subscriptions.mjs";

const Kinds = [["alert", "alerts"], ["score", "risk scores"], ["topic_match", "topic matches"]];
const Severities = ["info", "warning", "critical"];

export async function renderSubscriptions(view, { api }) {
  view.replaceChildren(el("p", { class: "muted" }, "Loading the team's subscriptions…"));
  let subscriptions;
  let industries;
  let topics;
  try {
    [subscriptions, industries, topics] = await Promise.all([
      api.get("/api/v1/subscriptions"), api.get("/api/v1/industries"), api.get("/api/v1/topics")]);
  } catch (error) {
    view.replaceChildren(el("h1", {}, "Subscriptions"), error.status === 403
      ? el("p", { class: "error", role: "alert" }, "This key has no 'subscribe' scope, so it cannot see or change the team's subscriptions.")
      : failure(error));
    return;
  }
  const names = new Map([...industries.items.map((i) => [i.industry_id, i.name]), ...topics.items.map((t) => [t.topic_id, t.name])]);
  const list = el("div", {});
  const drawList = () => list.replaceChildren(subscriptions.length === 0
    ? el("p", { class: "muted" }, "The team has no subscriptions: its live feed and webhooks stay silent.")
    : el("table", { class: "subscriptions" },
      el("tr", {}, ["name", "takes", "delivered to", "since", ""].map((h) => el("th", {}, h))),
      subscriptions.map((s) => {
        const remove = el("button", { type: "button", class: "delete" }, "Delete");
        remove.addEventListener("click", async () => {
          remove.disabled = true;
          try {
            await api.del(`/api/v1/subscriptions/${encodeURIComponent(s.subscription_id)}`);
            subscriptions = subscriptions.filter((x) => x.subscription_id !== s.subscription_id);
            drawList();
          } catch (error) {
            remove.disabled = false;
            remove.after(failure(error));
          }
        });
        return el("tr", { "data-subscription-id": s.subscription_id }, el("td", {}, s.name), el("td", {}, describeFilter(s.filter, names)),
          el("td", {}, s.webhook_url ?? "feed and live stream"), el("td", {}, formatTime(s.created_at)), el("td", {}, remove));
      })));
  drawList();

  const outcome = el("div", { role: "status" });
  const field = (label, input) => [el("label", { for: input.id }, label), input];
  const name = el("input", { type: "text", id: "sub-name", required: true, maxlength: 200, placeholder: "e.g. sanctions watch" });
  const kinds = el("span", { id: "sub-kinds" }, Kinds.map(([value, label]) =>
    el("label", {}, el("input", { type: "checkbox", name: "kind", value, checked: value === "alert" }), ` ${label} `)));
  const issuers = el("input", { type: "text", id: "sub-issuers", placeholder: "issuer ids, e.g. iss001 iss002 (empty: any)" });
  const industryPick = el("select", { id: "sub-industries", multiple: true },
    industries.items.map((i) => el("option", { value: i.industry_id }, i.name)));
  const topicPick = el("select", { id: "sub-topics", multiple: true }, topics.items.map((t) => el("option", { value: t.topic_id }, `${t.name} (${t.category})`)));
  const severity = el("select", { id: "sub-severity" }, Severities.map((s) => el("option", { value: s }, s)));
  const webhook = el("input", { type: "url", id: "sub-webhook", placeholder: "webhook URL (empty: feed and live stream only)" });
  const submit = el("button", { type: "submit" }, "Subscribe");
  const form = el("form", { class: "subscribe" },
    field("Name", name),
    el("span", {}, "Takes"), kinds,
    field("Issuers", issuers),
    field("Industries", industryPick),
    field("Topics", topicPick),
    field("Minimum severity", severity),
    field("Webhook URL", webhook),
    el("div", { class: "actions" }, submit, outcome));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    submit.disabled = true;
    const selected = (select) => [...select.selectedOptions].map((o) => o.value);
    const body = subscriptionBody({
      name: name.value, issuers: issuers.value, industries: selected(industryPick), topics: selected(topicPick),
      minSeverity: severity.value, webhookUrl: webhook.value,
      kinds: [...kinds.querySelectorAll("input:checked")].map((c) => c.value),
    });
    try {
      const created = await api.post("/api/v1/subscriptions", body);
      subscriptions = [...subscriptions, created.subscription];
      drawList();
      outcome.replaceChildren(el("p", {}, `Subscribed: "${created.subscription.name}".`),
        created.webhook_secret ? el("p", {}, "Webhook signing secret (shown only now; deliveries carry an HMAC-SHA256 signature made with it): ",
          el("code", { class: "secret" }, created.webhook_secret)) : "");
      form.reset();
    } catch (error) {
      outcome.replaceChildren(failure(error));
    } finally {
      submit.disabled = false;
    }
  });

  view.replaceChildren(el("h1", {}, "Subscriptions"),
    el("p", { class: "muted" }, "What your team's live feed, stream and webhooks carry. Other teams never see these."),
    list, el("h2", {}, "Add a subscription"), form);
}
