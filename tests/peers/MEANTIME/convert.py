#!/usr/bin/env python3
"""Derives meantime.json from the MEANTIME corpus (NewsReader, English part, CC BY 4.0).

    python3 tests/peers/MEANTIME/convert.py PATH/TO/meantime_newsreader_english_oct15 > tests/peers/MEANTIME/meantime.json

For each of the 120 documents: the text rebuilt from its tokens (a space between tokens, none before
closing punctuation or after opening brackets, a newline between sentences), the document creation
time, and the character spans (start, end) of its annotated time expressions (TIMEX3 with type and
value, the creation time excluded) and values (VALUE: MONEY, PERCENT, QUANTITY).
"""
import html, json, os, re, sys

root = sys.argv[1]
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "'s", "%", "'", "n't", "''"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}
docs = []
base = os.path.join(root, "intra_cross-doc_annotation")
for corpus in sorted(os.listdir(base)):
    for name in sorted(os.listdir(os.path.join(base, corpus))):
        if not name.endswith(".xml"):
            continue
        xml = open(os.path.join(base, corpus, name), encoding="utf-8").read()
        text, spans, prev_sentence, prev_token = "", {}, None, None
        sentence_of, sentence_range = {}, {}
        for m in re.finditer(r'<token number="\d+" sentence="(\d+)" t_id="(\d+)">(.*?)</token>', xml, re.S):
            sentence, tid, tok = m.group(1), m.group(2), html.unescape(m.group(3))
            if prev_sentence is not None and sentence != prev_sentence:
                text += "\n"
            elif prev_token is not None and tok not in NO_SPACE_BEFORE and prev_token not in NO_SPACE_AFTER:
                text += " "
            spans[tid] = (len(text), len(text) + len(tok))
            sentence_of[tid] = int(sentence)
            first = sentence_range.setdefault(int(sentence), [len(text), len(text)])
            text += tok
            first[1] = len(text)
            prev_sentence, prev_token = sentence, tok
        dct, timex, values, marked = None, [], [], {0, 2, 3, 4, 5}
        for m in re.finditer(r'<TIMEX3 ([^>]*?)(/>|>(.*?)</TIMEX3>)', xml, re.S):
            attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
            anchors = re.findall(r'<token_anchor t_id="(\d+)"', m.group(3) or "")
            if attrs.get("functionInDocument") == "CREATION_TIME":
                dct = attrs.get("value")
                continue
            if anchors:
                marked.add(sentence_of[anchors[0]])
                timex.append({"start": spans[anchors[0]][0], "end": spans[anchors[-1]][1], "type": attrs.get("type"), "value": attrs.get("value")})
        for m in re.finditer(r'<VALUE ([^>]*?)>(.*?)</VALUE>', xml, re.S):
            attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
            anchors = re.findall(r'<token_anchor t_id="(\d+)"', m.group(2))
            if anchors:
                marked.add(sentence_of[anchors[0]])
                values.append({"start": spans[anchors[0]][0], "end": spans[anchors[-1]][1], "type": attrs.get("type")})
        docs.append({"id": name[:-4], "corpus": corpus, "dct": dct, "text": text, "timex": timex, "values": values,
                     "annotated": [sentence_range[k] for k in sorted(marked) if k in sentence_range]})
json.dump({"documents": docs}, sys.stdout, ensure_ascii=False)
