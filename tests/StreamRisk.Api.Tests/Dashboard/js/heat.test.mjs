// The heat map's grid and colours.
import { test } from "node:test";
import assert from "node:assert/strict";
import { heatGrid, scoreExtent, sentimentColour, windowStart } from "../../../../src/StreamRisk.Api/Dashboard/heat.mjs";

const rows = [
  { industry_id: "banks", day: "2024-03-02", score: -0.5, text_count: 2 },
  { industry_id: "energy", day: "2024-03-01", score: 0.25, text_count: 1 },
];

test("the grid's columns are every day from the first to the last; every industry keeps its row, with empty cells", () => {
  const grid = heatGrid([...rows, { industry_id: "banks", day: "2024-03-04", score: 0, text_count: 1 }], ["autos", "banks", "energy"]);
  assert.deepEqual(grid.days, ["2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04"]);
  assert.equal(grid.cell("banks", "2024-03-03"), null);
  assert.deepEqual(heatGrid([], ["autos"]).days, []);
  assert.deepEqual(grid.industries, ["autos", "banks", "energy"]);
  assert.equal(grid.cell("banks", "2024-03-02").score, -0.5);
  assert.equal(grid.cell("autos", "2024-03-01"), null);
});

test("colours diverge from white at zero, full at the extent on either side, clamped beyond", () => {
  assert.equal(scoreExtent(rows), 0.5);
  assert.equal(scoreExtent([{ score: 0 }]), 1);
  assert.equal(sentimentColour(0, 0.5), "rgb(255,255,255)");
  assert.equal(sentimentColour(-0.5, 0.5), "rgb(207,34,46)");
  assert.equal(sentimentColour(0.5, 0.5), "rgb(26,127,55)");
  assert.equal(sentimentColour(9, 0.5), sentimentColour(0.5, 0.5));
  assert.equal(sentimentColour(-0.25, 0.5), "rgb(231,145,151)");
});

test("a window of n days ends on the given day, across month ends", () => {
  assert.equal(windowStart("2024-03-01", 1), "2024-03-01");
  assert.equal(windowStart("2024-03-01", 2), "2024-02-29");
  assert.equal(windowStart("2024-03-10", 60), "2024-01-11");
});
