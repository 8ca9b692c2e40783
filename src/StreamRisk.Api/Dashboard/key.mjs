// The API key: typed in once, or handed over as "#key=srk_…" in the link `streamrisk live` prints. It is kept in
// sessionStorage (gone when the tab closes) and never put in a URL the page requests, where it would reach logs.

export const StorageName = "streamrisk.apiKey";

/** Splits "#key=srk_…&/issuer/x"-style fragments: `{key, rest}` where rest is the fragment without the key. */
export function keyFromFragment(hash) {
  const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
  const parts = fragment.split("&");
  const found = parts.find((p) => p.startsWith("key="));
  if (!found) return { key: null, rest: hash };
  const rest = parts.filter((p) => p !== found).join("&");
  return { key: decodeURIComponent(found.slice(4)).trim() || null, rest: rest ? `#${rest}` : "" };
}

export function loadKey(storage) {
  return storage.getItem(StorageName);
}

export function saveKey(storage, key) {
  storage.setItem(StorageName, key.trim());
}

export function forgetKey(storage) {
  storage.removeItem(StorageName);
}
