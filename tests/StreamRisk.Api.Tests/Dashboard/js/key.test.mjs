// The key handed over in the link's fragment, and the call wrapper's refusals and paging.
import { test } from "node:test";
import assert from "node:assert/strict";
import { keyFromFragment, loadKey, saveKey, forgetKey } from "../../../../src/StreamRisk.Api/Dashboard/key.mjs";
import { createApi, explainFailure } from "../../../../src/StreamRisk.Api/Dashboard/api.mjs";

test("a key in the fragment is taken out, leaving the rest of the fragment", () => {
  assert.deepEqual(keyFromFragment("#key=srk_abc"), { key: "srk_abc", rest: "" });
  assert.deepEqual(keyFromFragment("#key=srk_abc&/issuer/acme"), { key: "srk_abc", rest: "#/issuer/acme" });
  assert.deepEqual(keyFromFragment("#/issuer/acme"), { key: null, rest: "#/issuer/acme" });
  assert.deepEqual(keyFromFragment(""), { key: null, rest: "" });
});

test("the key is kept trimmed in the given storage and forgotten on request", () => {
  const values = new Map();
  const storage = { getItem: (k) => values.get(k) ?? null, setItem: (k, v) => values.set(k, v), removeItem: (k) => values.delete(k) };
  saveKey(storage, "  srk_x \n");
  assert.equal(loadKey(storage), "srk_x");
  forgetKey(storage);
  assert.equal(loadKey(storage), null);
});

function fakeFetch(pages, seen) {
  return async (url, init) => {
    seen.push({ url, init });
    const body = pages.shift();
    return { ok: body.status === undefined, status: body.status ?? 200, json: async () => body };
  };
}

test("every call sends the key as a Bearer header; lists are followed to their last page", async () => {
  const seen = [];
  const api = createApi("srk_k", fakeFetch([{ items: [1, 2], next_cursor: "c/1" }, { items: [3], next_cursor: null }], seen));
  assert.deepEqual(await api.getAll("/api/v1/issuers?industry=banks", 2), [1, 2, 3]);
  assert.equal(seen[0].url, "/api/v1/issuers?industry=banks&limit=2");
  assert.equal(seen[1].url, "/api/v1/issuers?industry=banks&limit=2&cursor=c%2F1");
  assert.ok(seen.every((s) => s.init.headers.Authorization === "Bearer srk_k"));
});

test("refusals become errors with their status and a sentence to act on", async () => {
  const api = createApi("srk_bad", fakeFetch([{ status: 401, title: "API key required" }], []));
  await assert.rejects(api.get("/api/v1/alerts"), (error) => error.status === 401 && /key was refused/.test(error.message));
  assert.match(explainFailure(403, { detail: "this operation needs the 'subscribe' scope" }), /needs the 'subscribe' scope/);
  assert.match(explainFailure(500, { title: "Oops" }), /500 \(Oops\)/);
});
