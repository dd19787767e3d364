"""``python -m marsad`` is the same as the ``marsad`` command."""

from marsad.cli import main

main()
