"""Load a script of ``eval/`` as a module, for the tests of its functions."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

EVAL = Path(__file__).resolve().parents[2] / "eval"


def load_eval_script(name: str) -> ModuleType:
    """``eval/<name>.py`` as the module ``marsad_eval_<name>`` (registered in ``sys.modules``,
    since dataclasses look their module up while the file runs)."""
    spec = importlib.util.spec_from_file_location(f"marsad_eval_{name}", EVAL / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
