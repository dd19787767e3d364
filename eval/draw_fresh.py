"""Draw the articles of the fresh held-out gold set (eval/gold/fresh.jsonl).

    python eval/draw_fresh.py 20261127 5 > /tmp/sample.jsonl
    python eval/draw_fresh.py 20261128 1 /tmp/sample.jsonl > /tmp/sample2.jsonl

Prints one JSON line per drawn article (source, path, and member/item for SaudiNewsNet),
excluding the dev/test articles and, with a third argument, an earlier sample.
"""
import json
import os
import random
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from marsad.evaluation.gold import parse_ant

SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 20261127
PER = int(sys.argv[2]) if len(sys.argv) > 2 else 5
DATA = Path(os.environ.get("MARSAD_DATA", ROOT.parent / "shared" / "data"))
CUE = re.compile(r"قال|أكد|أوضح|أشار|أضاف|ذكر|بحسب|وفقا")
used_paths, used_snn, used_bodies = set(), set(), set()
for f in ("dev.jsonl", "test.jsonl"):
    for line in (ROOT / "eval" / "gold" / f).read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if d["format"] == "saudinewsnet":
            used_snn.add((d["path"], d["member"], d["item"]))
        else:
            used_paths.add(d["path"])

# optional third argument: an earlier sample (JSON lines) whose articles are excluded too
if len(sys.argv) > 3:
    for line in Path(sys.argv[3]).read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if "member" in d:
            used_snn.add((d["path"], d["member"], d["item"]))
        else:
            used_paths.add(d["path"])

# DRAW_SKIP_COPIES=1: also leave out articles whose text (white space aside) equals an excluded
# article's — a republished copy under another id (fresh31 drew a copy of a fresh4 article).
# DRAW_SKIP_COPIES=near: also leave out near copies, half or more of whose 4-word shingles occur
# in one excluded article (fresh36 and fresh37 drew 62% and 96% copies of opened ones).
# DRAW_SKIP_COPIES=words: as near, with words split on punctuation too (fresh39 shared 59% of
# such shingles with an opened article but only 37% when words were split on white space).
# Off by default so that the recorded draws of earlier sets still reproduce byte for byte.
SKIP_MODE = os.environ.get("DRAW_SKIP_COPIES", "")
SKIP_COPIES = SKIP_MODE in ("1", "near", "words")
NEAR_MODES = ("near", "words")
NEAR_SHARE = 0.5


def _key(body):
    return " ".join(body.split())


def _shingles(body):
    ws = re.findall(r"\w+", body) if SKIP_MODE == "words" else body.split()
    return {" ".join(ws[i:i + 4]) for i in range(len(ws) - 3)}


shingle_docs = {}  # shingle -> ids of excluded bodies holding it (near mode only)


def _near_copy(body):
    mine = _shingles(body)
    if not mine:
        return False
    counts = {}
    for sh in mine:
        for d in shingle_docs.get(sh, ()):
            counts[d] = counts.get(d, 0) + 1
    return bool(counts) and max(counts.values()) >= NEAR_SHARE * len(mine)


if SKIP_COPIES:
    for rel in used_paths:
        f = DATA / rel
        if f.is_file():
            used_bodies.add(_key(parse_ant(f.read_text(encoding="utf-8")).body))
    for rel, m, i in used_snn:
        with zipfile.ZipFile(DATA / rel) as zf:
            used_bodies.add(_key((json.loads(zf.read(m).decode("utf-8"))[i].get("content") or "").strip()))


if SKIP_MODE in NEAR_MODES:
    for n, b in enumerate(sorted(used_bodies)):
        for sh in _shingles(b):
            shingle_docs.setdefault(sh, []).append(n)


def ok(body, longest=1700):
    if not (600 <= len(body) <= longest and CUE.search(body)):
        return False
    if SKIP_COPIES and _key(body) in used_bodies:
        return False
    return not (SKIP_MODE in NEAR_MODES and _near_copy(body))

sources = {
    "BBC": ("ant_multisource/BBC", ["middleEast", "internationalNews", "economy"]),
    "CNN": ("ant_multisource/CNN", ["middleEast", "internationalNews", "economy"]),
    "SkyNews": ("ant_multisource/SkyNews", ["middleEast", "internationalNews", "economy"]),
    "Alarabia": ("ant_multisource/Alarabia", ["internationalNews", "economy"]),
    "JawharaFM": ("ant_jawharafm", ["politic", "internationalNews", "localNews", "economy"]),
}
rng = random.Random(SEED)
out = []
for name, (base, cats) in sources.items():
    bodies = []  # (path, body) of every unused article, read once
    for c in cats:
        for p in sorted((DATA / "news" / base / c).glob("*.txt")):
            rel = str(p.relative_to(DATA))
            if rel not in used_paths:
                bodies.append((rel, parse_ant(p.read_text(encoding="utf-8")).body))
    cands = [rel for rel, body in bodies if ok(body)]
    if len(cands) < PER:
        # BBC's short news items ran out after 138 sets (fresh139 took the last 6 of 1,700
        # characters or fewer); a drawn-out outlet then takes its items of up to 2,500 characters,
        # appended after the short ones, so every set keeps equal numbers per outlet and the
        # earlier draws are unchanged.
        short = set(cands)
        cands += [rel for rel, body in bodies if rel not in short and ok(body, longest=2500)]
        print(name, "pool widened to 2,500 characters", file=sys.stderr)
    pick = rng.sample(cands, PER)
    print(name, len(cands), file=sys.stderr)
    out += [{"source": name, "path": r} for r in pick]
# SaudiNewsNet: all zips, no categories in the data
cands = []
for z in sorted((DATA / "news" / "saudinewsnet").glob("*.zip")):
    rel = str(z.relative_to(DATA))
    with zipfile.ZipFile(z) as zf:
        for m in sorted(zf.namelist()):
            items = json.loads(zf.read(m).decode("utf-8"))
            for i, it in enumerate(items):
                body = (it.get("content") or "").strip()
                if (rel, m, i) not in used_snn and ok(body):
                    cands.append((rel, m, i))
print("SaudiNewsNet", len(cands), file=sys.stderr)
for rel, m, i in rng.sample(cands, PER):
    out.append({"source": "SaudiNewsNet", "path": rel, "member": m, "item": i})
for o in out:
    print(json.dumps(o, ensure_ascii=False))
