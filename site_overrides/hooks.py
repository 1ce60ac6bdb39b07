"""MkDocs hooks: the theme's HTML context escapes every string it prints.

MkDocs renders the theme with Jinja's autoescape off, so a page title, nav label, site name or
description that holds ``<img onerror=…>`` becomes live markup in the header, ``<title>``, the
navigation or a ``<meta>`` attribute. Turning autoescape on makes escaping the default for every
slot of every template (Material's and ours); the few values that are already HTML (the page
body and its table of contents, rendered from escaped Markdown) are marked as such.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.exceptions import PluginError


def on_env(env, config, files):
    env.autoescape = True
    return env


def _mark_toc(items) -> None:
    for item in items:
        item.title = Markup(item.title)
        _mark_toc(item.children)


def on_page_context(context, page, config, nav):
    if page.content is not None:
        page.content = Markup(page.content)
    _mark_toc(page.toc)
    return context


def on_config(config):
    """``site_url`` (from the SITE_URL variable) lands in canonical links and OpenGraph tags:
    only an http(s) address of a host is accepted."""
    url = config.site_url or ""
    parts = urlsplit(url)
    if url and (parts.scheme not in ("http", "https") or not parts.hostname
                or any(c.isspace() or c in "<>\"'`\\{}|^" for c in url)):
        raise PluginError(f"site_url must be an http:// or https:// address, not {url!r} "
                          "(check the SITE_URL environment variable)")
    # pymdownx.snippets reads base_path from the working directory: anchor it to the project,
    # so a build started elsewhere appends this project's glossary, not another's.
    snippets = config.mdx_configs.get("pymdownx.snippets")
    if snippets and config.config_file_path:
        project = Path(config.config_file_path).resolve().parent
        snippets["base_path"] = [str(project / path) for path in snippets.get("base_path", [])]
    return config
