// The chart arithmetic: scales, ticks, days and paths.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  linearScale, niceStep, niceDomain, niceTicks, dayToTime, timeToDay, dayTicks, linePath, stackBands, areaPath, nearestIndex,
} from "../../../../src/StreamRisk.Api/Dashboard/scales.mjs";

test("a linear scale maps the domain onto the range, inverted too (SVG y grows downwards)", () => {
  const y = linearScale([-1, 1], [200, 0]);
  assert.equal(y(-1), 200);
  assert.equal(y(0), 100);
  assert.equal(y(1), 0);
  assert.equal(y.invert(50), 0.5);
  assert.equal(linearScale([5, 5], [10, 90])(5), 10);
});

test("nice steps, domains and ticks land on 1, 2, 5 × 10^k", () => {
  assert.equal(niceStep(0, 1, 5), 0.2);
  assert.equal(niceStep(0, 73, 5), 20);
  assert.deepEqual(niceDomain(-0.37, 0.52, 5), [-0.4, 0.6]);
  assert.deepEqual(niceTicks(-0.4, 0.6, 5), [-0.4, -0.2, 0, 0.2, 0.4, 0.6]);
  assert.deepEqual(niceTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(niceDomain(0.3, 0.3), [-0.7, 1.3]);
});

test("days are UTC midnights and come back unchanged", () => {
  assert.equal(dayToTime("2024-03-01"), Date.UTC(2024, 2, 1));
  assert.equal(timeToDay(dayToTime("2024-02-29")), "2024-02-29");
});

test("day ticks step by whole days and weeks, at most about the count asked", () => {
  const first = dayToTime("2024-01-01");
  assert.deepEqual(dayTicks(first, dayToTime("2024-01-04"), 6).map(timeToDay), ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"]);
  const quarter = dayTicks(first, dayToTime("2024-03-31"), 6);
  assert.ok(quarter.length <= 7);
  assert.equal(quarter[1] - quarter[0], 28 * 86400000);
  assert.deepEqual(dayTicks(first, first, 6), [first]);
});

test("a line breaks at missing values instead of falling to zero", () => {
  const id = (v) => v;
  assert.equal(linePath([{ t: 0, v: 1 }, { t: 1, v: 2 }, { t: 2, v: null }, { t: 3, v: 4 }], id, id), "M0.0,1.0L1.0,2.0M3.0,4.0");
  assert.equal(linePath([], id, id), "");
});

test("stacked bands sit on each other and close into areas", () => {
  const bands = stackBands([{ t: 0, values: { a: 0.5, b: 0.5 } }, { t: 1, values: { a: 0.2, b: 0.8 } }], ["a", "b"]);
  assert.deepEqual(bands[0], [{ t: 0, y0: 0, y1: 0.5 }, { t: 1, y0: 0, y1: 0.2 }]);
  assert.deepEqual(bands[1], [{ t: 0, y0: 0.5, y1: 1 }, { t: 1, y0: 0.2, y1: 1 }]);
  const id = (v) => v;
  assert.equal(areaPath(bands[0], id, id), "M0.0,0.5L1.0,0.2L1.0,0.0L0.0,0.0Z");
});

test("the nearest day to the pointer, ties to the earlier", () => {
  const times = [0, 10, 20];
  assert.equal(nearestIndex(times, -5), 0);
  assert.equal(nearestIndex(times, 4), 0);
  assert.equal(nearestIndex(times, 5), 0);
  assert.equal(nearestIndex(times, 6), 1);
  assert.equal(nearestIndex(times, 99), 2);
  assert.equal(nearestIndex([], 1), -1);
});
