#!/usr/bin/env python3
"""Scores `claimtrail extract` on the held-out batch with the rule of ExtractionEvaluation.swift.

A proposal matches a gold relation when the token F1 of their contents is at least 0.5 (best overlaps
first, each matched once); with speakers, the speakers must also match: token F1 of at least 0.5 without
articles, or one's tokens contained in the other's. Prints the totals and every disagreement.

    heldout/score.py CLAIMTRAIL [NNN ...]
"""
import json, re, subprocess, sys, unicodedata
from collections import Counter
from pathlib import Path

def tokens(text):
    folded = unicodedata.normalize('NFKD', unicodedata.normalize('NFC', text).lower())
    folded = ''.join(c for c in folded if not unicodedata.combining(c))
    return [t for t in re.split(r'[^\w]|_', folded) if t]

def f1(a, b):
    if not a or not b: return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    if common == 0: return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)

def speakers_match(a, b):
    x = [t for t in tokens(a) if t not in {'a', 'an', 'the', 'one'}]
    y = [t for t in tokens(b) if t not in {'a', 'an', 'the', 'one'}]
    if not x or not y: return not x and not y
    return f1(x, y) >= 0.5 or set(x) <= set(y) or set(y) <= set(x)

def match(pred, gold, speakers):
    pairs = sorted(((f1(tokens(p['content']), tokens(g['content'])), i, j)
                    for i, p in enumerate(pred) for j, g in enumerate(gold)
                    if f1(tokens(p['content']), tokens(g['content'])) >= 0.5
                    and (not speakers or speakers_match(p['speaker'], g['speaker']))), reverse=True)
    used_p, used_g, pairs_out = set(), set(), {}
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i); used_g.add(j); pairs_out[j] = i
    return pairs_out

def main():
    binary, names = sys.argv[1], sys.argv[2:] or [f'{n:03d}' for n in range(65, 81)]
    here = Path(__file__).parent
    totals = {False: [0, 0, 0], True: [0, 0, 0]}
    for name in names:
        pred = json.loads(subprocess.run([binary, 'extract', str(here / f'{name}.txt'), '--format', 'json'],
                                         capture_output=True, text=True, check=True).stdout)
        gold = json.load(open(here / f'{name}.json', encoding='utf-8'))['relations']
        content, both = match(pred, gold, False), match(pred, gold, True)
        for key, matched in ((False, content), (True, both)):
            totals[key][0] += len(matched); totals[key][1] += len(pred); totals[key][2] += len(gold)
        for j, g in enumerate(gold):
            if j not in content:
                print(f'{name} MISS    {g["speaker"]!r} [{g["cue"]}] {g["content"][:90]!r}')
            elif j not in both:
                p = pred[content[j]]
                print(f'{name} SPEAKER {p["speaker"]!r} for {g["speaker"]!r} [{g["cue"]}] {g["content"][:70]!r}')
        for i, p in enumerate(pred):
            if i not in content.values():
                print(f'{name} EXTRA   {p["speaker"]!r} [{p["cue"]}] {p["content"][:90]!r}')
    for key, label in ((False, 'content'), (True, 'content+speaker')):
        m, p, g = totals[key]
        prec, rec = m / p if p else 0, m / g if g else 0
        f = 2 * prec * rec / (prec + rec) if prec + rec else 0
        print(f'{label:16} P {prec:.2f} ({m}/{p})  R {rec:.2f} ({m}/{g})  F1 {f:.2f}')

main()
