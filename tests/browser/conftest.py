"""Headless Chromium from Debian (/usr/bin/chromium) driven by Playwright; no browser download."""

from __future__ import annotations

import pytest

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
