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


def serious_violations(page, within: str | None = None) -> list[str]:
    """axe-core's serious and critical WCAG violations on the page as it is now (or only in the
    element `within` selects), each with the first elements it names. Only violations are
    gathered: the passes of a long page (hundreds of elements) took a third of the run and are never
    looked at. axe-core is put into a page once, not before every check of it."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe().axe_script)
    options = {"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]}
    response = page.evaluate("([within, options]) => axe.run(within ? {include: [[within]]} : document, options)",
                             [within, options])
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in response["violations"] if v["impact"] in ("serious", "critical")]


# Resolves once the page has been still for three frames in a row at the expected width (fails
# after 15 s): no animation or transition running and the theme's sidebars and navigation in the
# same place with the same visibility. The theme's own scripts react to a resize a frame or more later (on a busy
# machine several), so the width alone does not mean the new layout is there.
SETTLED = """width => new Promise((resolve, reject) => {
  let last = null, calm = 0;
  const deadline = performance.now() + 15000;  // an endless animation fails instead of hanging
  const look = () => JSON.stringify([...document.querySelectorAll('.md-sidebar, .md-nav, .md-tabs')]
    .map(e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
                return [r.x, r.y, r.width, r.height, s.visibility, s.display]; }));
  const tick = () => {
    const now = look(), still = document.getAnimations().every(a => a.playState !== 'running');
    calm = still && now === last && window.innerWidth === width ? calm + 1 : 0;
    last = now;
    if (calm >= 3) resolve();
    else if (performance.now() > deadline)
      reject(new Error(`layout still moving at ${window.innerWidth}px: ` + document.getAnimations()
        .filter(a => a.playState === 'running').map(a => a.animationName || a.transitionProperty).join(', ')));
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})"""


def resize_and_settle(page, width: int, height: int = 800) -> None:
    """Give the page a new viewport width and wait until its layout has settled (SETTLED)."""
    page.set_viewport_size({"width": width, "height": height})
    page.evaluate(SETTLED, width)


PHONE = {"viewport": {"width": 360, "height": 640}, "device_scale_factor": 1, "is_mobile": True,
         "has_touch": True}


def _phone_tab(browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    return page


@pytest.fixture
def own_phone(browser):
    """A phone page of its own, for a test that changes what a shared one cannot put back (its
    clock, routes, offline mode)."""
    page = _phone_tab(browser)
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def _module_phone(browser):
    page = _phone_tab(browser)
    yield page
    page.context.close()


@pytest.fixture
def phone(_module_phone):
    """A 360x640 phone page that records every request it makes, shared by the tests of a module:
    opening a tab costs Chromium about 1.1 CPU-seconds more than loading a page into an open one,
    and the suite opened some fifty. Each test starts on a blank page with the phone's viewport,
    empty storage and no requests recorded; one that changes the clock, routes or offline mode
    takes `own_phone`."""
    page = _module_phone
    page.requests.clear()
    yield page
    reset_tab(page, PHONE["viewport"])


def reset_tab(page, viewport: dict) -> None:
    """Leave a shared tab as a new one starts: storage emptied, viewport back, a blank page."""
    if page.url.startswith(("file:", "http:")):
        page.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")
    page.set_viewport_size(viewport)
    page.goto("about:blank")
