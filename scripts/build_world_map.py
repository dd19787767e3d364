"""Build the offline world map's point data from the shared country gazetteer.

Usage: ``python scripts/build_world_map.py [COUNTRIES_JSON]`` (default:
``../shared/data/gazetteers/countries/countries.json``). Writes
``src/marsad/web/static/world_points.json``: one ``[cca2, name_ar, lat, lng, area_km2,
[alt Arabic names]]`` per country. The map is drawn from these points (a dot per
country, sized by area, on an equirectangular graticule); no tiles, no network.

Data: mledoze/countries, ODC Open Database License (ODbL) - credited in the page
footer and in ``static/NOTICE.txt``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "gazetteers" / "countries" / "countries.json"
OUT = ROOT / "src" / "marsad" / "web" / "static" / "world_points.json"


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT
    if not src.is_file():
        print(f"error: {src} not found (pass the countries.json path)", file=sys.stderr)
        return 2
    rows = []
    for c in json.loads(src.read_text(encoding="utf-8")):
        latlng = c.get("latlng") or []
        if len(latlng) != 2:
            continue
        ara = (c.get("translations") or {}).get("ara") or {}
        names = [n for n in (ara.get("common"), ara.get("official")) if n]
        if not names:
            continue
        rows.append([c["cca2"], names[0], round(float(latlng[0]), 3), round(float(latlng[1]), 3),
                     round(float(c.get("area") or 0)), sorted(set(names[1:]))])
    rows.sort()
    OUT.write_text(json.dumps(rows, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} countries to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
