// Runs the dashboard's own stream client (api.mjs + live.mjs) against a real server, as the page would:
//   node follow-feed.mjs BASE_URL API_KEY COUNT
// Prints "status STATE" for each status change and "alert ALERT_ID" for each alert, and exits after COUNT alerts.
import { createApi } from "../../../../src/StreamRisk.Api/Dashboard/api.mjs";
import { followStream } from "../../../../src/StreamRisk.Api/Dashboard/live.mjs";
import { alertOfFeedEvent } from "../../../../src/StreamRisk.Api/Dashboard/alerts.mjs";

const [base, key, count] = process.argv.slice(2);
const api = createApi(key, (path, init) => fetch(new URL(path, base), init));
let seen = 0;
const live = followStream(api, {
  onEvent(event) {
    const alert = alertOfFeedEvent(event);
    if (!alert) return;
    console.log(`alert ${alert.alert_id}`);
    if (++seen >= Number(count)) {
      live.stop();
      process.exit(0);
    }
  },
  onStatus(state, detail) {
    console.log(`status ${state}${state === "refused" ? ` ${detail.status}` : ""}`);
    if (state === "refused") process.exit(3);
  },
});
