"""Live preview: the HTTP server, the file watcher and the LiveReload protocol."""
