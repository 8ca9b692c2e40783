// The team's live feed: /api/v1/stream read with fetch() and SseParser, reconnecting after a drop with
// Last-Event-ID, so nothing raised while the connection was down is missed and nothing is shown twice.
import { SseParser, reconnectDelay } from "./sse.mjs";

/**
 * Runs until `stop()`. `onEvent(event)` gets each SSE event; `onStatus(state, detail)` gets "connecting", "live",
 * "waiting" (detail: ms until the next try) or "refused" (detail: the ApiError; no retry, the key must change).
 */
export function followStream(api, { onEvent, onStatus }) {
  const controller = new AbortController();
  let lastEventId = "";
  let attempt = 0;
  let stopped = false;

  async function connectOnce() {
    onStatus("connecting");
    const response = await api.openStream(lastEventId, controller.signal);
    const parser = new SseParser();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    onStatus("live");
    attempt = 0;
    let retryMs = 1000;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return retryMs;
      for (const event of parser.push(value)) {
        lastEventId = event.id || lastEventId;
        onEvent(event);
      }
      retryMs = parser.retryMs ?? retryMs;
    }
  }

  (async () => {
    let retryMs = 1000;
    while (!stopped) {
      try {
        retryMs = await connectOnce();
      } catch (error) {
        if (stopped) return;
        if (error.status === 401 || error.status === 403) {
          onStatus("refused", error);
          return;
        }
      }
      if (stopped) return;
      const delay = reconnectDelay(attempt++, retryMs);
      onStatus("waiting", delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  })();

  return {
    stop() {
      stopped = true;
      controller.abort();
    },
  };
}
