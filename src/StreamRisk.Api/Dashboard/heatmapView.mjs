// The industry × day heat map of industry sentiment: the last weeks that have news, one row per industry (with a topic:
// only the texts matched to it, and only the industries it moved); a cell opens that industry's day, its texts and
// topics. Colours are SVG fill attributes, which the strict style policy allows.
import { el, svg, failure, formatNumber } from "./dom.mjs";
import { heatGrid, scoreExtent, sentimentColour, windowStart } from "./heat.mjs";

const Days = 60;
const LabelWidth = 230;
const LabelLength = 34;
const CellHeight = 16;

export async function renderHeatmap(container, api, { topic = null } = {}) {
  const only = topic ? `topic=${encodeURIComponent(topic)}&` : "";
  let industries;
  let rows;
  try {
    const [list, newest] = await Promise.all([api.get("/api/v1/industries"), api.get(`/api/v1/documents?${only}limit=1`)]);
    industries = list.items;
    if (newest.items.length === 0) {
      container.replaceChildren(el("p", { class: "muted" }, topic ? "No texts matched to this topic yet." : "No texts yet."));
      return;
    }
    // The window ends on the newest text's day, not today: a replayed or simulated market has its own calendar.
    const last = newest.items[0].published_at.slice(0, 10);
    rows = await api.getAll(`/api/v1/industry-sentiment?${only}from=${windowStart(last, Days)}&to=${last}`);
  } catch (error) {
    container.replaceChildren(failure(error));
    return;
  }
  if (rows.length === 0) {
    container.replaceChildren(el("p", { class: "muted" }, "No industry sentiment in the last weeks with news."));
    return;
  }
  if (topic) {
    const moved = new Set(rows.map((r) => r.industry_id));
    industries = industries.filter((i) => moved.has(i.industry_id));
  }
  const grid = heatGrid(rows, industries.map((i) => i.industry_id));
  const extent = scoreExtent(rows);
  const cellWidth = Math.max(6, Math.floor(600 / grid.days.length));
  const width = LabelWidth + cellWidth * grid.days.length;
  const height = CellHeight * industries.length + 22;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "heatmap", role: "img", "aria-label": "industry sentiment by day" });
  industries.forEach((industry, row) => {
    const y = row * CellHeight;
    const link = svg("a", { href: `#/industry/${encodeURIComponent(industry.industry_id)}` },
      svg("text", { x: LabelWidth - 6, y: y + CellHeight - 4, "text-anchor": "end", class: "label" },
        industry.name.length > LabelLength ? `${industry.name.slice(0, LabelLength - 1)}…` : industry.name, svg("title", {}, industry.name)));
    root.append(link);
    grid.days.forEach((day, column) => {
      const cell = grid.cell(industry.industry_id, day);
      if (!cell) return;
      root.append(svg("a", { href: `#/industry/${encodeURIComponent(industry.industry_id)}/${day}` },
        svg("rect", { x: LabelWidth + column * cellWidth, y, width: cellWidth - 1, height: CellHeight - 1, fill: sentimentColour(cell.score, extent) },
          svg("title", {}, `${industry.name}, ${day}: ${formatNumber(cell.score)} from ${cell.text_count} text${cell.text_count === 1 ? "" : "s"}`))));
    });
  });
  const bottom = CellHeight * industries.length + 14;
  root.append(
    svg("text", { x: LabelWidth, y: bottom, class: "label" }, grid.days[0]),
    svg("text", { x: width, y: bottom, "text-anchor": "end", class: "label" }, grid.days[grid.days.length - 1]));
  container.replaceChildren(el("figure", {}, root, el("ul", { class: "legend" },
    [-extent, 0, extent].map((v) => el("li", {}, svg("svg", { width: 14, height: 10 }, svg("rect", { width: 14, height: 10, fill: sentimentColour(v, extent) })),
      ` ${formatNumber(v, 2)}`)))));
}
