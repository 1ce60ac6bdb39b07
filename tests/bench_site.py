"""Benchmark the reader's budgets: what the home page costs to load, and the search index.

- transfer: every byte the browser fetches to show the home page (HTML, CSS, JS, fonts, the
  search worker and index), measured in headless chromium, against the same pages built with a
  default Material configuration; the budget is 10% more;
- search index: bytes of search/search_index.json per byte of the text it indexes (the text of
  every searchable page); the budget is 2.

Run with `make bench`. Exits 1 when a budget is exceeded.
"""

from __future__ import annotations

import functools
import html
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from generator.pipeline import generate  # noqa: E402
from tests.conftest import copy_project  # noqa: E402
from tests.test_browser import ARGS, CHROMIUM, QuietHandler  # noqa: E402

TRANSFER_BUDGET = 1.10
INDEX_BUDGET = 2.0
DEFAULT_MATERIAL = """site_name: {name}
docs_dir: docs
use_directory_urls: false
theme:
  name: material
  font: false
markdown_extensions: [attr_list, tables, admonition, pymdownx.details, toc]
"""


def mkdocs_build(folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"], cwd=folder,
                   check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return folder / "site"


def default_material_site(pages: Path, folder: Path, name: str) -> Path:
    """The same Markdown pages under Material's defaults (system fonts, as the privacy rule
    asks of both)."""
    shutil.copytree(pages, folder / "docs")
    (folder / "mkdocs.yml").write_text(DEFAULT_MATERIAL.format(name=json.dumps(name)),
                                       encoding="utf-8")
    return mkdocs_build(folder)


def home_transfer(browser, site: Path) -> int:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sizes: list[int] = []
    page = browser.new_page()
    page.on("response", lambda response: sizes.append(len(response.body())))
    page.goto(f"http://127.0.0.1:{server.server_address[1]}/index.html")
    page.wait_for_load_state("networkidle")
    page.close()
    server.shutdown()
    return sum(sizes)


def indexed_text_bytes(site: Path) -> int:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    total = 0
    for location in pages:
        page = (site / (location or "index.html")).read_text(encoding="utf-8")
        article = page[page.find("<article"):page.find("</article>")]
        text = html.unescape(re.sub(r"<[^>]+>", " ", article))
        total += len(" ".join(text.split()).encode("utf-8"))
    return total


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        project = copy_project(Path(temp) / "project")
        generate(project)
        ours = mkdocs_build(project.root)
        default = default_material_site(project.docs_dir, Path(temp) / "default", "Briefing")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            our_bytes, default_bytes = home_transfer(browser, ours), home_transfer(browser,
                                                                                  default)
            browser.close()
        index_bytes = (ours / "search" / "search_index.json").stat().st_size
        text_bytes = indexed_text_bytes(ours)
    transfer_ratio = our_bytes / default_bytes
    index_ratio = index_bytes / text_bytes
    print(f"home page transfer:              {our_bytes / 1024:7.1f} KiB")
    print(f"same pages, default Material:    {default_bytes / 1024:7.1f} KiB")
    print(f"transfer ratio (ours / default): {transfer_ratio:7.2f}  (budget {TRANSFER_BUDGET})")
    print(f"search index:                    {index_bytes / 1024:7.1f} KiB for "
          f"{text_bytes / 1024:.1f} KiB of text")
    print(f"index ratio (index / text):      {index_ratio:7.2f}  (budget {INDEX_BUDGET})")
    if transfer_ratio > TRANSFER_BUDGET or index_ratio > INDEX_BUDGET:
        print("over budget")
        sys.exit(1)


if __name__ == "__main__":
    main()
