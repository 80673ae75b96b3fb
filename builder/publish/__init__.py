"""The publishing half, notes -> site: gather everything into one `Site`, render pages through
Jinja2, and write them to `site/` atomically (with the incremental paths). Never imports the
extractor."""
