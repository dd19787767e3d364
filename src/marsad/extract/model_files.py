"""Reading and writing the small JSON models the extractors ship (weight tables with a card).

The lead-event selector and the quote-fragment pass both keep a learned linear model as one
JSON file under ``marsad/models``; this is the one place that writes such a file, reads it back
with a clear error naming the path, and finds the copy shipped in the package.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def save_json_model(data: dict[str, Any], path: Path) -> None:
    """Write ``data`` to ``path`` (parents created), keys sorted so retraining diffs read well."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n", "utf-8")


def load_json_model(path: Path | str, what: str, parse: Callable[[dict[str, Any]], T]) -> T:
    """``parse`` of the JSON at ``path``; FileNotFoundError or ValueError naming the file."""
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"no {what} at {p}")
    try:
        return parse(json.loads(p.read_text("utf-8")))
    except (json.JSONDecodeError, TypeError, ValueError) as exc:
        raise ValueError(f"{p}: {exc}") from exc


def shipped_json_model(name: str) -> dict[str, Any] | None:
    """The JSON of ``marsad/models/<name>`` in the installed package (None when not shipped)."""
    ref = resources.files("marsad.models").joinpath(name)
    if not ref.is_file():
        return None
    data: dict[str, Any] = json.loads(ref.read_text("utf-8"))
    return data
