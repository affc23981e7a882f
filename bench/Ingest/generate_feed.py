#!/usr/bin/env python3
"""Writes a deterministic RSS 2.0 feed of N items of about SIZE bytes each (HTML descriptions of news-like prose).

Usage: generate_feed.py N SIZE OUT.xml [SEED]
"""
import random
import sys
from xml.sax.saxutils import escape

WORDS = ("coast guard vessel strait ministry drill patrol missile treaty summit border navy airspace fighter bomber cyber "
         "attack sanction envoy island reef harbour exercise radar defence pact minister beijing tokyo manila hanoi seoul "
         "taipei delhi canberra washington incursion scrambled jets carrier destroyer frigate submarine satellite drone "
         "alliance dialogue security region sea east south china japan philippines vietnam korea taiwan india australia "
         "officials said on tuesday wednesday thursday the a of to in and with for as at by from that this").split()


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    return " ".join(words).capitalize() + "."


def item(rng, n, size):
    paragraphs, length = [], 0
    while length < size - 400:
        p = " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
        paragraphs.append(f"<p>{p}</p>")
        length += len(p) + 7
    body = escape("".join(paragraphs))
    day = 1 + n % 28
    return (f"<item><title>{escape(sentence(rng)[:-1])} ({n})</title>"
            f"<link>https://bench.example/news/{n}?utm_source=rss</link><guid isPermaLink=\"false\">bench-{n}</guid>"
            f"<pubDate>Tue, {day:02d} Oct 2024 {n % 24:02d}:{n % 60:02d}:00 GMT</pubDate>"
            f"<dc:creator>Reporter {n % 37}</dc:creator><description>{body}</description></item>\n")


def main():
    count, size, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 4)
    with open(out, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                "<channel><title>Bench Wire</title><link>https://bench.example/</link><description>generated</description>\n")
        for n in range(count):
            f.write(item(rng, n, size))
        f.write("</channel></rss>\n")


if __name__ == "__main__":
    main()
