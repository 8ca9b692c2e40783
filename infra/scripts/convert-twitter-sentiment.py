#!/usr/bin/env python3
"""Converts the Twitter Financial News Sentiment CSVs (labels 0 bearish, 1 bullish, 2 neutral) into the project's
labelled-text CSV (text,label with negative/neutral/positive). Texts are unchanged; rows keep their order.
Usage: python3 infra/scripts/convert-twitter-sentiment.py SRC_DIR data/sentiment/twitter-financial-news"""
import csv
import sys

NAMES = {"0": "negative", "1": "positive", "2": "neutral"}
src, dst = sys.argv[1], sys.argv[2]
for name in ("train", "valid"):
    with open(f"{src}/{name}.csv", newline="", encoding="utf-8") as f, open(f"{dst}/{name}.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["text", "label"])
        for row in csv.DictReader(f):
            writer.writerow([row["text"], NAMES[row["label"]]])
