// Finds an issuer's names in a text and cuts the text into plain and marked segments. The page turns segments into
// text nodes and <mark> elements, so no part of a text is ever parsed as HTML: "<script>" in a news body stays text.

/** The names a text may call the issuer by: legal name and aliases (any case), tickers (exact case, as printed). */
export function issuerNames(issuer) {
  const names = [];
  const add = (text, exactCase) => {
    const name = (text ?? "").trim();
    if (name.length > 0 && !names.some((n) => n.text === name && n.exactCase === exactCase)) names.push({ text: name, exactCase });
  };
  add(issuer.legal_name, false);
  for (const alias of issuer.aliases ?? []) add(alias, false);
  for (const ticker of issuer.tickers ?? []) add(ticker, true);
  return names;
}

export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * `text` as segments `{text, mark}` whose texts join back to `text`. A name counts only as a whole word (a ticker "GM"
 * is not marked inside "GMT"); where names overlap the earlier, then the longer, wins.
 */
export function highlightSegments(text, names) {
  const spans = [];
  for (const name of names) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name.text)}(?![\\p{L}\\p{N}])`, name.exactCase ? "gu" : "giu");
    for (const match of text.matchAll(pattern)) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const segments = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue; // overlaps a span already marked
    if (span.start > at) segments.push({ text: text.slice(at, span.start), mark: false });
    segments.push({ text: text.slice(span.start, span.end), mark: true });
    at = span.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: false });
  return segments;
}
