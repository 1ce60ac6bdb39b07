"""Take the README's screenshots of the home page (desktop and phone) with headless chromium.

    make screenshots

Builds the site into a temporary folder, serves it on localhost and writes
site_overrides/assets/screenshot-home.png and screenshot-phone.png.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.conftest import copy_project  # noqa: E402
from tests.test_browser import ARGS, CHROMIUM, built_and_served  # noqa: E402

SHOTS = {"screenshot-home.png": {"viewport": {"width": 1280, "height": 800}},
         "screenshot-phone.png": {"viewport": {"width": 375, "height": 740},
                                  "device_scale_factor": 2, "is_mobile": True}}


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        root = copy_project(Path(temp) / "project").root
        for url in built_and_served(root):
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                for name, options in SHOTS.items():
                    page = browser.new_page(color_scheme="light", **options)
                    page.goto(url)
                    page.wait_for_load_state("networkidle")
                    target = ROOT / "site_overrides" / "assets" / name
                    page.screenshot(path=str(target))
                    print(f"wrote {target.relative_to(ROOT)}")
                browser.close()


if __name__ == "__main__":
    main()
