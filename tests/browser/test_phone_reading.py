"""Readable on a 360 px phone: no word broken inside itself in a table or a box, warning boxes at
body text size, and controls large enough to tap."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = ["linimasa.html", "predikat-kinerja.html", "lokakarya/sesi-90-menit.html",
         "lokakarya/sesi-setengah-hari.html", "lokakarya/sesi-sehari-penuh.html",
         "katalog/praktik-kinerja/index.html", "coaching/tirta.html", "katalog/perilaku-kerja/index.html",
         "coaching/coaching-mentoring-supervisi.html", "katalog/sumber.html"]

# Every word (letters and digits; a break after "/" or "-" is a normal place to wrap) of every
# table cell and box, with the number of distinct lines its characters are drawn on.
BROKEN_WORDS = """() => {
  const broken = [];
  for (const box of document.querySelectorAll("article td, article th, article .admonition")) {
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[\\p{L}\\p{N}]+/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("path", PAGES)
def test_no_word_is_broken_in_tables_and_boxes(built_site, phone, path):
    phone.goto((built_site / path).as_uri())
    phone.wait_for_load_state("load")
    assert phone.locator("article td, article .admonition").count() > 0
    assert phone.evaluate(BROKEN_WORDS) == []
    assert phone.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_wide_tables_become_labelled_rows_on_a_phone(built_site, phone):
    phone.goto((built_site / "predikat-kinerja.html").as_uri())
    cell = phone.locator("article table").first.locator("tbody tr").first.locator("td").nth(1)
    assert cell.get_attribute("data-label") == "Perilaku kerja Di Bawah Ekspektasi"
    assert "Kurang/Misconduct" in cell.inner_text()
    label = phone.evaluate("c => getComputedStyle(c, '::before').content", cell.element_handle())
    assert "Perilaku kerja Di Bawah Ekspektasi" in label


def test_warning_boxes_use_body_text_size(built_site, phone):
    phone.goto((built_site / "linimasa.html").as_uri())
    body = phone.evaluate("parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)")
    sizes = phone.locator("article .admonition p").evaluate_all(
        "ps => ps.map(p => parseFloat(getComputedStyle(p).fontSize))")
    assert sizes and all(size >= body for size in sizes), (body, sizes)


@pytest.mark.parametrize("path", ["index.html", "linimasa.html", "lembar-kerja/perencanaan.html"])
def test_controls_are_at_least_44_px(built_site, phone, path):
    """Menu entries, header buttons and buttons: 44 x 44 px at least (links inside running text
    are exempt, as in WCAG 2.5.8)."""
    phone.goto((built_site / path).as_uri())
    phone.locator("label.md-header__button[for='__drawer']").click()
    phone.wait_for_timeout(300)
    small = phone.evaluate("""() => [...document.querySelectorAll(
        '.md-header__button, .md-nav--primary .md-nav__link, .md-button, article button, .md-footer__link')]
      .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
      .map(e => [e.textContent.trim().slice(0, 30) || e.className, e.getBoundingClientRect()])
      .filter(([, r]) => r.width > 0 && (r.height < 44 || r.width < 44))
      .map(([name, r]) => `${name}: ${Math.round(r.width)}x${Math.round(r.height)}`)""")
    assert small == [], "\n".join(small)
