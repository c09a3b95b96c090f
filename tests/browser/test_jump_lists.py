"""Long pages are easy to move around on a phone: the FAQ starts with its questions, the glossary
with an A-Z bar."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_faq_lists_every_question_and_jumps_to_it(built_site, phone):
    phone.goto((built_site / "faq.html").as_uri())
    questions = phone.locator("article h2").evaluate_all(
        "hs => hs.map(h => [h.id, h.textContent.replace('¶', '').trim()])")
    links = phone.locator("nav.daftar-pertanyaan a").evaluate_all(
        "as => as.map(a => [a.hash.slice(1), a.textContent.trim()])")
    assert links == questions and len(links) > 10
    assert phone.locator("nav.daftar-pertanyaan").bounding_box()["y"] < 640  # on the first screen
    phone.locator("nav.daftar-pertanyaan a").last.click()
    target = phone.locator(f"[id='{questions[-1][0]}']")
    assert 0 <= target.bounding_box()["y"] < 640


def test_glossary_jumps_by_first_letter(built_site, phone):
    phone.goto((built_site / "glosarium.html").as_uri())
    terms = phone.locator("article h3").all_inner_texts()
    letters = sorted({t.strip()[0].upper() for t in terms})
    assert phone.locator("nav.az a").all_inner_texts() == letters
    phone.locator("nav.az a", has_text="P").click()
    heading = phone.locator("#huruf-p")
    assert 0 <= heading.bounding_box()["y"] < 200
    first_after = heading.locator("xpath=following::h3[1]").inner_text()
    assert first_after.startswith("P")
