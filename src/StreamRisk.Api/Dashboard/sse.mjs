// A Server-Sent Events parser for text read from fetch()'s ReadableStream. The dashboard cannot use EventSource: it
// sends no Authorization header, and the API takes keys only in headers (a key in a URL would land in logs).
// Follows the WHATWG "event stream interpretation": lines end in CRLF, LF or CR; "field: value" (one leading space
// dropped); a blank line dispatches; comments (":") are heartbeats and dispatch nothing.

/** One dispatched event: `id` is the last event id seen so far (what to send back as Last-Event-ID). */
export class SseParser {
  constructor() {
    this.pending = "";
    this.data = [];
    this.type = "";
    this.lastEventId = "";
    this.retryMs = null;
    this.skipLineFeed = false; // a chunk ended in CR: a LF opening the next chunk belongs to the same line end
    this.started = false;
  }

  /** Feeds decoded text; returns the events it completed, in order. */
  push(text) {
    if (text.length === 0) return [];
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a UTF-8 BOM opening the stream is not content
    }
    if (this.skipLineFeed && text[0] === "\n") text = text.slice(1);
    this.skipLineFeed = false;
    const buffer = this.pending + text;
    const events = [];
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const c = buffer[i];
      if (c !== "\r" && c !== "\n") continue;
      this.line(buffer.slice(start, i), events);
      if (c === "\r") {
        if (i + 1 === buffer.length) this.skipLineFeed = true;
        else if (buffer[i + 1] === "\n") i++;
      }
      start = i + 1;
    }
    this.pending = buffer.slice(start);
    return events;
  }

  line(line, events) {
    if (line === "") {
      if (this.data.length > 0) {
        events.push({ id: this.lastEventId, event: this.type || "message", data: this.data.join("\n") });
      }
      this.data = [];
      this.type = "";
      return;
    }
    if (line[0] === ":") return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value[0] === " ") value = value.slice(1);
    switch (field) {
      case "data": this.data.push(value); break;
      case "event": this.type = value; break;
      case "id": if (!value.includes("\0")) this.lastEventId = value; break;
      case "retry": if (/^[0-9]+$/.test(value)) this.retryMs = Number(value); break;
      default: break; // unknown fields are ignored, as the standard says
    }
  }
}

/**
 * How long to wait before reconnect number `attempt` (0 for the first): doubling from the server's retry hint up to
 * `maxMs`, with jitter so that many dashboards dropped together do not all come back in the same instant.
 */
export function reconnectDelay(attempt, baseMs = 1000, maxMs = 30000, random = Math.random) {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
