#!/usr/bin/env python3
"""Write data/samples/fundamentals.jsonl (fundamentals.v1) and data/samples/spreads.jsonl (spreads.v1) for ten issuers
named in the sample texts. The numbers are synthetic (fixed seed, deterministic), shaped like real quarterly
disclosures and daily credit spreads over the sample period; each file also gets two broken lines on purpose.

Usage: python3 infra/scripts/make-sample-market-data.py [OUT_DIR]   (default: data/samples)
"""
import datetime as dt
import json
import pathlib
import random
import sys

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO_ROOT / "data" / "samples"

# issuer id -> (starting spread bps, daily volatility bps, revenue per quarter in dlrs, leverage = debt / assets)
ISSUERS = {
    "texaco": (310.0, 9.0, 7.5e9, 0.46),
    "unocal": (260.0, 6.0, 2.6e9, 0.55),
    "american_express": (95.0, 2.5, 3.4e9, 0.30),
    "bank_of_new_york": (80.0, 2.0, 0.9e9, 0.25),
    "cyclops": (420.0, 10.0, 0.35e9, 0.62),
    "nippon_kokan": (180.0, 5.0, 4.1e9, 0.58),
    "marriott": (140.0, 3.5, 1.6e9, 0.48),
    "viacom": (520.0, 14.0, 0.25e9, 0.71),
    "pittston": (230.0, 6.0, 0.45e9, 0.40),
    "union_carbide": (350.0, 8.0, 1.6e9, 0.64),
}
# Shocks on event days (bps), matching the hand-made texts: a lost court appeal, a debt paydown, takeover debt, ...
SHOCKS = {
    ("texaco", dt.date(1987, 3, 6)): 85.0,
    ("texaco", dt.date(1987, 3, 24)): -20.0,
    ("unocal", dt.date(1987, 3, 3)): 35.0,
    ("american_express", dt.date(1987, 3, 4)): -8.0,
    ("bank_of_new_york", dt.date(1987, 3, 3)): 12.0,
    ("cyclops", dt.date(1987, 3, 4)): -30.0,
    ("nippon_kokan", dt.date(1987, 3, 4)): 25.0,
    ("viacom", dt.date(1987, 3, 2)): 60.0,
    ("viacom", dt.date(1987, 4, 6)): 40.0,
    ("pittston", dt.date(1987, 3, 13)): -15.0,
    ("union_carbide", dt.date(1987, 3, 20)): -45.0,
}
QUARTER_ENDS = [dt.date(1986, 3, 31), dt.date(1986, 6, 30), dt.date(1986, 9, 30), dt.date(1986, 12, 31)]
FIRST_DAY, LAST_DAY = dt.date(1987, 2, 26), dt.date(1987, 4, 10)


def dump(obj) -> str:
    return json.dumps(obj, separators=(",", ":"))


def fundamentals(rng: random.Random) -> list:
    out = []
    for issuer, (_, _, revenue, leverage) in ISSUERS.items():
        for q in QUARTER_ENDS:
            # Filings arrive 35-75 days after the quarter ends: irregular on purpose (T-LSTM's time gaps).
            published = dt.datetime.combine(q + dt.timedelta(days=rng.randint(35, 75)), dt.time(0), dt.timezone.utc)
            rev = revenue * rng.uniform(0.9, 1.1)
            assets = revenue * 4.0 * rng.uniform(0.97, 1.03)
            debt = assets * leverage * rng.uniform(0.97, 1.03)
            ebit = rev * rng.uniform(0.03, 0.14)
            interest = debt * rng.uniform(0.018, 0.026)
            net_income = (ebit - interest) * 0.62
            indicators = {
                "revenue": round(rev, -5),
                "ebit": round(ebit, -5),
                "net_income": round(net_income, -5),
                "total_assets": round(assets, -6),
                "total_debt": round(debt, -6),
                "interest_expense": round(interest, -5),
                "roa": round(net_income * 4 / assets, 4),
                "debt_to_assets": round(debt / assets, 4),
                "interest_coverage": round(ebit / interest, 2),
                "current_ratio": round(rng.uniform(0.8, 2.2), 2),
            }
            out.append(dump({"issuer_id": issuer, "period_end": q.isoformat(),
                             "published_at": published.strftime("%Y-%m-%dT%H:%M:%SZ"), "indicators": indicators}))
    out.sort(key=lambda s: (json.loads(s)["published_at"], json.loads(s)["issuer_id"]))
    out.insert(7, dump({"issuer_id": "no_such_issuer", "period_end": "1986-12-31",
                        "published_at": "1987-03-02T00:00:00Z", "indicators": {"ebit": 1.0e8, "roa": 0.03}}))
    out.insert(21, dump({"issuer_id": "texaco", "published_at": "1987-03-10T00:00:00Z",
                         "indicators": {"ebit": 5.0e8}}))  # period_end missing
    return out


def spreads(rng: random.Random) -> list:
    days = []
    d = FIRST_DAY
    while d <= LAST_DAY:
        if d.weekday() < 5:
            days.append(d)
        d += dt.timedelta(days=1)
    level = {k: v[0] for k, v in ISSUERS.items()}
    out = []
    for day in days:
        for issuer, (_, vol, _, _) in ISSUERS.items():
            level[issuer] = max(15.0, level[issuer] + rng.gauss(0.0, vol) + SHOCKS.get((issuer, day), 0.0))
            out.append(dump({"issuer_id": issuer, "day": day.isoformat(), "spread_bps": round(level[issuer], 1)}))
    out.insert(40, dump({"issuer_id": "no_such_issuer", "day": "1987-03-03", "spread_bps": 120.0}))
    out.insert(95, dump({"issuer_id": "viacom", "day": "1987-03-09"}))  # spread_bps missing
    return out


def main() -> None:
    out_dir = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    rng = random.Random(19870226)
    f, s = fundamentals(rng), spreads(rng)
    (out_dir / "fundamentals.jsonl").write_text("\n".join(f) + "\n", encoding="utf-8")
    (out_dir / "spreads.jsonl").write_text("\n".join(s) + "\n", encoding="utf-8")
    print(f"wrote {len(f)} fundamentals lines and {len(s)} spreads lines to {out_dir}")


if __name__ == "__main__":
    main()
