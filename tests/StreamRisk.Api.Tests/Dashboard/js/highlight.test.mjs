// Marking an issuer's names in a text: whole words, tickers by exact case, and markup kept as plain text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { issuerNames, highlightSegments, escapeRegExp } from "../../../../src/StreamRisk.Api/Dashboard/highlight.mjs";

const issuer = { legal_name: "Acme Holdings plc", aliases: ["Acme", "ACME Corp."], tickers: ["ACM"] };

const marks = (segments) => segments.filter((s) => s.mark).map((s) => s.text);

test("the issuer's names: legal name, aliases, tickers; blanks and repeats dropped", () => {
  const names = issuerNames({ legal_name: "A", aliases: ["", "B", "B"], tickers: ["T"] });
  assert.deepEqual(names, [{ text: "A", exactCase: false }, { text: "B", exactCase: false }, { text: "T", exactCase: true }]);
});

test("names are marked as whole words in any case, the longer name winning where they overlap", () => {
  const text = "acme holdings PLC said Acme's lender, not Acmeville, cut ACME Corp. debt.";
  const segments = highlightSegments(text, issuerNames(issuer));
  assert.deepEqual(marks(segments), ["acme holdings PLC", "Acme", "ACME Corp."]);
  assert.equal(segments.map((s) => s.text).join(""), text);
});

test("a ticker is marked only in its own case", () => {
  assert.deepEqual(marks(highlightSegments("ACM fell; acm is a word here", issuerNames(issuer))), ["ACM"]);
});

test("markup in a text stays text: segments carry it verbatim for text nodes, nothing is interpreted", () => {
  const text = '<img src=x onerror=alert(1)> Acme <script>alert("x")</script>';
  const segments = highlightSegments(text, issuerNames(issuer));
  assert.equal(segments.map((s) => s.text).join(""), text);
  assert.deepEqual(marks(segments), ["Acme"]);
});

test("names with regular-expression characters match literally", () => {
  assert.equal(escapeRegExp("A.B (C)*"), "A\\.B \\(C\\)\\*");
  assert.deepEqual(marks(highlightSegments("AxB and A.B", [{ text: "A.B", exactCase: false }])), ["A.B"]);
});

test("a text without the names is one plain segment; an empty text none", () => {
  assert.deepEqual(highlightSegments("nothing here", issuerNames(issuer)), [{ text: "nothing here", mark: false }]);
  assert.deepEqual(highlightSegments("", issuerNames(issuer)), []);
});
