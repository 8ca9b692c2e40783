// Draws the operations of /openapi/v1.json. Builds DOM nodes with textContent only, so nothing in the document is
// ever interpreted as HTML.
"use strict";
(async () => {
  const root = document.getElementById("operations");
  const el = (tag, text, cls) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  };
  let spec;
  try {
    const response = await fetch("/openapi/v1.json");
    spec = await response.json();
  } catch (error) {
    root.replaceChildren(el("p", "Could not load /openapi/v1.json: " + error));
    return;
  }
  root.replaceChildren();
  for (const [path, item] of Object.entries(spec.paths || {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!["get", "post", "put", "delete", "patch"].includes(method)) continue;
      const box = el("section", undefined, "op");
      const title = el("h2");
      title.append(el("span", method.toUpperCase(), "method"), el("code", path));
      box.append(title);
      if (op.summary) box.append(el("p", op.summary));
      const params = [...(item.parameters || []), ...(op.parameters || [])];
      if (params.length) {
        const table = el("table");
        const head = el("tr");
        head.append(el("th", "parameter"), el("th", "in"), el("th", "description"));
        table.append(head);
        for (const p of params) {
          const row = el("tr");
          row.append(el("td", p.name + (p.required ? " (required)" : "")), el("td", p.in), el("td", p.description || ""));
          table.append(row);
        }
        box.append(table);
      }
      const codes = Object.keys(op.responses || {});
      if (codes.length) box.append(el("p", "Responses: " + codes.join(", "), "muted"));
      root.append(box);
    }
  }
})();
