// The arithmetic of the charts, apart from the DOM so that it can be tested: scales, tick values, day handling and
// SVG path strings.

const DayMs = 86400000;

/** A linear map from the domain [d0, d1] to the range [r0, r1]; `invert` maps back. A zero-width domain maps to r0. */
export function linearScale([d0, d1], [r0, r1]) {
  const span = d1 - d0;
  const scale = (v) => (span === 0 ? r0 : r0 + ((v - d0) / span) * (r1 - r0));
  scale.invert = (p) => (r1 === r0 ? d0 : d0 + ((p - r0) / (r1 - r0)) * span);
  return scale;
}

/** A 1, 2 or 5 × 10^k step giving about `count` intervals over [min, max]. */
export function niceStep(min, max, count = 5) {
  const raw = Math.abs(max - min) / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/** `k` steps, rounded to the step's decimals so that 3 × 0.2 reads 0.6, not 0.6000000000000001. */
function steps(k, step) {
  return Number((k * step).toFixed(Math.max(0, -Math.floor(Math.log10(step)))));
}

/** [min, max] widened to whole steps, so that the axis starts and ends on a tick; a flat series gets a band around it. */
export function niceDomain(min, max, count = 5) {
  if (min === max) return [min - 1, max + 1];
  const step = niceStep(min, max, count);
  return [steps(Math.floor(min / step), step), steps(Math.ceil(max / step), step)];
}

/** Tick values at whole steps inside [min, max]. */
export function niceTicks(min, max, count = 5) {
  const step = niceStep(min, max, count);
  const ticks = [];
  for (let k = Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k++) ticks.push(steps(k, step));
  return ticks;
}

/** "2024-03-01" as milliseconds at UTC midnight (the API's days are UTC days). */
export function dayToTime(day) {
  const [y, m, d] = day.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

export function timeToDay(time) {
  return new Date(time).toISOString().slice(0, 10);
}

/** Day ticks from `first` to `last` (UTC midnights) at a step of 1, 2 or 7 days or whole weeks, at most about `count`. */
export function dayTicks(first, last, count = 6) {
  const days = Math.round((last - first) / DayMs);
  const steps = [1, 2, 7, 14, 28, 56, 91, 182, 364];
  const step = steps.find((s) => days / s <= count) ?? Math.ceil(days / count);
  const ticks = [];
  for (let d = 0; d <= days; d += step) ticks.push(first + d * DayMs);
  return ticks;
}

/** An SVG path through the points; a missing value (null) breaks the line instead of drawing it to zero. */
export function linePath(points, x, y) {
  let path = "";
  let drawing = false;
  for (const { t, v } of points) {
    if (v === null || v === undefined || Number.isNaN(v)) {
      drawing = false;
      continue;
    }
    path += `${drawing ? "L" : "M"}${x(t).toFixed(1)},${y(v).toFixed(1)}`;
    drawing = true;
  }
  return path;
}

/** Stacks the `keys` of each row (`{t, values}`) bottom to top: per key, a band of `{t, y0, y1}`. */
export function stackBands(rows, keys) {
  const bands = keys.map(() => []);
  for (const row of rows) {
    let base = 0;
    keys.forEach((key, i) => {
      const top = base + (row.values[key] ?? 0);
      bands[i].push({ t: row.t, y0: base, y1: top });
      base = top;
    });
  }
  return bands;
}

/** The closed SVG path of a band: along its tops left to right, back along its bottoms. */
export function areaPath(band, x, y) {
  if (band.length === 0) return "";
  const top = band.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.t).toFixed(1)},${y(p.y1).toFixed(1)}`).join("");
  const bottom = band.slice().reverse().map((p) => `L${x(p.t).toFixed(1)},${y(p.y0).toFixed(1)}`).join("");
  return `${top}${bottom}Z`;
}

/** The index of the value in the ascending `times` nearest to `t` (-1 when there are none). */
export function nearestIndex(times, t) {
  if (times.length === 0) return -1;
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && t - times[lo - 1] <= times[lo] - t ? lo - 1 : lo;
}
