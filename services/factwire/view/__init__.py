"""The view: a live page of enriched articles and trending entities, as a service of its own.

``factwire view`` runs it: a Faust app in its own consumer group (``app``: agents and windowed
tables with changelogs), with an aiohttp page in the same event loop (``web``, ``static/``).
It reads the public topics only and writes nothing but its own internal topics.
"""
