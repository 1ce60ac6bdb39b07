"""A source full of markup and script builds a site that shows it as literal text."""

import re

from click.testing import CliRunner

from generator.cli import main

HOSTILE = """Hostile headline here

<script>document.title = "pwned"</script> Officials said the Taiwan talks went on.

An <img src=x onerror="alert(1)"> image and [a link](javascript:alert(1)) near Taiwan.

{{ config.site_name }} and {% include "x" %} templates mention the Taiwan Strait.

# Not a heading about Taiwan

| not | a table about Taiwan |

---
"""


def test_hostile_source_renders_as_text(project):
    (project.sources_dir / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--project", str(project.root)])
    assert result.exit_code == 0, result.output
    page = (project.root / "site" / "sources" / "hostile.html").read_text(encoding="utf-8")
    body = page[page.index('<article'):page.index('</article>')]
    assert "<script" not in body and "<img" not in body
    assert not re.search(r'(href|src)="(javascript|data):', body)  # Material's own buttons aside
    assert "&lt;script&gt;document.title" in body
    assert "{{ config.site_name }}" in body
    assert "<h1" not in body.split("</h1>", 1)[1]  # only the page's own title is a heading
    assert "<table" not in body.split("Removed in cleaning")[0]
