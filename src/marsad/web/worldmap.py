"""An offline world map drawn as SVG on the server: no tiles, no network, no CDN.

The base map is a dot per country (at its approximate centre, sized by its area) on an
equirectangular graticule, from ``static/world_points.json`` (derived from the
mledoze/countries gazetteer, ODbL; see ``scripts/build_world_map.py``). Places found in
articles are drawn on top as red dots sized by mention count and linked to their entity
page. Every label goes through :func:`markupsafe.escape`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

from markupsafe import Markup, escape

WIDTH, HEIGHT = 1000, 500


@lru_cache(maxsize=1)
def world_points() -> list[list[Any]]:
    """``[cca2, name_ar, lat, lng, area, [other names]]`` per country (shipped data)."""
    data = resources.files("marsad.web").joinpath("static/world_points.json").read_text(encoding="utf-8")
    return list(json.loads(data))


@lru_cache(maxsize=1)
def country_lookup() -> dict[str, tuple[str, float, float]]:
    """Folded Arabic country name -> (ISO code, lat, lon), for placing country mentions."""
    from marsad.api.index import fold_name

    out: dict[str, tuple[str, float, float]] = {}
    for code, name, lat, lng, _area, others in world_points():
        for n in [name, *others]:
            out.setdefault(fold_name(n), (code, float(lat), float(lng)))
    return out


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO code -> common Arabic name."""
    return {code: name for code, name, _lat, _lng, _a, _o in world_points()}


@lru_cache(maxsize=1)
def country_centres() -> dict[str, tuple[float, float]]:
    """ISO code -> (lat, lon) of the country's approximate centre."""
    return {code: (float(lat), float(lng)) for code, _n, lat, lng, _a, _o in world_points()}


def project(lat: float, lon: float) -> tuple[float, float]:
    """Equirectangular projection into the SVG's WIDTH x HEIGHT box."""
    return (lon + 180.0) / 360.0 * WIDTH, (90.0 - lat) / 180.0 * HEIGHT


def render_map(places: Iterable[dict[str, Any]]) -> Markup:
    """SVG of the base map with ``places`` ({id, name, lat, lon, count}) on top."""
    parts: list[str] = [
        (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="خريطة العالم" direction="ltr" class="map-svg">'),
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#eaf2f8"/>',
        '<g stroke="#c9d8e4" stroke-width="0.6" fill="none">',
    ]
    for lon in range(-180, 181, 30):
        x, _ = project(0, lon)
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{HEIGHT}"/>')
    for lat in range(-90, 91, 30):
        _, y = project(lat, 0)
        parts.append(f'<line x1="0" y1="{y:.1f}" x2="{WIDTH}" y2="{y:.1f}"/>')
    parts.append('</g><g fill="#9fb3c2" class="countries">')
    for code, name, lat, lng, area, _ in world_points():
        x, y = project(float(lat), float(lng))
        r = max(1.2, min(9.0, math.sqrt(max(float(area), 1.0)) / 220.0))
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"><title>{escape(name)} ({escape(code)})'
                     f'</title></circle>')
    parts.append('</g><g class="places">')
    items = list(places)
    top = max((int(p.get("count", 1)) for p in items), default=1)
    for p in items:
        try:
            plat, plon = float(p["lat"]), float(p["lon"])
        except (KeyError, TypeError, ValueError):
            continue
        if not (-90 <= plat <= 90 and -180 <= plon <= 180):
            continue
        x, y = project(plat, plon)
        r = 3.0 + 9.0 * math.sqrt(max(1, int(p.get("count", 1))) / top)
        label = f'{p.get("name", "")} ({int(p.get("count", 1))})'
        dot = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#c0392b" fill-opacity="0.7" '
               f'stroke="#7b241c"><title>{escape(label)}</title></circle>')
        if p.get("id"):
            parts.append(f'<a href="/entities/{escape(str(p["id"]))}" class="place">{dot}</a>')
        else:
            parts.append(dot)
    parts.append("</g></svg>")
    return Markup("".join(parts))
