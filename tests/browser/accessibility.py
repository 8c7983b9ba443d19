"""assert_accessible(page): axe-core's WCAG 2.2 AA checks, failing on any violation."""

from django.conf import settings
from playwright.sync_api import Page

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def assert_accessible(page: Page) -> None:
    # page.evaluate runs outside the page's Content Security Policy, which
    # would rightly refuse an injected <script>.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate((settings.NODE_MODULES_DIR / "axe-core" / "axe.min.js").read_text())
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(node["html"][:200] for node in v["nodes"][:5])
        for v in result["violations"]
    ]
    assert not problems, f"{page.url} has accessibility problems:\n" + "\n".join(problems)
