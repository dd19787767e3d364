"""The ``marsad`` command line: one Typer app, one module per subcommand.

Each module in :data:`COMMAND_MODULES` registers its commands on :data:`app` (or on the
``train``/``eval`` groups) when imported, so adding a command never touches another
command's code.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="marsad",
    help="Marsad (مرصد): Arabic news analysis, offline on one CPU.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
train_app = typer.Typer(help="Train the models Marsad ships.", no_args_is_help=True)
eval_app = typer.Typer(help="Score a stage against gold data.", no_args_is_help=True)
app.add_typer(train_app, name="train")
app.add_typer(eval_app, name="eval")

COMMAND_MODULES: list[str] = [
    "marsad.cli.analyze",
    "marsad.cli.ingest",
    "marsad.cli.search",
    "marsad.cli.export",
    "marsad.cli.evaluate_extract",
    "marsad.cli.serve",
    "marsad.cli.corpus",
    "marsad.cli.train",
    "marsad.cli.evaluate_ner",
]


def _register() -> None:
    for module in COMMAND_MODULES:
        importlib.import_module(module)


def main() -> None:
    """Console-script entry point."""
    _register()
    app()
