"""Search as teachers use it: the relevance set through the real index in Chromium, offline and
over a LAN server; light (nothing loaded before searching); safe (catalogue text never runs)."""

from __future__ import annotations

import functools
import http.server
import statistics
import threading
from pathlib import Path

import pytest
import yaml

from generator.reader_questions import FILE
from tests.conftest import copy_project, replace_in, run_cli
from tests.search_relevance import QUERIES_JS, QUERY_JS, SETS, evaluate, load

pytestmark = pytest.mark.browser

CASES = {name: load(name) for name in SETS}
# Regression floors, below the measured figures (README): the held-out figure is reported, never
# tuned to. The index reads the tuning questions (the reader questions), so their floor is above
# what the engine gives them without (0.84, 0.96): it fails when the questions stop counting.
FLOORS = {"tuning": (0.88, 0.97), "held-out": (0.60, 0.75)}


def results(page, query: str, kind: str = "", role: str = "") -> list[str]:
    return page.evaluate("([q, k, r]) => HandbookSearch.search(q, k, r)", [query, kind, role])


def open_search(browser, url: str, **options):
    context = browser.new_context(**options)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("window.HandbookSearch !== undefined")
    return context, page


@pytest.fixture(scope="module")
def search_page(built_site, browser):
    context, page = open_search(browser, (built_site / "cari.html").as_uri(), offline=True)
    yield page
    context.close()


@pytest.fixture(scope="module")
def lan_server(built_site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built_site))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="module")
def ranked(search_page) -> dict[str, dict]:
    """Every query of both sets through the real search page opened from disk."""
    queries = [case["q"] for cases in CASES.values() for case in cases]
    return search_page.evaluate(QUERIES_JS, queries)


@pytest.mark.parametrize("name", CASES)
def test_relevance_set(name, ranked, capsys):
    assert len(CASES["tuning"]) + len(CASES["held-out"]) >= 200
    score = evaluate(lambda q: ranked[q], CASES[name])
    with capsys.disabled():
        print("\nsearch " + score.line(name))
        for miss in score.misses:
            print("  miss:", miss)
    hit1, hit3 = FLOORS[name]
    assert score.hit1 >= hit1 and score.hit3 >= hit3, score.misses


@pytest.fixture(scope="module")
def split_sites(tmp_path_factory) -> dict[str, Path]:
    """The handbook built twice without PDFs: with the reader questions of the even groups only
    ('half') and with none ('none')."""
    root = copy_project(tmp_path_factory.mktemp("pertanyaan") / "proyek")
    questions = root / "content" / FILE
    data = yaml.safe_load(questions.read_text(encoding="utf-8"))
    data["kelompok"] = data["kelompok"][::2]
    questions.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    sites = {}
    for name in ("half", "none"):
        result = run_cli("build", "--no-pdf", "--out", name, cwd=root)
        assert result.returncode == 0, result.stderr
        sites[name] = root / name
        questions.unlink(missing_ok=True)
    return sites


def test_reader_questions_lead_new_questions_to_their_page(split_sites, browser, capsys):
    """The questions of the odd groups (other writers, other days) against an index that read the
    even groups' questions and against one that read none: the questions it was given lead new
    questions, put in other words, to the page that answers them."""
    new = [case for case in CASES["tuning"] if case["group"] % 2]
    scores = {}
    for name, site in split_sites.items():
        context, page = open_search(browser, (site / "cari.html").as_uri(), offline=True)
        found = page.evaluate(QUERIES_JS, [case["q"] for case in new])
        context.close()
        scores[name] = evaluate(lambda q: found[q], new)
    with capsys.disabled():
        for name, score in scores.items():
            print(f"\nsearch {score.line(f'odd groups, index with {name} reader questions')}")
    assert len(new) >= 500
    assert scores["half"].hit1 >= scores["none"].hit1 + 0.02
    assert scores["half"].hit3 >= scores["none"].hit3


def test_few_strong_matches_per_query(ranked):
    """Precision: a query names a handful of pages as its answer, not most of the handbook."""
    strong = sorted(r["strong"] for r in ranked.values())
    assert statistics.median(strong) <= 12, strong
    assert all(n >= 1 for n in strong)


def test_same_results_over_a_lan_server(lan_server, ranked, browser):
    """Every fourth query of both sets: they load the same index parts over http as from disk
    (each part is loaded the same way), at a quarter of the time of all of them."""
    sample = list(ranked)[::4]
    context, page = open_search(browser, f"{lan_server}/cari.html")
    over_http = page.evaluate(QUERIES_JS, sample)
    context.close()
    assert len(sample) >= 250 and over_http == {q: ranked[q] for q in sample}


def test_deep_link_lists_strong_results_in_rank_order(built_site, ranked, browser):
    query = "bolehkah mengubah rencana yang sudah disetujui"
    context, page = open_search(browser, (built_site / "cari.html").as_uri() + "?q=" + query, offline=True)
    page.wait_for_function("q => document.getElementById('cari-hasil').dataset.done === q", arg=query)
    base = built_site.as_uri() + "/"
    links = [h.removeprefix(base) for h in
             page.eval_on_selector_all("#cari-hasil li a.cari-judul", "as => as.map(a => a.href)")]
    expected = page.evaluate(QUERY_JS, query)
    assert links == expected["urls"][:len(links)] and len(links) == min(10, expected["strong"])
    # An FAQ hit links to the question that answers, and its excerpt is that answer.
    assert links[0] == "faq.html#bolehkah-saya-mengubah-rencana-yang-sudah-disetujui"
    context.close()


def test_weak_matches_are_folded_under_other_results(search_page):
    search_page.fill("#cari-q", "inklusif")
    search_page.wait_for_function("document.getElementById('cari-hasil').dataset.q === 'inklusif'")
    strong = search_page.locator("#cari-hasil > li").count()
    folded = search_page.locator("#cari-lain li").count()
    assert 1 <= strong <= 12 and folded >= 1
    assert search_page.locator("#cari-lain summary").inner_text().startswith("Hasil lain")
    assert not search_page.locator("#cari-lain").evaluate("d => d.open")


def test_a_first_query_transfers_at_most_60_kb(built_site, browser, capsys):
    """Compressed, as a web server sends it: the search page, its scripts, the index parts and
    excerpts the first query needs."""
    from tests.browser.test_weight import first_visit, gzip_server

    server = gzip_server(built_site)
    try:
        sizes, _ = first_visit(browser, f"http://127.0.0.1:{server.server_port}/cari.html?q=observasi kelas")
    finally:
        server.shutdown()
    search = sum(v for u, v in sizes.items() if "/cari" in u)
    with capsys.disabled():
        print(f"\nfirst query 'observasi kelas': {search / 1024:.1f} KiB compressed")
    assert search <= 60 * 1024, sizes


def test_item_page_first_for_its_name(search_page):
    assert results(search_page, "Penerapan Disiplin Positif")[0] == "katalog/praktik-kinerja/pk-disiplin-positif.html"
    assert results(search_page, "loyal")[0] == "katalog/perilaku-kerja/loyal.html"


def test_filters_by_kind_and_role(search_page):
    only_items = results(search_page, "refleksi", "kompetensi")
    assert only_items and all(u.startswith("katalog/pengembangan-kompetensi/") for u in only_items)
    for_principals = results(search_page, "observasi", "", "kepala-sekolah")
    assert for_principals and "katalog/praktik-kinerja/index.html" not in for_principals


def test_no_match_says_so_and_suggests_the_glossary(search_page):
    search_page.fill("#cari-q", "zzqxw")
    search_page.wait_for_function("document.getElementById('cari-status').textContent.includes('Tidak ada hasil')")
    link = search_page.locator("#cari-status a")
    assert link.inner_text() == "Glosarium" and link.get_attribute("href").endswith("glosarium.html")


def test_results_show_an_excerpt_with_the_match_marked(search_page):
    search_page.fill("#cari-q", "guru wali")
    search_page.locator("#cari-hasil li mark").first.wait_for()
    assert search_page.locator("#cari-hasil li").count() > 0
    marked = {m.lower() for m in search_page.locator("#cari-hasil li mark").all_inner_texts()}
    assert marked and marked <= {"guru", "wali"}, marked


def test_the_excerpt_shows_where_the_query_words_stand_together(search_page):
    """The indicator's page opens with its definition (which has 'kelas' and 'murid'); the excerpt
    is its everyday line further down that says 'ribut' too."""
    query = "murid sering ribut di kelas"
    search_page.fill("#cari-q", query)
    search_page.wait_for_function("q => document.getElementById('cari-hasil').dataset.done === q", arg=query)
    first = search_page.locator("#cari-hasil > li").first
    assert first.locator("a.cari-judul").inner_text() == "Keteraturan Suasana Kelas"
    marked = {m.lower() for m in first.locator("mark").all_inner_texts()}
    assert {"ribut", "sering", "kelas"} <= marked, marked


def test_nothing_is_loaded_until_a_search_starts(built_site, browser):
    context = browser.new_context()
    page = context.new_page()
    loaded = []
    page.on("requestfinished", lambda r: loaded.append(r.url))
    page.goto((built_site / "index.html").as_uri())
    assert not [u for u in loaded if "/cari/" in u or "cari-stemmer" in u]
    page.goto((built_site / "cari.html").as_uri() + "?q=observasi")
    page.locator("#cari-hasil li").first.wait_for()
    assert any(u.endswith("cari/indeks.js") for u in loaded)
    # Only the word shards and excerpt files this query needs, not the whole index.
    shards = [u for u in loaded if "/cari/istilah-" in u]
    texts = [u for u in loaded if "/cari/teks-" in u]
    assert 1 <= len(shards) <= len(list((built_site / "cari").glob("istilah-*.js"))) // 3
    assert len(texts) <= len(list((built_site / "cari").glob("teks-*.js")))
    context.close()


def test_search_over_a_school_lan_server(lan_server, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{lan_server}/cari.html?q=kepsek")
    page.locator("#cari-hasil li").first.wait_for()
    assert page.locator("#cari-hasil li").count() >= 1
    context.close()


def test_catalogue_markup_cannot_run_in_results(tmp_path, browser):
    project = copy_project(tmp_path / "proyek")
    replace_in(project / "catalog/praktik_kinerja.yml", "nama: Aktivitas Interaktif",
               'nama: "Aktivitas <img src=x onerror=window.diserang=1> Interaktif"')
    assert run_cli("build", "--no-pdf", cwd=project).returncode == 0
    context = browser.new_context(offline=True)
    page = context.new_page()
    page.goto((project / "site/cari.html").as_uri() + "?q=aktivitas interaktif")
    page.locator("#cari-hasil li").first.wait_for()
    assert "<img src=x" in page.locator("#cari-hasil li .cari-judul").first.inner_text()
    assert page.evaluate("window.diserang") is None
    context.close()


def test_words_the_pages_do_not_use_are_read_through_the_glossary_or_the_prefix(search_page):
    """'upload' is on no page but is a glossary form of bukti dukung; 'memotivasi' reaches the
    pages that say 'motivasi' (an exception of the stemmer: mem- + m-, not p-), and 'mengejek',
    which the rules read as k- + ejek, gives exactly the results of 'ejekan' (through the
    browser's other reading of the prefix, or at worst as a near miss of the word)."""
    assert "faq.html" in results(search_page, "upload")[:3]
    assert results(search_page, "memotivasi")[:1] == results(search_page, "motivasi")[:1] != []
    # read as 'ejek' itself, not as a typo of it: the very same results in the same order
    assert results(search_page, "mengejek") == results(search_page, "ejekan") != []


def test_one_word_of_a_typed_phrase_counts_as_part_of_it(search_page):
    """'ekspektasi' alone finds ekspektasi khusus pimpinan (a declared short form), but a reader
    who types the whole phrase asks for that concept, not for the indicator whose title has the
    word 'ekspektasi' (Ekspektasi terhadap Murid)."""
    assert "katalog/perilaku-kerja/index.html" in results(search_page, "ekspektasi")[:5]
    whole = results(search_page, "ada berapa ekspektasi khusus pimpinan")
    assert whole.index("katalog/perilaku-kerja/index.html") < whole.index(
        "katalog/praktik-kinerja/pk-ekspektasi-murid.html")


def test_a_named_glossary_term_leads_to_the_page_that_explains_it(search_page):
    """'angka kredit' is explained on the predikat page (the term's `selengkapnya` in the
    glossary): that page comes first, and the glossary entry stays a strong result beside it, not
    folded under "Hasil lain"."""
    assert results(search_page, "angka kredit")[0] == "predikat-kinerja.html"
    search_page.fill("#cari-q", "angka kredit")
    search_page.wait_for_function("document.getElementById('cari-hasil').dataset.q === 'angka kredit'")
    shown = search_page.locator("#cari-hasil > li > a.cari-judul").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert shown[0].split("#")[0].endswith("predikat-kinerja.html")
    assert any(h.split("#")[0].endswith("glosarium.html") for h in shown), shown


def test_words_for_a_form_to_print_lean_to_the_worksheets(search_page):
    """'lk', 'blangko', 'formulir' ask for something to print and fill in: the worksheet comes
    before the catalogue page of the same name (a mild lean, not a filter): LK-1 or the worksheet
    list first, LK-1 among the first three. Without the lean, the catalogue page Perencanaan
    pembelajaran comes first, although 'lk' is a glossary name of the worksheets (measured)."""
    asked = results(search_page, "lk perencanaan kinerja")
    assert asked[0].startswith("lembar-kerja/") and "lembar-kerja/perencanaan.html" in asked[:3], asked[:3]
    assert not results(search_page, "perencanaan kinerja")[0].startswith("lembar-kerja/")


def test_an_item_is_found_by_the_component_it_belongs_to(search_page):
    """'tugas pokok' is in the breadcrumb of Pelaksanaan pembelajaran, not in its text: the item
    page still covers the whole question and comes before the other tugas pokok items (it came
    fourth, after Penilaian pembelajaran, when the component's name was not indexed)."""
    asked = results(search_page, "tugas pokok melaksanakan pembelajaran")
    assert "katalog/tugas-pokok/tp-pembelajaran.html" in asked[:2], asked[:3]
    others = [u for u in asked if u.startswith("katalog/tugas-pokok/tp-") and u != "katalog/tugas-pokok/tp-pembelajaran.html"]
    assert asked.index("katalog/tugas-pokok/tp-pembelajaran.html") < asked.index(others[0]), asked[:5]


def test_se_before_a_measure_reads_as_one(search_page):
    """'setahun' is 'satu tahun' (and 'sehari' 'satu hari'): the page "Contoh satu tahun" answers
    'contoh coaching selama setahun' ('selama' says nothing of the topic)."""
    assert results(search_page, "contoh coaching selama setahun")[0] == "coaching/contoh-satu-tahun.html"
    assert "lokakarya/sesi-sehari-penuh.html" in results(search_page, "agenda pelatihan satu hari")[:3]


def test_form_is_a_word_for_a_worksheet(search_page):
    """'form' is what many teachers call a worksheet: the glossary has it as a name of Lembar kerja,
    so it is not read as the start of 'formatif' (which led to the assessment indicator)."""
    asked = results(search_page, "form refleksi kompetensi")
    assert "lembar-kerja/refleksi-kompetensi.html" in asked[:3], asked[:3]
    sheets = [u for u in asked if u.startswith("lembar-kerja/") and u != "lembar-kerja/index.html"]
    assert sheets[0] == "lembar-kerja/refleksi-kompetensi.html", sheets[:3]


def test_a_rare_incidental_word_does_not_decide(search_page):
    """Every concept of a question counts the same in how much of it a page covers (rarity counts
    once, inside the word weights): 'lewat' stands on two pages only, and when rare concepts
    weighed more it put three guides that happen to say 'lewat' before the indicator named
    "Pengembangan diri melalui kebiasaan refleksi", which came fifth; now it comes with the
    component page that lists it and the guide on reflection."""
    asked = results(search_page, "pengembangan diri lewat refleksi")
    assert "katalog/pengembangan-kompetensi/kom-refleksi-diri.html" in asked[:3], asked[:3]


def test_going_on_with_a_plan_on_a_laptop_finds_the_plan_builder(search_page):
    """The plan builder says how to go on later or on another device, in the words a teacher asks
    with; 'lalu' says nothing of the topic."""
    assert results(search_page, "simpan rencana di laptop lalu lanjut besok")[0] == "rencana.html"


def test_a_worksheet_code_names_its_worksheet(search_page):
    """'lk 1', 'LK1' and 'lk-1' name LK-1 (its code is a name of its page, the way a glossary term's
    forms are); a query that says only 'lk' still gets the worksheets in general."""
    for query in ("lk 1", "LK1", "lk-1", "cetak lk 1 kosong"):
        assert results(search_page, query)[0] == "lembar-kerja/perencanaan.html", query
    assert results(search_page, "lk 4")[0] == "lembar-kerja/refleksi-kompetensi.html"
    # a code the index knows ('lk2') is not a word written twice ('anak2'); with an indicator, its own sheet
    assert results(search_page, "LK2")[0] == "lembar-kerja/persiapan-observasi.html"
    assert results(search_page, "lk2 umpan balik")[0] == "lembar-kerja/persiapan-observasi-pk-umpan-balik.html"
    # 'isinya' (what is in it) says nothing of the topic; read as a typo of 'isian' it led to LK-1
    assert results(search_page, "LK 3 isinya apa")[0] == "lembar-kerja/tindak-lanjut-refleksi.html"


def test_a_gift_from_parents_leads_to_gratification(search_page):
    """'hadiah' is a name of gratifikasi in the glossary, and 'orang tua murid' one concept (not
    'orang' and 'tua' apart, which put the parent-involvement indicator first)."""
    asked = results(search_page, "tidak menerima hadiah dari orang tua murid")
    assert asked[0] in {"glosarium.html", "katalog/perilaku-kerja/akuntabel.html"}, asked[:3]
    assert "katalog/perilaku-kerja/akuntabel.html" in asked[:3], asked[:3]


def test_a_question_about_a_difference_asks_for_both_things(search_page):
    """'beda', 'bedanya' say what kind of answer is wanted, not its topic: the pages that hold both
    things count ('pkg lama beda' put the page that happens to say 'berbeda' next to 'ASN' first,
    before the glossary entry and the FAQ answer on the old PKG)."""
    assert results(search_page, "pkg lama beda")[0] in {"glosarium.html", "faq.html"}
    # (The glossary entry on guru wali and the task it belongs to, which reader questions about
    # guru wali lift, come first; all three say how it differs from a wali kelas.)
    assert "faq.html" in results(search_page, "apa bedanya wali kelas dan guru wali")[:3]
    assert results(search_page, "kartu skenario kelas")[0] == "lokakarya/kartu-adegan.html"


def test_everyday_names_of_a_task_and_light_verbs(search_page):
    """'paket c' is a name of pendidikan kesetaraan, whose tutor is a tugas tambahan; 'dilakukan'
    says nothing of the topic ('apa yang dilakukan guru ...' is about what follows): alone it
    finds nothing, and it changes nothing in a question."""
    assert results(search_page, "tutor paket c")[0] == "katalog/tugas-pokok/tp-tugas-tambahan.html"
    assert results(search_page, "tefa")[0] == "katalog/tugas-pokok/tp-tugas-tambahan.html"  # teaching factory
    assert results(search_page, "dilakukan") == []
    assert results(search_page, "observasi kelas dilakukan") == results(search_page, "observasi kelas")
    # 'istilah' asks for the glossary, whose introduction says what its terms are about
    assert "glosarium.html" in results(search_page, "istilah istilah dalam pkg")[:3]
    # 'cek' is chat for 'periksa' ("memeriksa pemahaman murid" is the adaptive instruction's line)
    assert "katalog/praktik-kinerja/pk-instruksi-adaptif.html" in results(search_page, "ngecek pemahaman murid")[:3]
    # 'ekspektasi tambahan' is how teachers name ekspektasi khusus pimpinan ('memberi' is light too)
    assert "katalog/perilaku-kerja/index.html" in results(search_page, "kepala sekolah memberi ekspektasi tambahan")[:3]


def test_chat_spellings_read_as_the_written_words(search_page):
    """Teachers type as they speak: a verb without its me- ('nyoba' for mencoba, 'mukul' for
    memukul) or with -in for -kan ('jelasin'), a word written twice with a 2 ('anak2'), 'ga'
    written together with the next word ('gatau'). Each gives the results of the written words.
    A repeated 'beda2' is 'berbeda-beda', not the 'beda' of a question about a difference; a
    repeated stop word ('lagi2') stays one. 'memperbaiki' and 'perbaikan' share their root."""
    same = [("nyoba cara baru", "mencoba cara baru"), ("mukul teman", "memukul teman"),
            ("jelasin tujuan belajar", "menjelaskan tujuan belajar"), ("anak2 ribut", "anak ribut"),
            ("gatau cara isi rencana", "tidak tahu cara isi rencana"),
            ("kemampuan murid beda2", "kemampuan murid berbeda-beda"), ("lagi2 telat isi rencana", "telat isi rencana"),
            ("org2 tua murid", "orang tua murid"), ("murid jarang ngerjain pr", "murid jarang mengerjakan pekerjaan rumah"), ("memperbaiki cara mengajar", "perbaikan cara mengajar")]
    for chat, written in same:
        assert results(search_page, chat) == results(search_page, written) != [], chat
    assert results(search_page, "kemampuan murid beda2") != results(search_page, "kemampuan murid")


def test_everyday_words_for_a_gift_lead_to_gratification(search_page):
    """'bingkisan', 'kado', 'suvenir' are how teachers speak of a gift from parents: search-only
    forms of gratifikasi in the glossary, so the behaviour Akuntabel answers."""
    for query in ("ortu ngasih bingkisan boleh diterima", "kado dari wali murid", "terima suvenir dari ortu"):
        asked = results(search_page, query)
        assert "katalog/perilaku-kerja/akuntabel.html" in asked[:2], (query, asked[:3])


def test_a_change_in_the_middle_of_the_year_leads_to_its_faq_answer(search_page):
    """Leave, a transfer, two schools or a new principal: no rule for them is known, and the FAQ
    says what to do instead. The first result links to that very question."""
    for query in ("guru cuti melahirkan gimana penilaiannya", "kepsek diganti tengah tahun siapa yg nilai",
                  "pindah sekolah di tengah tahun rencana kinerja gimana"):
        search_page.fill("#cari-q", query)
        search_page.wait_for_function("q => document.getElementById('cari-hasil').dataset.q === q", arg=query)
        first = search_page.locator("#cari-hasil > li > a.cari-judul").first.get_attribute("href")
        assert first.endswith("faq.html#bagaimana-jika-keadaan-saya-berubah-di-tengah-tahun"), (query, first)


def test_who_assesses_a_teacher_is_not_the_old_scheme(search_page):
    """'penilaian kinerja guru' was a glossary name of the old PKG, so "siapa yang menilai kinerja
    guru" became a question about the old scheme (its glossary entry first); teachers say it of
    today's appraisal too. The old scheme is still found by 'pkg lama'. 'login' leads to where the
    school operator is named as the one to ask."""
    assert results(search_page, "siapa yang menilai kinerja guru")[0] == "peran.html"
    assert results(search_page, "pkg lama")[0] in {"glosarium.html", "faq.html"}
    assert results(search_page, "login ruang gtk")[0] == "peran.html"


def test_butuh_perbaikan_is_not_baik(search_page):
    """'perbaikan' keeps its own root: 'butuh' says nothing of the topic, and with 'perbaikan' cut
    to 'baik' the predikat Butuh Perbaikan was read as the predikat Baik (`check` now reports two
    glossary names that search reads alike)."""
    first = search_page.evaluate("q => HandbookSearch.query(q)", "butuh perbaikan artinya")["urls"][0]
    assert first.endswith("glosarium.html#istilah-butuh-perbaikan"), first


def test_a_slip_of_a_glossary_word_brings_its_other_names(search_page):
    """'obsevasi' (one letter missing) is read as 'observasi' with its glossary names (supervisi
    kelas, kunjungan kelas) and leads where the word spelt right does."""
    slip, right = (results(search_page, f"{w} kelas berapa kali setahun") for w in ("obsevasi", "observasi"))
    assert slip[:2] == right[:2] and right[0] in {"coaching/observasi.html", "faq.html"}
    slip, right = (results(search_page, f"kapan kepsek harus {w}") for w in ("obsevasi", "observasi"))
    assert slip[:1] == right[:1] != []
    # Not a short word: 'malas' is one letter from 'walas' (wali kelas), but a lazy pupil is not
    # a question about the wali kelas; it is one for Ekspektasi terhadap Murid (its everyday lines).
    assert results(search_page, "siswa malas")[:1] == ["katalog/praktik-kinerja/pk-ekspektasi-murid.html"]


def test_two_words_typed_without_a_space_are_read_as_two(search_page):
    """On a phone the space goes missing: 'kartutirta' is 'kartu tirta', 'timkinerja' is 'tim
    kinerja' (a glossary term), while a word the handbook knows is never split ('kinerjanya')."""
    assert results(search_page, "kartutirta") == results(search_page, "kartu tirta") != []
    assert results(search_page, "kartutirta")[0] == "lokakarya/kartu-tirta.html"
    assert results(search_page, "timkinerja isinya siapa") == results(search_page, "tim kinerja isinya siapa") != []
    assert results(search_page, "kinerjanya") == results(search_page, "kinerja")


def test_a_glossary_phrase_is_read_with_another_name_of_its_word(search_page):
    """'setelah observasi' names the follow-up discussion; so do 'setelah diamati' (another name of
    observasi) and the chat 'abis diobservasi'. 'Sebelum observasi' is the preparation talk."""
    follow_up = "coaching/diskusi-tindak-lanjut.html"
    assert results(search_page, "setelah diamati kepsek lalu apa")[:1] == [follow_up]
    assert results(search_page, "abis diobservasi ngapain")[:1] == [follow_up]
    assert results(search_page, "apa aja sebelum diobservasi")[:1] == ["coaching/diskusi-persiapan.html"]


def test_a_title_that_names_only_the_common_topic_names_little(search_page):
    """Nearly every page is about pengelolaan kinerja: the page titled "Apa itu pengelolaan
    kinerja" does not answer who takes part (the FAQ) or what changed this year."""
    # (The reader questions about the page "Apa itu" as a whole name a PPPK teacher once, which
    # lifts it beside the FAQ's answer.)
    assert "faq.html" in results(search_page, "pppk ikut pengelolaan kinerja guru?")[:2]
    assert results(search_page, "apa bedanya pengelolaan kinerja 2025 sama 2026")[:1] == ["perubahan-2026.html"]
    # ... while a question about the whole topic still finds it.
    assert results(search_page, "apa itu pengelolaan kinerja")[:1] == ["apa-itu-pengelolaan-kinerja.html"]


def test_a_page_found_through_its_reader_questions_links_to_its_answering_section(search_page):
    """The reader questions about the FAQ as a whole lift it for a question on PPPK teachers; the
    link and excerpt go to the answer on who takes part, not to the page's introduction."""
    found = search_page.evaluate(QUERY_JS, "guru pppk wajib isi skp ga")
    assert found["urls"][0] == "faq.html#apakah-ini-berlaku-untuk-guru-non-asn-atau-guru-sekolah-swasta"


def test_a_heading_that_asks_the_same_question_answers_it(search_page):
    """An FAQ heading asks what the reader asks ("Berapa ...?", "Bolehkah ...?"): for the same
    topic it comes before pages that only speak of it (the indicator list came first, the FAQ
    answer third). 'bisakah' is a question word, not the topic 'bisa'."""
    asked = {"indikator praktik kinerja pilih berapa?": "faq.html#berapa-indikator-praktik-kinerja-yang-harus-saya-pilih",
             "bisakah rencana kinerja direvisi setelah disetujui?": "faq.html#bolehkah-saya-mengubah-rencana-yang-sudah-disetujui"}
    for query, answer in asked.items():
        assert search_page.evaluate(QUERY_JS, query)["urls"][0] == answer, query
    assert search_page.evaluate(QUERY_JS, "bisakah bertanya")["strong"] == search_page.evaluate(QUERY_JS, "bertanya")["strong"]


def test_a_yes_no_question_typed_in_chat_asks_what_an_apakah_heading_asks(search_page):
    """'... ikut pengelolaan kinerja ga?' is the FAQ's "Apakah ini berlaku untuk guru non-ASN
    ...?" (a page on the wider scope came first)."""
    scope = "faq.html#apakah-ini-berlaku-untuk-guru-non-asn-atau-guru-sekolah-swasta"
    for query in ("guru honorer sekolah negeri ikut pengelolaan kinerja ini ga",
                  "apakah guru honorer ikut pengelolaan kinerja"):
        assert search_page.evaluate(QUERY_JS, query)["urls"][0] == scope, query


def test_school_short_names_of_additional_tasks(search_page):
    """'kaprog', 'kabeng', 'kalab', 'kaperpus' are how a school names the additional tasks 5.2 to
    5.4: they find the list of additional tasks, as the written names do (they found nothing, or
    'kala' for 'kalab')."""
    for short, written in (("kaprog", "ketua program keahlian"), ("kabeng", "kepala bengkel"),
                           ("kalab", "kepala laboratorium"), ("kaperpus", "kepala perpustakaan")):
        found = results(search_page, short)
        assert found and found == results(search_page, written), short
        assert found[0] == "katalog/tugas-pokok/tp-tugas-tambahan.html", (short, found[:3])


def test_printing_every_worksheet_at_once_finds_the_package(search_page):
    """The package page (every worksheet on one page, to print at once) is in the index with its
    own words (it was left out); its forms are not, so it does not stand in for each worksheet.
    The worksheet list, which links to it, may come first."""
    assert "lembar-kerja/paket-lembar-kerja.html" in results(search_page, "cetak semua lembar kerja sekaligus")[:2]
    assert results(search_page, "lembar perencanaan kinerja")[0] != "lembar-kerja/paket-lembar-kerja.html"


def test_the_list_of_editions_is_found_by_what_it_is_for(search_page):
    """A teacher looking for their school's edition finds the list of editions, by its introduction
    (the page was not in the index: it has no handbook article)."""
    for query in ("edisi sekolah npsn", "cari edisi kabupaten kami", "panduan versi sekolah saya"):
        assert results(search_page, query)[0] == "edisi/index.html", query


def test_office_words_and_chat_short_forms_read_as_the_pages_words(search_page):
    """The pages say 'cetak', 'unggah', 'ubah', 'tanpa internet', 'Januari'; teachers type
    'print', 'upload', 'edit', 'offline', 'jan', 'skrg', 'msh'. Each gives the results of the words
    the pages use, and 'baca panduan offline' leads to reading without a connection. A form of address
    ('bu, ...') names no topic."""
    same = [("print lembar kerja", "cetak lembar kerja"), ("upload bukti refleksi", "unggah bukti refleksi"),
            ("edit rencana yg udh disetujui", "ubah rencana yang sudah disetujui"),
            ("lewat tenggat 31 jan", "lewat tenggat 31 januari"), ("skrg msh isi rencana", "isi rencana"),
            ("bu, kalau telat isi rencana", "kalau telat isi rencana"), ("diklat guru", "pelatihan guru")]
    for typed, written in same:
        assert results(search_page, typed) == results(search_page, written) != [], typed
    assert results(search_page, "baca panduan offline")[0] == "index.html"
    # (a workshop's checklist, which says to bring the handbook on a flash disk, may come first)
    assert "index.html" in results(search_page, "panduan offline")[:2]


def test_a_result_links_to_the_item_of_a_list_that_answers(search_page):
    """Twenty-four additional tasks stand in one list, each behaviour indicator lists its
    expectations: the link goes to the task or expectation the query names, and the excerpt shows
    it (it went to the list's heading). Concepts count, not words: 'rencana kinerja' is one. A query
    that names the list itself, or whose concepts no one item holds two of, links to the heading."""
    tasks = "katalog/tugas-pokok/tp-tugas-tambahan.html"
    linked = {"pengurus lsp p1": f"{tasks}#tt-lsp-p1", "kepala bengkel": f"{tasks}#tt-kepala-laboratorium",
              "tugas tambahan kepala laboratorium": f"{tasks}#tt-kepala-laboratorium",
              "mengakui kesalahan dan minta maaf ke rekan": "katalog/perilaku-kerja/kolaboratif.html#kolaboratif-2-3",
              "daftar tugas tambahan": f"{tasks}#daftar-tugas-tambahan",
              # one concept asked, one item holds it: 'wakasek' is 'wakil kepala sekolah'
              "wakasek": f"{tasks}#tt-wakil-kepala", "bkk": f"{tasks}#tt-bursa-kerja-khusus",
              # the only concept an item holds is 'siswa': the link stays at the indicator's heading
              "jaga kerahasiaan data pribadi siswa": "katalog/perilaku-kerja/loyal.html#loyal-3"}
    for query, url in linked.items():
        assert search_page.evaluate(QUERY_JS, query)["urls"][0] == url, query
    query = "kepala bengkel"
    search_page.fill("#cari-q", query)
    search_page.wait_for_function("q => document.getElementById('cari-hasil').dataset.done === q", arg=query)
    first = search_page.locator("#cari-hasil > li").first
    assert first.locator("a").first.get_attribute("href").endswith("#tt-kepala-laboratorium")
    assert "Kepala Laboratorium, Bengkel" in first.inner_text()


def test_a_query_that_also_names_the_list_links_to_its_item(search_page):
    """'tugas tambahan wakasek' names the list (its heading) and one task: the task is where the
    link goes, as for 'wakasek' alone."""
    assert search_page.evaluate(QUERY_JS, "tugas tambahan wakasek")["urls"][0] == \
        "katalog/tugas-pokok/tp-tugas-tambahan.html#tt-wakil-kepala"
