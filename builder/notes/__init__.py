"""The `content/` contract shared by both halves: the briefing note format, its front-matter
writer, the body rendering and slugs."""
