// Calls to /api/v1 with the team's key. Refusals become ApiError with a sentence a person can act on, because the
// page must say why it is empty rather than stay blank.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The sentence shown for a refused or failed call; `problem` is the API's problem+json body when there was one. */
export function explainFailure(status, problem) {
  if (status === 401) return "The API key was refused: it is unknown, revoked or mistyped. Enter a live key (streamrisk teams keys issue TEAM).";
  if (status === 403) return `This key may not do that: ${problem?.detail ?? "a scope is missing"}.`;
  if (status === 404) return problem?.detail ?? "Not found.";
  if (status === 429) return "Too many requests for this key; the page tries again later.";
  return `The API answered ${status}${problem?.title ? ` (${problem.title})` : ""}${problem?.detail ? `: ${problem.detail}` : ""}.`;
}

export function createApi(key, fetchImpl = (...args) => fetch(...args)) {
  const headers = (extra = {}) => ({ Authorization: `Bearer ${key}`, Accept: "application/json", ...extra });

  async function fail(response) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      // not a problem+json body: the status alone has to do
    }
    return new ApiError(response.status, explainFailure(response.status, problem));
  }

  async function get(path) {
    const response = await fetchImpl(path, { headers: headers() });
    if (!response.ok) throw await fail(response);
    return response.json();
  }

  /** Every item of a paged list, following next_cursor. */
  async function getAll(path, limit = 1000) {
    const items = [];
    const separator = path.includes("?") ? "&" : "?";
    let cursor = null;
    do {
      const page = await get(`${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      items.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor);
    return items;
  }

  async function send(method, path, body) {
    const response = await fetchImpl(path, {
      method,
      headers: headers(body === undefined ? {} : { "Content-Type": "application/json" }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw await fail(response);
    return response.status === 204 ? null : response.json();
  }

  const post = (path, body) => send("POST", path, body);
  const put = (path, body) => send("PUT", path, body);
  const del = (path) => send("DELETE", path);

  /** Opens the team's SSE stream; the caller reads response.body. */
  async function openStream(lastEventId, signal) {
    const extra = { Accept: "text/event-stream" };
    if (lastEventId) extra["Last-Event-ID"] = lastEventId;
    const response = await fetchImpl("/api/v1/stream", { headers: headers(extra), signal, cache: "no-store" });
    if (!response.ok) throw await fail(response);
    return response;
  }

  let issuers = null;
  /** All issuers by id, read once per page load: the feed and the texts show legal names, not ids. */
  function issuerIndex() {
    issuers ??= getAll("/api/v1/issuers").then((list) => new Map(list.map((i) => [i.issuer_id, i])), (error) => {
      issuers = null; // a failed read is asked again by the next view, not remembered
      throw error;
    });
    return issuers;
  }

  return { get, getAll, post, put, del, openStream, issuerIndex };
}
