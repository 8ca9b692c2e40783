// Builds DOM nodes from text only (textContent, setAttribute), so data from the API is never parsed as markup.

const SvgNs = "http://www.w3.org/2000/svg";

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
  }
  return node;
}

/** An HTML element: attributes from `attrs` (class, href, …), children as nodes or strings (text). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "onclick") node.addEventListener("click", value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  return append(node, children);
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SvgNs, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  return append(node, children);
}

/** Text with some parts in <mark>, from highlight.mjs's segments. */
export function marked(segments) {
  return segments.map((s) => (s.mark ? el("mark", {}, s.text) : s.text));
}

/** A message in place of content that could not load, saying why. */
export function failure(error) {
  return el("p", { class: "error", role: "alert" }, error?.message ?? String(error));
}

export function formatNumber(value, digits = 3) {
  return value === null || value === undefined ? "–" : Number(value).toFixed(digits);
}

export function formatTime(iso) {
  return iso ? iso.replace("T", " ").replace(/(\.\d+)?(Z|\+00:00)$/, " UTC") : "";
}
