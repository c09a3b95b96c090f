"""Headless Chromium from Debian (/usr/bin/chromium) driven by Playwright; no browser download."""

from __future__ import annotations

import functools

import pytest

# axe-core's rules for WCAG 2.2 level A and AA.
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@functools.cache
def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical WCAG violations on the page as it is now, each with the
    first elements it names. Only violations are gathered: the passes of a long page (hundreds of
    elements) took a third of the run and are never looked at."""
    result = _axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]})
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in result.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.fixture
def phone(browser):
    """A 360x640 phone-sized page that records every request it makes."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, device_scale_factor=1,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()
