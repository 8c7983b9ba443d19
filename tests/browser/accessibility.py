"""assert_accessible(page): axe-core's WCAG 2.2 AA checks, failing on any violation."""

from django.conf import settings
from playwright.sync_api import Error, Page

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def assert_accessible(page: Page) -> None:
    try:
        result = _run_axe(page)
    except Error:
        # A click that follows a link returns before the next page has
        # replaced this one, so axe can start on a document that is going
        # away. Check the page the browser lands on instead.
        page.wait_for_load_state("load")
        result = _run_axe(page)
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(node["html"][:200] for node in v["nodes"][:5])
        for v in result["violations"]
    ]
    assert not problems, f"{page.url} has accessibility problems:\n" + "\n".join(problems)


def _run_axe(page: Page) -> dict:
    page.wait_for_load_state("load")
    # page.evaluate runs outside the page's Content Security Policy, which
    # would rightly refuse an injected <script>.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate((settings.NODE_MODULES_DIR / "axe-core" / "axe.min.js").read_text())
    return page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
