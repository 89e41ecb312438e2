"""``python -m factwire``: the ``factwire`` command."""

from factwire.cli import main

main()
