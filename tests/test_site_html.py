"""The built handbook, read from its real HTML: complete, linked, offline, in Indonesian."""

from __future__ import annotations

import functools
import html
import re
from collections import deque
from pathlib import Path
from urllib.parse import urldefrag

import pytest
from bs4 import BeautifulSoup

from generator.build import load_project
from generator.catalog import load_catalog
from generator.placement import Locator
from tests.conftest import ROOT, replace_in, run_cli


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT)


@functools.lru_cache(maxsize=None)
def soup(path: Path) -> BeautifulSoup:
    """Parsed page (cached: tests only read it)."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def all_text(site: Path) -> str:
    return " ".join(normalise(soup(p).get_text(" ")) for p in site.rglob("*.html"))


def test_every_official_name_and_definition_is_in_the_site(built_site, catalog):
    text = all_text(built_site)
    # Components shown through a guide (peran, linimasa, ...) are titled by that guide instead.
    missing = [i.id for i in catalog.items.values()
               if (i.kind != "komponen" or i.id in catalog.parts) and normalise(i.nama) not in text or (i.get("definisi") and normalise(i["definisi"]) not in text)]
    assert missing == []


def test_no_page_shows_markdown_marks_as_text(built_site):
    """Catalogue text is shown as written, not read as Markdown: an '*italic*' in it reached readers
    as asterisks ("atau *teaching factory*.")."""
    shown = {path.relative_to(built_site).as_posix(): re.findall(r"\*\w[^*\n]{0,40}\w\*", node.get_text())
             for path in built_site.rglob("*.html") if not path.relative_to(built_site).as_posix().startswith("cari")
             for node in [soup(path).select_one("article")] if node is not None}
    assert {page: marks for page, marks in shown.items() if marks} == {}


def test_pages_are_indonesian(built_site):
    page = soup(built_site / "index.html")
    assert page.html["lang"] == "id"
    assert page.select_one("#hb-search-input")["placeholder"] == "Cari"
    assert page.select_one("label[for=hb-search-input]").get_text() == "Cari di panduan"


def item_location(site: Path, page: Path, href: str) -> tuple[Path, str]:
    target, anchor = urldefrag(href)
    return ((page.parent / target).resolve() if target else page.resolve()), anchor


def content_links(site: Path, page: Path) -> list[tuple[Path, str]]:
    """Links inside the page's article (not the navigation): what a reader follows in the text."""
    article = soup(page).select_one("article")
    out = []
    for a in article.select("a[href]"):
        href = a["href"]
        if href.startswith(("http:", "https:", "mailto:", "tel:")) or "headerlink" in (a.get("class") or []):
            continue
        out.append(item_location(site, page, href))
    return out


def test_every_catalogue_item_within_three_clicks_of_home(built_site):
    """Following links in page text only (navigation menus excluded), every item's page is at most
    three clicks from the home page, and the item's anchor is really on that page."""
    project = load_project(ROOT)
    locator = Locator(project.catalog, project.guides)
    home = (built_site / "index.html").resolve()
    depth = {home: 0}
    queue = deque([home])
    while queue:
        page = queue.popleft()
        for target, _ in content_links(built_site, page):
            if target.suffix == ".html" and target not in depth and depth[page] < 3 and target.exists():
                depth[target] = depth[page] + 1
                queue.append(target)
    problems = []
    for item_id, (path, anchor) in locator.places.items():
        item = project.catalog.items.get(item_id)
        if item is None or "glosarium" in (item.id, item.component):
            continue  # generated pages and glossary terms are reached from the navigation tabs
        page = (built_site / path).with_suffix(".html").resolve()
        if page not in depth:
            problems.append(f"{item_id}: {path} more than 3 clicks away")
        elif anchor and soup(page).find(id=anchor) is None:
            problems.append(f"{item_id}: no #{anchor} on {path}")
    from generator.placement import link_targets

    targets = link_targets(project.catalog)
    kinds = {targets[i].kind for i in locator.places}
    assert {"tugas-tambahan", "ekspektasi", "indikator-perilaku", "tahap", "predikat"} <= kinds
    assert problems == []


def test_catalogue_pages_link_to_parent_siblings_and_guides(built_site):
    page = built_site / "katalog/praktik-kinerja/pk-disiplin-positif.html"
    article = soup(page).select_one("article")
    hrefs = {a["href"] for a in article.select("a[href]")}
    assert "index.html" in hrefs  # the component
    assert "index.html#dim-manajemen-kelas" in hrefs  # its dimension
    assert "pk-keteraturan-kelas.html" in hrefs  # its sibling in the dimension
    guides = [a.get_text() for a in article.select("h2#panduan-terkait + ul a")]
    assert "Siklus peningkatan praktik kinerja" in guides or guides, guides
    assert any(h.endswith("siklus-peningkatan.html") for h in hrefs)


def test_guide_links_resolve_to_catalogue_pages(built_site):
    article = soup(built_site / "cara-mengisi-rencana.html").select_one("article")
    links = {normalise(a.get_text()): a["href"] for a in article.select("a[href]")}
    assert links["Wali Kelas"] == "katalog/tugas-pokok/tp-tugas-tambahan.html#tt-wali-kelas"


def test_typo_is_shown_with_a_visible_note(built_site):
    page = soup(built_site / "katalog/tugas-pokok/tp-tugas-tambahan.html")
    anchor = page.find(id="tt-koordinator-inklusi")
    item = anchor.find_parent("li") if anchor.name != "li" else anchor
    text = normalise(item.get_text(" "))
    assert "Koordinator Pembelajaran Pendidikan Inklusia" in text
    assert "Catatan tentang teks resmi" in text and "Inklusif" in text
    sources = normalise(soup(built_site / "katalog/sumber.html").get_text(" "))
    assert "Koordinator Pembelajaran Pendidikan Inklusia" in sources


def test_predikat_matrix_table(built_site):
    page = soup(built_site / "predikat-kinerja.html")
    table = next(t for t in page.select("article table") if "Rating hasil kerja" in t.get_text())
    header = [normalise(th.get_text()) for th in table.select("thead th")][1:]
    rows = {normalise(tr.select_one("td").get_text()): [normalise(td.get_text()) for td in tr.select("td")[1:]]
            for tr in table.select("tbody tr")}
    assert header == ["Di Bawah Ekspektasi", "Sesuai Ekspektasi", "Di Atas Ekspektasi"]
    assert rows == {
        "Di Atas Ekspektasi": ["Kurang/Misconduct", "Baik", "Sangat Baik"],
        "Sesuai Ekspektasi": ["Kurang/Misconduct", "Baik", "Baik"],
        "Di Bawah Ekspektasi": ["Sangat Kurang", "Butuh Perbaikan", "Butuh Perbaikan"],
    }


def test_timeline_page_lists_the_three_official_periods(built_site):
    text = normalise(soup(built_site / "linimasa.html").select_one("article").get_text(" "))
    for expected in ("Januari: Perencanaan Kinerja", "Februari – November: Pelaksanaan",
                     "Desember: Penetapan Predikat Kinerja", "31 Januari 2026",
                     "Pelaksanaan Observasi Praktik Kinerja"):
        assert expected in text


EXTERNAL = re.compile(r"^(https?:)?//", re.I)
# Absolute URLs that mkdocs-material's JavaScript bundle contains but never loads for this site:
# Mermaid only on pages with a Mermaid diagram (we render none), the ResizeObserver polyfill only
# in browsers from before 2018, GitHub's and GitLab's APIs only when repo_url is set (it is not).
JS_CONDITIONAL = ("https://unpkg.com/mermaid", "https://unpkg.com/resize-observer-polyfill",
                  "https://api.github.com/", "https://${")


def test_no_request_leaves_the_site(built_site):
    offenders = []
    for page in built_site.rglob("*.html"):
        doc = soup(page)
        for tag in doc.find_all(True):
            for attr in ("src", "srcset", "poster", "data", "action", "formaction"):
                if tag.get(attr) and EXTERNAL.match(tag[attr].strip()):
                    offenders.append(f"{page.name}: <{tag.name} {attr}={tag[attr]}>")
            if tag.name == "link" and tag.get("href") and EXTERNAL.match(tag["href"]):
                offenders.append(f"{page.name}: <link href={tag['href']}>")
        for style in doc.find_all("style"):
            if re.search(r"url\(\s*['\"]?(https?:)?//|@import", style.get_text()):
                offenders.append(f"{page.name}: inline style loads a URL")
        assert "mermaid" not in page.read_text(encoding="utf-8")
    for css in built_site.rglob("*.css"):
        if re.search(r"url\(\s*['\"]?(https?:)?//|@import\s+['\"]?(url\()?\s*['\"]?(https?:)?//", css.read_text()):
            offenders.append(f"{css.name}: loads an outside URL")
    for js in built_site.rglob("*.js"):
        for url in re.findall(r"[\"'`](https?://[^\"'`\s]+)", js.read_text(encoding="utf-8")):
            if not url.startswith(JS_CONDITIONAL):
                offenders.append(f"{js.name}: {url}")
    assert offenders == []


def test_no_external_links_in_page_chrome(built_site):
    """Header, navigation and footer carry no outside links (e.g. 'Made with Material')."""
    for page in [built_site / "index.html", built_site / "katalog/index.html"]:
        doc = soup(page)
        for part in doc.select("header, nav, footer"):
            assert not [a["href"] for a in part.select("a[href]") if EXTERNAL.match(a["href"])]


def test_required_guides_and_faq(built_site):
    titles = {p.name: normalise(soup(p).select_one("article h1").get_text()).rstrip("¶")
              for p in built_site.glob("*.html") if p.name != "404.html"}
    for page in ("index.html", "apa-itu-pengelolaan-kinerja.html", "peran.html", "linimasa.html",
                 "perubahan-2026.html", "siklus-peningkatan.html", "predikat-kinerja.html", "faq.html"):
        assert page in titles
    questions = [normalise(h.get_text()).rstrip("¶") for h in soup(built_site / "faq.html").select("article h2")]
    assert len([q for q in questions if q.endswith("?")]) >= 12
    faq = normalise(soup(built_site / "faq.html").select_one("article").get_text(" ")).lower()
    for topic in ("wali kelas", "guru wali", "unggah", "periode"):
        assert topic in faq


def test_component_overviews_list_all_their_items(built_site, catalog):
    tasks = soup(built_site / "katalog/tugas-pokok/index.html").select_one("article")
    linked = {a["href"].split("#")[-1] for a in tasks.select("a[href*='#']")}
    assert {i.id for i in catalog.of_kind("tugas-tambahan")} <= linked
    assert {i.id for i in catalog.of_kind("pilihan-tugas")} <= linked
    behaviour = soup(built_site / "katalog/perilaku-kerja/index.html").select_one("article")
    linked = {a["href"].split("#")[-1] for a in behaviour.select("a[href*='#']")}
    assert {i.id for i in catalog.of_kind("indikator-perilaku")} <= linked


def test_footer_says_it_is_not_official(built_site):
    footer = normalise(soup(built_site / "index.html").select_one("footer").get_text(" "))
    assert "bukan terbitan resmi Kemendikdasmen" in footer


def section_text(node) -> str:
    """The text of an item placed at `node`: its list entry, or its heading and what follows up to
    the next heading of the same or a higher level."""
    if node.name not in ("h2", "h3", "h4"):
        return normalise(node.find_parent("li").get_text(" "))
    parts = [node.get_text(" ")]
    for sibling in node.find_next_siblings():
        if sibling.name in ("h2", "h3", "h4")[: ("h2", "h3", "h4").index(node.name) + 1]:
            break
        parts.append(sibling.get_text(" "))
    return normalise(" ".join(parts))


def test_everyday_words_are_shown_where_each_item_is(built_site):
    """Every `keseharian` line is on its item's page, in a box that says these are our words (not
    the official wording); for an item that is a section of a page, next to it in that section."""
    project = load_project(ROOT)
    locator = Locator(project.catalog, project.guides)
    with_words = [i for i in project.catalog.items.values() if i.get("keseharian")]
    assert len(with_words) >= 20  # every praktik kinerja, kompetensi and tugas pokok item
    problems = []
    for item in with_words:
        path, anchor = locator.places[item.id]
        page = soup((built_site / path).with_suffix(".html"))
        if anchor:
            text = section_text(page.find(id=anchor))
        else:
            box = page.select_one("article .admonition.example")
            if box is None or normalise(box.select_one(".admonition-title").get_text()) != "Dalam keseharian":
                problems.append(f"{item.id}: no 'Dalam keseharian' box")
                continue
            if "bukan rumusan resmi" not in normalise(box.select_one(".hb-keterangan").get_text()):
                problems.append(f"{item.id}: the box does not say the words are not official")
            if page.select_one("article").get_text().count("bukan rumusan resmi") != 1:
                problems.append(f"{item.id}: the page says more than once that its words are not official")
            text = normalise(box.get_text(" "))
        problems += [f"{item.id}: {line!r} missing" for line in item["keseharian"] if normalise(line) not in text]
    assert problems == []


def test_glossary_entries_link_to_the_page_that_explains_them(built_site, catalog):
    """Every term with `selengkapnya` ends with a "Selengkapnya" link that leads to an existing page
    and section; 'Angka kredit' leads to the predikat page."""
    page = soup(built_site / "glosarium.html")
    linked = {}
    for term in catalog.items.values():
        if term.kind != "istilah" or not term.get("selengkapnya"):
            continue
        heading = page.find(id=term.id)
        entry = []
        for sibling in heading.find_next_siblings():
            if sibling.name in ("h2", "h3"):
                break
            entry.append(sibling)
        links = [a for p in entry if p.find("em", string="Selengkapnya:") for a in p.find_all("a")]
        assert len(links) == 1, term.id
        target, anchor = urldefrag(links[0]["href"])
        assert (built_site / target).is_file(), (term.id, target)
        if anchor:
            assert soup(built_site / target).find(id=anchor), (term.id, links[0]["href"])
        linked[term.id] = (links[0]["href"], links[0].get_text())
    assert linked["istilah-angka-kredit"] == ("predikat-kinerja.html", "Predikat kinerja")
    assert linked["istilah-gratifikasi"] == ("katalog/perilaku-kerja/akuntabel.html", "Akuntabel")


def test_glossary_counts_follow_the_catalogue(project):
    """The glossary says how many tugas tambahan and ekspektasi the catalogue has from the catalogue
    itself ([[jumlah:…]]): one more tugas tambahan in the YAML and the entry says one more."""
    path = project / "catalog/tugas_pokok.yml"
    replace_in(path, "      - id: tt-tutor-kesetaraan\n",
               "      - id: tt-contoh-baru\n        nama: Tugas Tambahan Contoh\n      - id: tt-tutor-kesetaraan\n")
    assert run_cli("build", "--no-pdf", cwd=project).returncode == 0
    catalog = load_catalog(project)
    entries = {h.get("id"): h.find_next("p").get_text(" ", strip=True)
               for h in soup(project / "site/glosarium.html").select("h3[id]")}
    assert f"memuat {len(catalog.of_kind('tugas-tambahan'))} pilihan" in entries["istilah-tugas-tambahan"]
    assert len(catalog.of_kind("tugas-tambahan")) == 25
    assert f"memuat {len(catalog.of_kind('ekspektasi'))} pilihan" in entries["istilah-ekspektasi-khusus-pimpinan"]
