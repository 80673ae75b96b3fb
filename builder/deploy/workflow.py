"""The GitHub Actions workflow that builds a briefgen site and deploys it to GitHub Pages.

`briefgen init --github-pages` writes it into a project; this repository's own
`.github/workflows/pages.yml` is the same text with `REPO_INSTALL` as its install command.
Every action is pinned to a full commit hash (with its release in a comment), as zizmor asks.
"""

from __future__ import annotations

import shlex

WORKFLOW_FILE = ".github/workflows/pages.yml"
DEFAULT_PACKAGE = "briefgen"
"""What a project's workflow installs: any pip requirement ("briefgen==0.1.0", "git+https://...")."""
REPO_INSTALL = "python -m pip install ."
"""This repository's workflow installs briefgen from its own checkout."""
PYTHON_VERSION = "3.12"

ACTIONS = {
    "checkout": "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1",
    "setup-python": "actions/setup-python@5fda3b95a4ea91299a34e894583c3862153e4b97 # v7.0.0",
    "configure-pages": "actions/configure-pages@45bfe0192ca1faeb007ade9deae92b16b8254a0d # v6.0.0",
    "cache": "actions/cache@caa296126883cff596d87d8935842f9db880ef25 # v5.1.0",
    "upload-pages-artifact": "actions/upload-pages-artifact@fc324d3547104276b827a68afc52ff2a11cc49c9 # v5.0.0",
    "deploy-pages": "actions/deploy-pages@cd2ce8fcbc39b97be8ca5fce6e763baed58fa128 # v5.0.0",
}

_TEMPLATE = """\
# Build the briefgen site and publish it with GitHub Pages (written by `briefgen init --github-pages`).
# One-time setup: on GitHub, Settings -> Pages -> Build and deployment -> Source: "GitHub Actions".
name: Publish to GitHub Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions: {{}}

# One deployment at a time; a newer push waits for the running one instead of cancelling it.
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  deploy:
    name: Build and deploy
    runs-on: ubuntu-latest
    timeout-minutes: 30
    permissions:
      contents: read # check out the repository
      pages: write # publish the site
      id-token: write # prove to GitHub Pages that this workflow made the artifact
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - name: Check out
        uses: {checkout}
        with:
          persist-credentials: false

      - name: Set up Python
        uses: {setup_python}
        with:
          python-version: "{python}"

      # The pip requirement for briefgen: pin a release (briefgen==X.Y.Z) or a Git URL if you like.
      - name: Install briefgen
        run: {install}

      - name: Configure GitHub Pages
        id: pages
        uses: {configure_pages}

      # briefgen's build cache (safe to delete): restored from the last run, saved under the inputs' hash.
      - name: Cache briefgen's build cache
        uses: {cache}
        with:
          path: {cache_dir}
          key: briefgen-${{{{ runner.os }}}}-${{{{ hashFiles({hash_inputs}) }}}}
          restore-keys: briefgen-${{{{ runner.os }}}}-

      # base_url is where Pages serves the site: https://USER.github.io/REPO or your custom domain.
      - name: Build the site
        env:
          BASE_URL: ${{{{ steps.pages.outputs.base_url }}}}
        run: briefgen build --base-url "$BASE_URL/"

      - name: Upload the site
        uses: {upload_pages_artifact}
        with:
          path: {site_dir}

      - name: Deploy to GitHub Pages
        id: deployment
        uses: {deploy_pages}
"""


def install_command(package: str = DEFAULT_PACKAGE) -> str:
    """Pure: the shell command that installs briefgen as the pip requirement `package`."""
    return f"python -m pip install {shlex.quote(package)}"


def make_workflow(
    *,
    install: str | None = None,
    site_dir: str = "site",
    cache_dir: str = ".briefgen",
    inputs: tuple[str, ...] = ("seeds", "content", "templates"),
) -> str:
    """Pure: the workflow text; `install` defaults to installing DEFAULT_PACKAGE from PyPI."""
    hash_inputs = ", ".join([*(f"'{folder}/**'" for folder in inputs), "'briefgen.toml'"])
    return _TEMPLATE.format(
        install=install or install_command(),
        python=PYTHON_VERSION,
        site_dir=site_dir,
        cache_dir=cache_dir,
        hash_inputs=hash_inputs,
        checkout=ACTIONS["checkout"],
        setup_python=ACTIONS["setup-python"],
        configure_pages=ACTIONS["configure-pages"],
        cache=ACTIONS["cache"],
        upload_pages_artifact=ACTIONS["upload-pages-artifact"],
        deploy_pages=ACTIONS["deploy-pages"],
    )
