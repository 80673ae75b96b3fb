"""The authoring half, seeds -> notes: ingest, extraction (`extract/`), duplicates and the sync
that writes `content/` without ever overwriting a person's edit."""
