// The arithmetic of the industry × day heat map, apart from the DOM: the grid of cells and their colours.

/**
 * Rows of `{industry_id, day, score, text_count}` as a grid: the days in order (columns), the industries in the order
 * given (rows; those without any day stay, so that every industry has its row), and a cell lookup.
 */
export function heatGrid(rows, industryIds) {
  const days = [...new Set(rows.map((r) => r.day))].sort();
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
