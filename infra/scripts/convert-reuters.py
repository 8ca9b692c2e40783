#!/usr/bin/env python3
"""Convert the Reuters-21578 'acq' and 'crude' samples shipped by Debian's r-cran-tm into news.raw.v1 JSON lines.

Usage: python3 infra/scripts/convert-reuters.py [TEXTS_DIR] [OUT_FILE]
  TEXTS_DIR defaults to /usr/lib/R/site-library/tm/texts (apt-get install -y r-cran-tm)
  OUT_FILE  defaults to data/samples/01-reuters.jsonl (relative to the repository root)

The output is deterministic: same input files, same bytes out.
"""
import datetime
import json
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

DEFAULT_TEXTS = pathlib.Path("/usr/lib/R/site-library/tm/texts")
REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO_ROOT / "data" / "samples" / "01-reuters.jsonl"
TOPICS = ("acq", "crude")

# Reuters wires end every story with a sign-off that carries no content.
SIGN_OFF = re.compile(r"\s*\bReuter\s*$", re.IGNORECASE)
# The wire wraps lines at ~65 columns and starts paragraphs with an indent; we keep paragraphs, drop the wrapping.
PARAGRAPH_BREAK = re.compile(r"\n\s{2,}")
SPACES = re.compile(r"\s+")


def parse_date(text: str) -> str:
    # e.g. "26-FEB-1987 15:18:06.67"; hundredths are dropped, the wire time is taken as UTC.
    stamp = datetime.datetime.strptime(text.strip().split(".")[0], "%d-%b-%Y %H:%M:%S")
    return stamp.replace(tzinfo=datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def clean_body(raw: str) -> str:
    raw = SIGN_OFF.sub("", raw.strip())
    paragraphs = (SPACES.sub(" ", p).strip() for p in PARAGRAPH_BREAK.split(raw))
    return "\n".join(p for p in paragraphs if p)


def convert(path: pathlib.Path, topic: str) -> dict:
    root = ET.parse(path).getroot()
    number = int(re.search(r"(\d+)", path.stem).group(1))
    text = root.find("TEXT")
    title = text.findtext("TITLE") if text is not None else None
    body = text.findtext("BODY") if text is not None else None
    if not body:
        raise SystemExit(f"{path}: no <BODY>; every sample article is expected to have one")
    return {
        "doc_id": f"reuters-{topic}-{number:04d}",
        "source": "reuters",
        "published_at": parse_date(root.findtext("DATE")),
        "headline": SPACES.sub(" ", title).strip() if title else None,
        "body": clean_body(body),
        "language": "en",
        "url": None,
    }


def main() -> None:
    texts = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_TEXTS
    out = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_OUT
    records = []
    for topic in TOPICS:
        files = sorted((texts / topic).glob("*.xml"))
        if not files:
            raise SystemExit(f"{texts / topic}: no XML files (install them with: apt-get install -y r-cran-tm)")
        records.extend(convert(f, topic) for f in files)
    # A feed delivers in time order; ties broken by id so the file is stable.
    records.sort(key=lambda r: (r["published_at"], r["doc_id"]))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"wrote {len(records)} records to {out}")


if __name__ == "__main__":
    main()
