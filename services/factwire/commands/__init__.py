"""The subcommands of ``factwire``, one module per concern; ``factwire.cli`` registers them.

A new command is a ``click.Command`` in a module here (or anywhere), decorated with
``shared_options`` when it reads settings, and one ``cli.add_command(...)`` line in
``factwire/cli.py``. ``factwire.commands.common`` holds what commands share.
"""
