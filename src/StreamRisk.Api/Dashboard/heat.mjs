// The arithmetic of the industry × day heat map, apart from the DOM: the grid of cells and their colours.

/**
 * Rows of `{industry_id, day, score, text_count}` as a grid: every calendar day from the first to the last (columns;
 * a day without news stays, blank, so that the map reads as a calendar), the industries in the order given (rows;
 * those without any day stay too), and a cell lookup.
 */
export function heatGrid(rows, industryIds) {
  const present = rows.map((r) => r.day).sort();
  const days = [];
  if (present.length > 0) {
    const last = Date.parse(`${present[present.length - 1]}T00:00:00Z`);
    for (let t = Date.parse(`${present[0]}T00:00:00Z`); t <= last; t += 86400000) days.push(new Date(t).toISOString().slice(0, 10));
  }
  const cells = new Map(rows.map((r) => [`${r.industry_id} ${r.day}`, r]));
  return { days, industries: industryIds, cell: (industryId, day) => cells.get(`${industryId} ${day}`) ?? null };
}

/** The largest |score|, the scale's end on both sides (so 0 is always the middle colour); 1 when all are 0. */
export function scoreExtent(rows) {
  return rows.reduce((max, r) => Math.max(max, Math.abs(r.score)), 0) || 1;
}

/** A diverging colour: red below zero, white at zero, green above, full at ±extent (clamped beyond). */
export function sentimentColour(score, extent) {
  const t = Math.max(-1, Math.min(1, score / extent));
  const [r, g, b] = t < 0 ? [207, 34, 46] : [26, 127, 55];
  const mix = (c) => Math.round(255 + (c - 255) * Math.abs(t));
  return `rgb(${mix(r)},${mix(g)},${mix(b)})`;
}

/** The day `count - 1` days before `day` ("yyyy-MM-dd"): the first day of a window of `count` days ending on it. */
export function windowStart(day, count) {
  const time = Date.parse(`${day}T00:00:00Z`) - (count - 1) * 86400000;
  return new Date(time).toISOString().slice(0, 10);
}
