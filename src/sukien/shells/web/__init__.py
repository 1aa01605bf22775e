"""The web UI: Jinja2 templates and static files served by `sukien serve` (see `pages.py`)."""
