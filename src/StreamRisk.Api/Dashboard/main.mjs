// The dashboard's entry: takes the API key (typed in, or from "#key=…"), follows the team's live feed for the whole
// visit, and draws the view the fragment names: #/ alerts, #/issuer/ID, #/industry/ID, #/industry/ID/DAY,
// #/document/ID, #/topics, #/topic/ID, #/subscriptions.
import { el } from "./dom.mjs";
import { createApi } from "./api.mjs";
import { keyFromFragment, loadKey, saveKey, forgetKey } from "./key.mjs";
import { followStream } from "./live.mjs";
import { mergeAlerts, alertOfFeedEvent, withAcknowledgement } from "./alerts.mjs";
import { acknowledgementActions } from "./alertList.mjs";
import { renderFeed } from "./feedView.mjs";
import { renderIssuer } from "./issuerView.mjs";
import { renderIndustry } from "./industryView.mjs";
import { renderDocument } from "./documentView.mjs";
import { renderIndustryDay } from "./industryDayView.mjs";
import { renderTopics, renderTopic } from "./topicView.mjs";
import { renderSubscriptions } from "./subscriptionsView.mjs";

const routes = [
  [/^#\/issuer\/(.+)$/, renderIssuer],
  [/^#\/industry\/([^/]+)\/(\d{4}-\d{2}-\d{2})$/, renderIndustryDay],
  [/^#\/industry\/(.+)$/, renderIndustry],
  [/^#\/document\/(.+)$/, renderDocument],
  [/^#\/topics$/, renderTopics],
  [/^#\/topic\/(.+)$/, renderTopic],
  [/^#\/subscriptions$/, renderSubscriptions],
];

const status = document.getElementById("status");
const forget = document.getElementById("forget");

function showStatus(state, text) {
  status.className = `status ${state}`;
  status.textContent = text;
}

/** A fresh <main> per view: a slow answer for the view left behind then lands in a detached node, not on screen. */
function freshView() {
  const view = el("main", { id: "view" });
  document.getElementById("view").replaceWith(view);
  return view;
}

function askForKey(message) {
  showStatus("off", "no key");
  forget.hidden = true;
  const input = el("input", { type: "password", id: "key", autocomplete: "off", spellcheck: "false", placeholder: "srk_…", required: true });
  const form = el("form", { class: "key" },
    el("h1", {}, "StreamRisk dashboard"),
    message ? el("p", { class: "error", role: "alert" }, message) : null,
    el("label", { for: "key" }, "Your team's API key"), input,
    el("button", { type: "submit" }, "Open"),
    el("p", { class: "muted" }, "The key stays in this tab (sessionStorage) and is sent only to this server, as 'Authorization: Bearer'. "
      + "`streamrisk teams keys issue TEAM` issues one; `streamrisk live` prints a link that carries it."));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    saveKey(sessionStorage, input.value);
    open(loadKey(sessionStorage));
  });
  freshView().append(form);
  input.focus();
}

/** The alerts the start page lists: the latest page, then what the stream brings. Outlives the views. */
function createFeed(api) {
  let alerts = [];
  let loading = null;
  let listeners = [];
  const freshIds = new Set();
  const notify = () => {
    listeners = listeners.filter((l) => l.view.isConnected);
    for (const l of listeners) l.draw();
  };
  return {
    get alerts() { return alerts; },
    freshIds,
    loadLatest() {
      loading ??= api.get("/api/v1/alerts?limit=50").then((page) => {
        alerts = mergeAlerts(alerts, page.items);
      }, (error) => {
        loading = null;
        throw error;
      });
      return loading;
    },
    add(alert) {
      alerts = mergeAlerts(alerts, [alert]);
      freshIds.add(alert.alert_id);
      notify();
    },
    /** The team acknowledged an alert (an object) or withdrew it (null). */
    acknowledged(alertId, acknowledgement) {
      alerts = withAcknowledgement(alerts, alertId, acknowledgement);
      notify();
    },
    onChange(draw, view) { listeners.push({ draw, view }); },
  };
}

let live = null;

async function open(key) {
  live?.stop();
  const api = createApi(key);
  try {
    await api.issuerIndex();
  } catch (error) {
    if (error.status === 401 || error.status === 403) {
      forgetKey(sessionStorage);
      askForKey(error.message);
    } else {
      freshView().append(el("p", { class: "error", role: "alert" }, error.message));
    }
    return;
  }
  forget.hidden = false;
  const feed = createFeed(api);
  live = followStream(api, {
    onEvent(event) {
      const alert = alertOfFeedEvent(event);
      if (alert) feed.add(alert);
    },
    onStatus(state, detail) {
      if (state === "connecting") showStatus("connecting", "connecting…");
      else if (state === "live") showStatus("live", "live");
      else if (state === "waiting") showStatus("waiting", `reconnecting in ${Math.ceil(detail / 1000)} s`);
      else showStatus("off", detail.status === 403 ? "live feed off: the key lacks the 'subscribe' scope" : "live feed off: key refused");
    },
  });
  const context = { api, feed, actions: acknowledgementActions(api, (id, ack) => feed.acknowledged(id, ack)) };
  const route = () => {
    const view = freshView();
    for (const [pattern, render] of routes) {
      const match = pattern.exec(location.hash);
      if (match) return render(view, context, ...match.slice(1).map(decodeURIComponent));
    }
    return renderFeed(view, context);
  };
  window.onhashchange = route;
  route();
}

forget.addEventListener("click", () => {
  live?.stop();
  live = null;
  window.onhashchange = null;
  forgetKey(sessionStorage);
  askForKey(null);
});

const { key, rest } = keyFromFragment(location.hash);
if (key) {
  saveKey(sessionStorage, key);
  // Out of the address bar (and so out of history and bookmarks) at once.
  history.replaceState(null, "", `${location.pathname}${location.search}${rest || "#/"}`);
}
const stored = loadKey(sessionStorage);
if (stored) open(stored);
else askForKey(null);
