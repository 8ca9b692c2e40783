#!/usr/bin/env python3
"""Write data/samples/02-handmade.jsonl: ~40 hand-written news.raw.v1 lines that exercise the hard cases of ingest,
issuer linking and sentiment (see data/samples/README.md). The texts are fictional and written for this project.

Usage: python3 infra/scripts/make-handmade-samples.py [OUT_FILE]

Some lines are broken on purpose (malformed JSON, missing or mistyped fields, invalid UTF-8 bytes), so the output is
NOT valid UTF-8 as a whole. It is written as bytes, deterministically: same script, same bytes.
"""
import json
import pathlib
import sys

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO_ROOT / "data" / "samples" / "02-handmade.jsonl"


def news(doc_id, published_at, headline, body, language="en", source="handmade"):
    return {"doc_id": doc_id, "source": source, "published_at": published_at, "headline": headline, "body": body,
            "language": language, "url": None}


def line(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


CHEMLAWN_DUP = news(
    "hm-0011", "1987-03-09T14:00:00Z", "CHEMLAWN <CHEM> AGREES TO SWEETENED WASTE MANAGEMENT BID",
    "ChemLawn Corp said its board accepted a sweetened offer of 33 dlrs a share from Waste Management Inc, "
    "ending a two-week contest. ChemLawn shares rose 2 pct on the news.")

RECORDS = [
    # --- several issuers, opposite tone in one sentence ---
    news("hm-0001", "1987-03-03T09:30:00Z", "TEXACO RISES, UNOCAL FALLS ON CRUDE POSTINGS",
         "Texaco Inc shares rose 11 pct after it raised crude postings, while Unocal Corp fell 8 pct when it said "
         "its refining margins had collapsed."),
    news("hm-0002", "1987-03-03T11:15:00Z", "AMERICAN EXPRESS UPGRADED, BANK OF NEW YORK CUT",
         "Analysts upgraded American Express Co on strong card volumes, but cut Bank of New York Co to sell, "
         "citing rising bad loans to Latin American borrowers."),
    news("hm-0003", "1987-03-04T10:00:00Z", "CYCLOPS GAINS ORDERS AS NIPPON KOKAN LOSES",
         "Cyclops Corp won a large steel plate contract that Nippon Kokan KK had been expected to take; Nippon "
         "Kokan warned of a deeper loss because of the strong yen."),
    news("hm-0004", "1987-03-05T16:20:00Z", "DELTA PROFIT JUMPS, AMERICAN AIRLINES WARNS",
         "Delta Air Lines Inc reported a record quarterly profit on lower jet fuel costs. American Airlines said "
         "a pilots' dispute would push it into a loss and could breach a loan covenant."),
    # --- industry-wide news that names no issuer ---
    news("hm-0005", "1987-03-05T08:00:00Z", "OPEC MINISTERS AGREE DEEPER OUTPUT CUTS",
         "OPEC oil ministers agreed in Vienna to cut the group's production ceiling by another 800,000 barrels per "
         "day. Brent and West Texas Intermediate crude rose more than two dlrs a barrel on the news."),
    news("hm-0006", "1987-03-06T13:00:00Z", "FED RAISES DISCOUNT RATE HALF A POINT",
         "The Federal Reserve raised its discount rate by half a percentage point to fight inflation. Mortgage "
         "rates are expected to climb and home builders face higher borrowing costs."),
    news("hm-0007", "1987-03-10T02:00:00Z", "TYPHOON SHUTS SOUTH CHINA PORTS",
         "A strong typhoon made landfall near Hong Kong overnight, closing container terminals and ports along the "
         "coast. Ships were held at anchor and hundreds of flights were cancelled."),
    news("hm-0008", "1987-03-11T09:00:00Z", "REGULATORS ADOPT NEW BANK CAPITAL RULES",
         "Bank regulators adopted a new banking regulation that raises minimum capital ratios and limits lending "
         "to highly leveraged borrowers. Banks will have two years to comply."),
    news("hm-0009", "1987-03-12T07:30:00Z", "DROUGHT CUTS COCOA AND WHEAT HARVEST ESTIMATES",
         "Dry weather has cut crop estimates for cocoa in Bahia and for winter wheat in Kansas. Grain traders said "
         "futures prices jumped while food processors face higher input costs."),
    news("hm-0010", "1987-03-12T15:45:00Z", "OFFICIAL DATA SHOW FACTORY OUTPUT SURGING",
         "Industrial production rose 1.2 pct last month, the biggest gain in two years, as factory orders for "
         "machinery and steel climbed and capacity utilisation reached its highest since 1981."),
    # --- exact duplicate (same doc id and bytes, delivered twice) and near-duplicates (new id, same story) ---
    CHEMLAWN_DUP,
    CHEMLAWN_DUP,
    news("hm-0012", "1987-03-09T14:05:00Z", "CHEMLAWN <CHEM> AGREES TO SWEETENED WASTE MANAGEMENT BID",
         "ChemLawn Corp said its board accepted a sweetened offer of 33 dlrs a share from Waste Management Inc, "
         "ending a two-week contest.  ChemLawn shares rose 2 pct on the news.", source="wire-b"),
    news("hm-0013", "1987-03-09T14:07:00Z", "Chemlawn <CHEM> agrees to sweetened Waste Management bid",
         "ChemLawn Corp said its board accepted a sweetened offer of 33 dlrs a share from Waste Management Inc, "
         "ending a two-week contest. ChemLawn shares rose 2 pct on the news.", source="wire-c"),
    # --- negation ---
    news("hm-0014", "1987-03-13T10:00:00Z", "PITTSTON SAYS IT DID NOT DEFAULT",
         "Pittston Co said it did not default on its bank loans and was not in breach of any covenant, denying a "
         "market rumour. The company said it has no plans to seek bankruptcy protection."),
    news("hm-0015", "1987-03-13T12:00:00Z", "VIACOM DENIES IT WILL MISS COUPON",
         "Viacom International Inc said it will not miss the interest payment on its subordinated debentures and "
         "that financing for the takeover is fully committed. It never considered a restructuring."),
    news("hm-0016", "1987-03-16T09:10:00Z", "MARRIOTT NOT UPGRADED DESPITE HOTEL SALE",
         "Rating agencies did not upgrade Marriott Corp after the sale of the Santa Barbara Biltmore Hotel, saying "
         "the proceeds were not enough to reduce its debt."),
    # --- CJK texts naming CJK issuers ---
    news("hm-0017", "1987-03-17T02:00:00Z", "中国石化上调成品油价格",
         "中国石油化工股份有限公司宣布上调汽油和柴油出厂价格，中国石化表示炼油利润有望改善。", language="zh"),
    news("hm-0018", "1987-03-17T03:30:00Z", "工商银行不良贷款上升",
         "中国工商银行公布，不良贷款率上升至百分之二点一，工行计提的贷款损失准备大幅增加，净利润下降。", language="zh"),
    news("hm-0019", "1987-03-18T01:45:00Z", "万科销售大增而恒大债券违约",
         "万科本月合同销售额增长百分之三十，而中国恒大未能按期支付美元债券利息，恒大股价暴跌。", language="zh"),
    news("hm-0020", "1987-03-18T06:00:00Z", "东方航空因台风取消航班",
         "受台风影响，中国东方航空股份有限公司取消了上海出发的两百个航班，东航预计本季度亏损扩大。", language="zh"),
    news("hm-0021", "1987-03-19T02:15:00Z", "Sinopec and PetroChina diverge on fuel price move",
         "Sinopec said higher fuel prices would lift its refining margins, while PetroChina (中国石油) warned that "
         "its imported gas business would lose money under the new price caps.", language="en"),
    news("hm-0022", "1987-03-19T05:00:00Z", "日本鋼管、赤字拡大の見通し",
         "日本鋼管は円高による輸出採算の悪化で、今期の赤字が拡大する見通しだと発表した。", language="ja"),
    # --- more single-issuer news across the period ---
    news("hm-0023", "1987-03-20T14:30:00Z", "UNION CARBIDE <UK> SELLS BATTERY UNIT, CUTS DEBT",
         "Union Carbide Corp said it completed the sale of its battery products unit and will use the proceeds to "
         "repay 500 mln dlrs of bank debt, improving its credit standing."),
    news("hm-0024", "1987-03-23T11:00:00Z", "HUSKY OIL <HYO> CUTS CAPITAL SPENDING",
         "Husky Oil Ltd said it would cut capital spending by 40 pct this year because of weak crude oil prices, "
         "and suspended its dividend."),
    news("hm-0025", "1987-03-24T15:00:00Z", "EXXON <XON> AND CHEVRON <CHV> RAISE POSTED PRICES",
         "Exxon Corp raised its posted price for West Texas Intermediate by 50 cts to 18 dlrs a barrel, and "
         "Chevron Corp followed with a similar increase."),
    news("hm-0026", "1987-03-25T09:45:00Z", "COSCO AND MAERSK ADD CAPACITY AS FREIGHT RATES CLIMB",
         "COSCO Shipping and Maersk said they would add vessels on Asia to Europe routes as container freight rates "
         "rose for a fourth straight week."),
    # --- late arrivals: published days before their neighbours, delivered later in the file ---
    news("hm-0027", "1987-03-06T10:30:00Z", "TEXACO <TX> FACES LARGER PENNZOIL JUDGMENT",
         "Texaco Inc said an appeals court refused to reduce the judgment in the Pennzoil case, raising the risk "
         "that Texaco may have to seek protection from creditors."),
    news("hm-0028", "1987-03-04T16:00:00Z", "AMERICAN EXPRESS <AXP> BOOSTS DIVIDEND",
         "American Express Co raised its quarterly dividend by 10 pct and announced a two-for-one stock split."),
    news("hm-0029", "1987-04-01T09:00:00Z", "ICBC RAISES NEW CAPITAL",
         "Industrial and Commercial Bank of China said it raised capital through a rights issue, lifting its "
         "capital adequacy ratio above the new regulatory minimum."),
    news("hm-0030", "1987-04-02T10:00:00Z", "PITTSTON <PCO> COMPLETES WTC ACQUISITION",
         "Pittston Co said it completed the acquisition of WTC International N.V. after WTC shareholders approved "
         "the exchange of shares."),
    news("hm-0031", "1987-03-31T08:00:00Z", "EVERGRANDE BONDHOLDERS ORGANISE",
         "Holders of China Evergrande Group's dollar bonds hired advisers after the developer missed a coupon, "
         "and said they would oppose any extension that did not include a cash payment."),
    news("hm-0036", "1987-04-01T15:30:00Z", "PITTSTON <PCO> WARNS ON COAL UNIT",
         "Pittston Co warned that losses at its coal unit would widen sharply after a mine strike, and said it "
         "may breach a covenant on its bank loans."),
    news("hm-0032", "1987-04-06T13:20:00Z", "VIACOM <VIA> TAKEOVER FINANCING CLOSED",
         "Viacom International Inc said the financing for its takeover by National Amusements closed, including "
         "2.3 billion dlrs of bank loans led by Bank of America."),
    news("hm-0033", "1987-04-08T07:00:00Z", "STEEL PRICES FALL AS DEMAND WEAKENS",
         "Steel prices fell for a third month as construction and car makers cut orders; mills are operating at "
         "less than 65 pct of capacity."),
    news("hm-0034", "1987-04-10T12:00:00Z", None,
         "Waste Management Inc said it would buy back 5 pct of its shares after completing the ChemLawn deal."),
]

# --- bad records: each must be rejected (dead-lettered) with its own reason, and ingest must move on ---
BAD = [
    b'{"doc_id":"hm-bad-01","source":"handmade","published_at":"1987-03-20T10:00:00Z","body":"unterminated',
    line({"doc_id": "hm-bad-02", "source": "handmade", "published_at": "1987-03-20T10:05:00Z",
          "headline": "MISSING BODY"}),
    line(news("hm-bad-03", "1987-03-20T10:10:00Z", "EMPTY BODY", "")),
    line({"doc_id": "hm-bad-04", "source": "handmade", "published_at": 548150400, "headline": "NUMERIC DATE",
          "body": "Cyclops Corp said first quarter sales rose.", "language": "en", "url": None}),
    line(news("hm-bad-05", "2999-01-01T00:00:00Z", "FROM THE FUTURE", "Texaco Inc said it expects record profits.")),
    line(news("hm-bad-06", "1899-12-31T23:59:59Z", "BEFORE 1900", "Chevron Corp said it struck oil.")),
    # Body bytes: "Marriott Corp said " + 0xC3 0x28 (invalid 2-byte sequence) + 0xFF + " occupancy rose."
    b'{"doc_id":"hm-bad-07","source":"handmade","published_at":"1987-03-20T10:30:00Z","headline":"INVALID UTF-8",'
    b'"body":"Marriott Corp said \xc3\x28\xff occupancy rose.","language":"en","url":null}',
    line({"doc_id": "hm-bad-08", "source": "handmade", "published_at": "not a date", "headline": "BAD DATE",
          "body": "Husky Oil Ltd said output rose.", "language": "en", "url": None}),
]


def main() -> None:
    out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    lines = [line(r) for r in RECORDS]
    # Bad lines sit in the middle of the stream so a reader must skip them and carry on.
    lines = lines[:20] + BAD[:4] + lines[20:28] + BAD[4:] + lines[28:]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(b"\n".join(lines) + b"\n")
    print(f"wrote {len(lines)} lines ({len(RECORDS)} good, {len(BAD)} bad) to {out}")


if __name__ == "__main__":
    main()
