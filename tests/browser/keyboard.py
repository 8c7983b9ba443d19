"""Driving a page with the keyboard only, the way a keyboard user does: Tab, type, arrows, Enter."""

from playwright.sync_api import Locator, Page


def tab_to(page: Page, target: Locator, *, limit: int = 150) -> None:
    """Press Tab until the target has focus; fail if Tab cannot reach it at all."""
    for _ in range(limit):
        if target.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {target}")


def choose_radio(page: Page, group: Locator, label: str) -> None:
    """Tab into a radio group, then move with the arrow keys to the option labelled `label`."""
    radios = group.locator("input[type=radio]")
    # Tab lands on the group's checked radio, or on its first if none is checked.
    checked = radios.evaluate_all("els => els.findIndex(el => el.checked)")
    tab_to(page, radios.nth(max(checked, 0)))
    wanted = group.get_by_label(label, exact=True)
    for _ in range(radios.count() + 1):
        if wanted.is_checked():
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"Could not choose {label!r} with the arrow keys")
