// SVG charts over days, drawn here rather than by a library: axes with dates and values, lines or stacked areas, and a
// tooltip that follows the pointer to the nearest day. Colours come from classes in dashboard.css.
import { svg, el } from "./dom.mjs";
import {
  linearScale, niceDomain, niceTicks, dayTicks, linePath, isolatedPoints, stackBands, areaPath, nearestIndex, timeToDay,
} from "./scales.mjs";

const Width = 760;
const Height = 260;
const Margin = { left: 52, right: 16, top: 12, bottom: 28 };

function frame(times, yDomain, yFormat) {
  const x = linearScale([times[0], times[times.length - 1]], [Margin.left, Width - Margin.right]);
  const y = linearScale(yDomain, [Height - Margin.bottom, Margin.top]);
  const axes = svg("g", { class: "axes" });
  for (const v of niceTicks(yDomain[0], yDomain[1], 5)) {
    axes.append(
      svg("line", { class: "grid", x1: Margin.left, x2: Width - Margin.right, y1: y(v), y2: y(v) }),
      svg("text", { class: "tick", x: Margin.left - 6, y: y(v) + 4, "text-anchor": "end" }, yFormat(v)),
    );
  }
  for (const t of dayTicks(times[0], times[times.length - 1], 6)) {
    axes.append(
      svg("line", { class: "axis", x1: x(t), x2: x(t), y1: Height - Margin.bottom, y2: Height - Margin.bottom + 4 }),
      svg("text", { class: "tick", x: x(t), y: Height - 8, "text-anchor": "middle" }, timeToDay(t)),
    );
  }
  axes.append(svg("line", { class: "axis", x1: Margin.left, x2: Width - Margin.right, y1: Height - Margin.bottom, y2: Height - Margin.bottom }));
  return { x, y, axes };
}

/** The hover layer: a guide line at the nearest day and a box listing `describe(index)`'s lines. */
function tooltip(root, times, x, describe) {
  const guide = svg("line", { class: "guide", y1: Margin.top, y2: Height - Margin.bottom, visibility: "hidden" });
  const box = svg("g", { class: "tooltip", visibility: "hidden" });
  const catcher = svg("rect", {
    class: "catcher", x: Margin.left, y: Margin.top, width: Width - Margin.left - Margin.right, height: Height - Margin.top - Margin.bottom,
  });
  const hide = () => {
    guide.setAttribute("visibility", "hidden");
    box.setAttribute("visibility", "hidden");
  };
  catcher.addEventListener("pointermove", (event) => {
    const point = root.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    const local = point.matrixTransform(root.getScreenCTM().inverse());
    const index = nearestIndex(times, x.invert(local.x));
    if (index < 0) return hide();
    const at = x(times[index]);
    guide.setAttribute("x1", at);
    guide.setAttribute("x2", at);
    const lines = [timeToDay(times[index]), ...describe(index)];
    const boxWidth = 14 + 7 * Math.max(...lines.map((l) => l.length));
    const left = at + 10 + boxWidth > Width ? at - 10 - boxWidth : at + 10;
    box.replaceChildren(
      svg("rect", { width: boxWidth, height: 8 + 16 * lines.length, rx: 4 }),
      ...lines.map((line, i) => svg("text", { x: 7, y: 18 + 16 * i }, line)),
    );
    box.setAttribute("transform", `translate(${left.toFixed(1)},${Margin.top + 4})`);
    guide.setAttribute("visibility", "visible");
    box.setAttribute("visibility", "visible");
  });
  catcher.addEventListener("pointerleave", hide);
  return [guide, catcher, box];
}

function legend(series) {
  return el("ul", { class: "legend" }, series.map((s) => el("li", {}, el("span", { class: `swatch ${s.cls}` }), s.name)));
}

function chartRoot(label) {
  return svg("svg", { viewBox: `0 0 ${Width} ${Height}`, class: "chart", role: "img", "aria-label": label });
}

/**
 * Lines over days. `days` is ascending ("yyyy-MM-dd"); each series has `name`, `cls` (its colour class) and `values`
 * (one per day, null where there is none).
 */
/** Lines over days; `zero: false` fits the value axis to the data (levels such as spreads) instead of spanning zero. */
export function lineChart(label, days, series, format = (v) => v.toFixed(2), { zero = true } = {}) {
  if (days.length === 0) return el("p", { class: "muted" }, `No ${label} yet.`);
  const times = days.map((d) => Date.parse(`${d}T00:00:00Z`));
  const values = series.flatMap((s) => s.values).filter((v) => v !== null && v !== undefined);
  if (values.length === 0) return el("p", { class: "muted" }, `No ${label} yet.`);
  const low = zero ? Math.min(0, ...values) : Math.min(...values);
  const high = zero ? Math.max(0, ...values) : Math.max(...values);
  const domain = niceDomain(low, high === low ? low + 1 : high, 5);
  const { x, y, axes } = frame(times, domain, format);
  const root = chartRoot(label);
  root.append(axes);
  if (domain[0] <= 0 && domain[1] >= 0) root.append(svg("line", { class: "zero", x1: Margin.left, x2: Width - Margin.right, y1: y(0), y2: y(0) }));
  for (const s of series) {
    const points = times.map((t, i) => ({ t, v: s.values[i] }));
    root.append(svg("path", { class: `line ${s.cls}`, d: linePath(points, x, y) }),
      ...isolatedPoints(points).map((p) => svg("circle", { class: `dot ${s.cls}`, cx: x(p.t), cy: y(p.v), r: 3 })));
  }
  root.append(...tooltip(root, times, x, (i) => series.map((s) => `${s.name}: ${s.values[i] === null ? "–" : format(s.values[i])}`)));
  return el("figure", {}, root, legend(series));
}

/** Shares that add up to one, stacked bottom to top in the order of `series` (each with name, cls, values). */
export function stackedChart(label, days, series) {
  if (days.length === 0) return el("p", { class: "muted" }, `No ${label} yet.`);
  const times = days.map((d) => Date.parse(`${d}T00:00:00Z`));
  const percent = (v) => `${Math.round(v * 100)}%`;
  const { x, y, axes } = frame(times, [0, 1], percent);
  const rows = times.map((t, i) => ({ t, values: Object.fromEntries(series.map((s) => [s.name, s.values[i]])) }));
  const bands = stackBands(rows, series.map((s) => s.name));
  const root = chartRoot(label);
  root.append(axes, ...bands.map((band, i) => svg("path", { class: `area ${series[i].cls}`, d: areaPath(band, x, y) })));
  root.append(...tooltip(root, times, x, (i) => series.map((s) => `${s.name}: ${(s.values[i] * 100).toFixed(1)}%`)));
  return el("figure", {}, root, legend(series));
}
