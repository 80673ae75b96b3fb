"""Take the README's screenshot of a built briefing page with headless Chromium.

Usage: python scripts/screenshot.py [SITE_DIR] [OUTPUT_PNG]
Serves SITE_DIR over HTTP on a free local port, opens the first briefing page and saves a PNG.
Needs Debian's chromium (/usr/bin/chromium) and the playwright package.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site").resolve()
    output = Path(sys.argv[2] if len(sys.argv) > 2 else "docs/screenshot.png")
    page_dir = sorted((site / "briefings").glob("*/index.html"))[0].parent.name
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"http://127.0.0.1:{server.server_port}/briefings/{page_dir}/")
            output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(output))
            browser.close()
    finally:
        server.shutdown()
    print(f"wrote {output}")


if __name__ == "__main__":
    main()
