"""The handbook's search index: built from the finished pages, read by assets/javascripts/cari.js.

One engine everywhere (web server, school LAN, a zip opened from disk): the index is JavaScript
files loaded with <script> tags, which browsers allow from file:// where fetch() is refused.
Nothing is loaded until someone searches: cari/indeks.js holds the page list and the word list;
the weights of the words are split by first letter into cari/istilah-X.js, and the text for the
excerpts sits in small cari/teks-N.js files, both fetched only for the query at hand.

Indonesian: words are reduced to their root by generator.stemmer (the same rules run in the
browser), after root fixes from catalog/glosarium.yml; the glossary's acronyms, synonyms and word
forms are matched as one term, so 'kepsek', 'KS' and 'kepala sekolah' find the same pages (and a
worksheet's code, 'lk 1', names its worksheet).

Ranking: each section of a page (an FAQ question, a glossary entry, a step of a guide), or each
passage of a long one, is scored BM25F-style from its heading, official wording and body, with
the page title (for a catalogue item also its component) counted in every place; the browser
ranks a page by its best place for the whole query (the concepts it covers, whether its title or
heading names the query) and links to its section. Navigation (blocks that are only links) is
left out, and passages that tell an example story count less in the browser.
"""

from __future__ import annotations

import functools
import json
import math
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from generator.errors import Problems, did_you_mean, known_list
from generator.model import Catalog
from generator.placement import GLOSSARY_KIND, SHEET_KIND, glossary_terms, search_kinds
from generator.reader_questions import Question

FOLDER = "cari"
TEXT_CHUNK = 1  # pages per excerpt file (a query loads the files of the results it shows)
# BM25F: where a word stands says how much it counts (the page title, for a catalogue item its
# official name, over headings, over official definitions, over body text), each field with its
# own length normalisation, and term frequency saturating once over all fields.
# A catalogue item's page also counts, in every place, the names of what it sits under (its
# component, as its breadcrumb shows): "tugas pokok melaksanakan pembelajaran" names the item
# 'Pelaksanaan pembelajaran' and where it stands, though the page's own text never says so.
# The words of the reader questions a section answered (generator/reader_questions.py) count
# less than its body: they are how readers put it, not what the page says.
FIELDS = ("title", "heading", "within", "definition", "body", "asked")
FIELD_WEIGHTS = {"title": 10.0, "heading": 3.0, "within": 2.0, "definition": 2.5, "body": 1.0, "asked": 0.5}
FIELD_B = {"title": 0.3, "heading": 0.5, "within": 0.3, "definition": 0.5, "body": 0.75, "asked": 0.3}
K1 = 2.0
# Words of a long section count together only within a passage of about this many words, so a
# story or a long agenda that mentions each word of a query somewhere is not taken as its answer.
PASSAGE = 60
# A passage that names a person the way a story does (Bu Sari, Pak Rahmat) is an example: an
# invented dialogue or school year, which mentions many words of a question in passing. The
# browser lets such places count less (cari.js, STORY).
STORY = re.compile(r"\b(?:Bu|Pak|Ibu|Bapak) [A-Z][a-z]+")
# ... unless the query asks for an example.
EXAMPLE_WORDS = "contoh dialog kisah cerita ilustrasi simulasi"
# Words that carry no meaning in a query, and chat spellings of them.
STOPWORDS = ("yang dan di ke dari untuk dengan pada ini itu atau adalah ada apa apakah bagaimana "
             "kapan siapa mengapa kenapa berapa saya aku kita kami anda dalam akan sudah belum bisa "
             "harus boleh juga jika kalau agar supaya oleh bagi tentang seperti ya tidak bukan "
             "sebagai saat jadi per tiap setiap dll tapi tetapi lagi saja mana sekarang masih kah "
             "arti artinya maksud kepanjangan perlu butuh mau ingin pengen ikut selama lalu kemudian "
             # A question about the difference of two things asks for both, not for the word.
             "beda bedanya "
             # "LK 3 isinya apa" asks what is in it; 'isi' (fill in) stays a word of the topic.
             "isinya "
             # Light verbs: 'dilakukan' is 'is done', whatever is done.
             "dilakukan melakukan lakukan memberi memberikan diberi diberikan "
             # Particles and adverbs of chat that say nothing of the topic.
             "semua semuanya dong sih nih deh kok kan lah pun banget "
             # Forms of address ("bu, kalau ...") name no topic.
             "bu pak bapak ibu "
             # Question words with the particle -kah ('bisakah' would stem to 'bisa').
             "bisakah bolehkah haruskah perlukah dapatkah adakah siapakah kapankah berapakah "
             "bagaimanakah mengapakah wajibkah").split()
STOP = frozenset(STOPWORDS)
INFORMAL = {"ato": "atau", "gmn": "bagaimana", "gimana": "bagaimana", "bgmn": "bagaimana",
            "yg": "yang", "dgn": "dengan", "utk": "untuk", "tdk": "tidak", "gak": "tidak",
            "nggak": "tidak", "ga": "tidak", "gk": "tidak", "dr": "dari", "sy": "saya", "sdh": "sudah",
            "udah": "sudah", "blm": "belum", "krn": "karena", "pd": "pada", "bgt": "sekali",
            "tgl": "tanggal", "brp": "berapa", "tp": "tapi", "hrs": "harus", "jg": "juga", "lg": "lagi",
            "dlm": "dalam", "kalo": "kalau", "klo": "kalau", "blh": "boleh", "bs": "bisa", "aja": "saja",
            "dpt": "dapat", "sm": "sama", "trs": "terus", "buat": "untuk",
            "knp": "kenapa", "kpn": "kapan", "gmna": "bagaimana", "gmana": "bagaimana",
            "ngga": "tidak", "engga": "tidak", "enggak": "tidak", "udh": "sudah", "sj": "saja",
            "aj": "saja", "kl": "kalau", "dmn": "mana", "kpd": "kepada", "sampe": "sampai",
            "thn": "tahun", "bln": "bulan", "tgs": "tugas", "sblm": "sebelum", "stlh": "setelah",
            "ssdh": "sesudah", "abis": "setelah", "hbs": "setelah", "org": "orang", "sklh": "sekolah",
            "kls": "kelas", "mgg": "minggu",
            "jd": "jadi", "dapet": "dapat", "pake": "pakai", "liat": "lihat", "emang": "memang",
            "bikin": "membuat", "cek": "periksa", "ngecek": "memeriksa", "mengecek": "memeriksa",
            "gini": "begini", "gitu": "begitu", "telat": "terlambat",
            "ngasih": "memberi", "kasih": "beri", "bareng": "bersama", "ngobrol": "mengobrol",
            # 'Not' written together with the word it denies.
            "gatau": "tidak tahu", "gatahu": "tidak tahu", "gabisa": "tidak bisa", "gamau": "tidak mau",
            "gaada": "tidak ada", "gapernah": "tidak pernah", "gaboleh": "tidak boleh",
            "gaperlu": "tidak perlu", "gausah": "tidak usah", "tau": "tahu",
            "skrg": "sekarang", "skg": "sekarang", "msh": "masih", "trus": "terus", "jgn": "jangan",
            "sbg": "sebagai", "ttg": "tentang", "mrk": "mereka", "lwt": "lewat", "dtg": "datang",
            "bbrp": "beberapa", "temen": "teman", "bener": "benar", "sempet": "sempat", "pas": "saat",
            "dikasih": "diberi", "ngaruh": "berpengaruh", "kemana": "ke mana", "dimana": "di mana",
            # Months as they are shortened in chat and on forms.
            **dict(zip("jan feb mar apr jun jul agu agt ags sep sept okt nov des".split(),
                       "januari februari maret april juni juli agustus agustus agustus september "
                       "september oktober november desember".split())),
            # Words of computers and offices that the pages say in Indonesian.
            "print": "cetak", "diprint": "dicetak", "ngeprint": "mencetak", "upload": "unggah",
            "diupload": "diunggah", "checklist": "daftar periksa", "ceklis": "daftar periksa",
            "password": "kata sandi", "pasword": "kata sandi", "offline": "tanpa internet",
            "update": "perbarui", "edit": "ubah", "diedit": "diubah", "revisi": "ubah", "direvisi": "diubah",
            "acc": "setuju", "diacc": "disetujui", "submit": "ajukan", "disubmit": "diajukan",
            "diklat": "pelatihan",
            "lab": "laboratorium", "jelek": "buruk", "ngajar": "mengajar", "pr": "pekerjaan rumah",
            "jago": "mahir", "rame": "ramai", "komplain": "keluhan", "komplen": "keluhan", "nyari": "mencari",
            "beda2": "berbeda",  # various, not the 'beda' of a question about a difference
            # Short forms of several words.
            "ortu": "orang tua", "mapel": "mata pelajaran", "bk": "bimbingan konseling",
            "dudi": "dunia kerja", "kbm": "kegiatan belajar mengajar",
            # School short names of the additional tasks (tugas tambahan 5.2 to 5.4).
            "kaprog": "ketua program keahlian", "kakomli": "ketua program keahlian",
            "kabeng": "kepala bengkel", "kalab": "kepala laboratorium", "kaperpus": "kepala perpustakaan",
            # Small numbers are written both ways ("5 langkah", "lima langkah").
            **dict(zip("1 2 3 4 5 6 7 8 9 10".split(),
                       "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh".split()))}
# Question words are a mild prior, never a filter: a page whose title or headings carry one of the
# cue roots gets a small boost when the query asks that kind of question.
PRIORS = {"kapan": "kapan jadwal tenggat linimasa januari februari maret april mei juni juli agustus "
                   "september oktober november desember bulan tahun",
          "siapa": "siapa peran pelaku pihak",
          "berapa": "berapa jumlah predikat angka persen kali",
          "bagaimana": "cara langkah bagaimana contoh"}
PRIOR_WORDS = {"kapan": "kapan", "siapa": "siapa", "berapa": "berapa", "bagaimana": "bagaimana",
               "cara": "bagaimana", "arti": "arti", "artinya": "arti", "maksud": "arti",
               "kepanjangan": "arti", "singkatan": "arti", "apa itu": "arti", "itu apa": "arti",
               "istilah": "arti", "glosarium": "arti", "kamus": "arti",
               # Words for something to print and fill in: the worksheets and card sheets.
               **dict.fromkeys("lk lembar form formulir blangko blanko format template isian instrumen cetak "
                               "print kartu".split(), "lembar")}
# ... a question about what a word means prefers the pages of these kinds, and one for a form to
# print the worksheets and card sheets.
PRIOR_KINDS = {"arti": (GLOSSARY_KIND,), "lembar": (SHEET_KIND,)}
# The kind of question a heading asks, by its question words: an FAQ heading "Berapa indikator ...
# yang harus saya pilih?" answers "indikator praktik kinerja pilih berapa", where a page about the
# indicators only mentions them: the browser lifts it (cari.js, ASKED). Chat spellings reach these
# through INFORMAL ('brp', 'kalo').
ASKS = {"kapan": "kapan", "siapa": "siapa", "berapa": "berapa", "bagaimana": "bagaimana cara",
        "boleh": "boleh bolehkah bisa bisakah dapatkah", "jika": "jika kalau bila apabila",
        "wajib": "wajib harus haruskah perlu perlukah", "mengapa": "mengapa kenapa",
        "mana": "mana", "apakah": "apakah"}
ASK_WORDS = {w: kind for kind, said in ASKS.items() for w in said.split()}
# A yes-no question typed in chat ends in 'ga' or 'gak' ("pppk ikut pkg ga?"): it asks what a
# heading "Apakah ...?" asks (the chat spellings reach 'tidak' through INFORMAL).
ASK_TAIL = {"tidak": "apakah"}
SHARED_HEADING = 3  # pages with the same heading that make it a template's heading (see build_index)
HOME = "index.html"  # the home page: like the glossary, it touches every part briefly (cari.js, HUB)
# (The worksheet packages are indexed: their forms are left out below, their own words say "print
# every worksheet at once".)
SKIP = ("404.html", "cari.html")
# Official wording (definitions, rumusan resmi, pengantar resmi) is printed as a quote admonition:
# an element with both of these classes.
DEFINITION = frozenset({"admonition", "quote"})
# Left out of the index: printable forms and cards repeat the catalogue (the page's own words
# describe it); the rest is page furniture (and a definition box's "Rumusan resmi" label, an
# everyday-words box's note on who wrote it).
LEFT_OUT_CLASSES = frozenset({"ws", "kit", "headerlink", "md-content__button", "hb-halaman-info",
                              "hb-keterangan"})
LEFT_OUT_TAGS = frozenset({"script", "style", "svg"})
BLOCKS = ("h2", "h3", "p", "li", "td", "th", "dt", "dd", "blockquote")


@dataclass
class Doc:
    url: str
    title: str
    kind: str
    roles: list[str]
    within: str = ""  # what the page sits under (generator.render.Page.within)
    sections: list[tuple[str, str, str]] = field(default_factory=list)  # (anchor, heading, text)
    definitions: list[str] = field(default_factory=list)  # official wording, per section
    headings: list[str] = field(default_factory=list)  # anchors of every heading, sections or not
    # the id of every other element (a list item 'tt-wakil-kepala') -> the anchor of its heading
    held: dict[str, str] = field(default_factory=dict)
    # per section, (id, first word, word after the last) of those elements: the excerpt links to
    # the one the query's words stand in (cari.js), not to the heading of a list of twenty-four tasks
    inner: list[list[tuple[str, int, int]]] = field(default_factory=list)


def read_docs(site: Path, roles: dict[str, list[str]], kinds: dict[str, str],
              within: dict[str, str] | None = None) -> list[Doc]:
    """Title and sections of every built page, from its <article> (menus and forms left out);
    the page's kind is what the renderer made it."""
    docs = []
    for path in sorted(site.rglob("*.html")):
        url = path.relative_to(site).as_posix()
        if url in SKIP or url.startswith(f"{FOLDER}/"):
            continue
        html = path.read_text(encoding="utf-8")
        # Parse the article alone: the rest of the page is menus (and most of its bytes).
        start, end = html.find("<article"), html.rfind("</article>")
        if start < 0 or end < 0:
            continue
        title, sections, definitions, headings, held, inner = _read_article(html[start:end + len("</article>")], url)
        kind = kinds.get(url, "panduan")
        docs.append(Doc(url, title, kind, roles.get(url, []), (within or {}).get(url, ""), sections,
                        definitions, headings, held, inner))
    return docs


@functools.lru_cache(maxsize=4096)
def _read_article(html: str, url: str) -> tuple[str, list, list, list, dict, list]:
    """Title, (anchor, heading, text) sections, each section's official wording, the anchors of
    all its headings (one whose section has no text of its own is no section), the heading of
    every other element with an id, and per section the (id, first word, word after the last) of
    those elements, of an article; editions repeat most articles word for word, so each is read once per process.

    Parsed with lxml (libxml2, in C): the index reads every page of every build, and a pure-Python
    parser took longer than the rest of the index. Text is taken as a browser shows it: each run
    of text between tags stripped, runs joined by one space."""
    from lxml import etree

    root = etree.HTML(html)
    article = None if root is None else root.find(".//article")
    if article is None:
        return url, [], [], [], {}, []
    for node in [n for n in article.iterdescendants() if _left_out(n)]:
        _drop(node)
    h1 = next(article.iterdescendants("h1"), None)
    title = _text(h1) if h1 is not None else url
    if h1 is not None:
        _drop(h1)
    sections, definitions, headings, held, inner = [], [], [], {}, []
    anchor, heading, parts, defs, marks, words = "", "", [], [], [], 0
    for node in article.iterdescendants(*BLOCKS):
        if node.tag in ("h2", "h3"):
            headings.append(node.get("id", ""))
            if parts:
                sections.append((anchor, heading, " ".join(parts)))
                definitions.append(" ".join(defs))
                inner.append(marks)
            anchor, heading, parts, defs, marks, words = node.get("id", ""), _text(node), [], [], [], 0
            continue
        if node.get("id"):  # a catalogue item of a list, a cell of a table: a place to link to
            held[node.get("id")] = anchor
            # An item is its list entry when the id is on the entry's first paragraph (the task's
            # name, with its everyday description after it).
            parent = node.getparent()
            item = parent if node.tag == "p" and parent is not None and parent.tag == "li" and parent[0] is node else node
            size = sum(len(_text(n).split()) for n in item.iter(*BLOCKS) if _leaf(n))
            marks.append((node.get("id"), words, words + size))
        # Leaf blocks only, so no text twice; not an empty one, which would put a space before the
        # section's first word and shift the word numbers of the marks (cari.js counts pieces).
        text = _text(node) if _leaf(node) else ""
        if text:
            parts.append(text)
            words += len(text.split())
            if any(_classes(box) >= DEFINITION for box in node.iterancestors()):
                defs.append(text)
    if parts or heading:
        sections.append((anchor, heading, " ".join(parts)))
        definitions.append(" ".join(defs))
        inner.append(marks)
    return title, sections, definitions, headings, held, inner


def _leaf(node) -> bool:
    """A block with text of its own and no block inside it; navigation names other pages, it does
    not answer."""
    return next(node.iterdescendants("p", "li", "td"), None) is None and not _leads_elsewhere(node)


def _classes(node) -> set[str]:
    return set((node.get("class") or "").split())


def _left_out(node) -> bool:
    if not isinstance(node.tag, str):  # a comment
        return False
    classes = _classes(node)
    in_definition = "admonition-title" in classes and any(_classes(a) >= DEFINITION
                                                          for a in node.iterancestors())
    return node.tag in LEFT_OUT_TAGS or bool(classes & LEFT_OUT_CLASSES) or in_definition


def _drop(node) -> None:
    """Take `node` out of the tree, keeping the text after it as a run of its own (an empty
    comment stands in its place)."""
    from lxml import etree

    stand_in = etree.Comment("")
    stand_in.tail = node.tail
    node.getparent().replace(node, stand_in)


def _text(node) -> str:
    return " ".join(run.strip() for run in node.itertext() if run.strip())


def _leads_elsewhere(node) -> bool:
    """A block whose every word is link text (a breadcrumb, a list of related pages) is
    navigation: it names other pages, it does not answer."""
    if next(node.iter("a"), None) is None:
        return False
    own = node.xpath(".//text()[not(ancestor::a)]")
    return not any(c.isalnum() for run in own for c in run)


class Analyzer:
    """Text -> index terms: tokens, chat spellings, root fixes from the glossary, then the stemmer."""

    def __init__(self, catalog: Catalog):
        from generator import stemmer

        self.stemmer = stemmer
        self.roots = {}
        glossary = catalog.components.get("glosarium")
        if glossary is not None:
            for fix in glossary.children.get("akar", []):
                self.roots[fix["kata"].lower()] = fix["akar"].lower()

    def term(self, token: str) -> str:
        token = INFORMAL.get(token, token)
        return self.roots.get(token) or _stem(token)

    def terms(self, text: str) -> list[str]:
        """Index terms of a text, chat spellings written out, stop words left out. A stop word is
        a whole word: 'dalam' is one, 'mendalam' (whose root is 'dalam') is not."""
        words = [w for t in self.stemmer.tokens(text) for w in INFORMAL.get(t, t).split()]
        return [self.roots.get(w) or _stem(w) for w in words if w not in STOP]


@functools.lru_cache(maxsize=65536)
def _stem(token: str) -> str:
    """The stemmer's answer, remembered: the same words recur on every page and edition."""
    from generator.stemmer import stem

    return stem(token)


def _names(entry, analyzer: Analyzer) -> list[tuple[str, str, str]]:
    """A glossary term's names as search reads them, name first: (key, text, stemmed phrase).
    A one-word synonym that the stemmer cut down to a bare root ('pelajar' -> 'ajar') would also
    match every other word on that root ('belajar', 'mengajar'): it is no name here but stays a
    word of its own. Declared word forms (`bentuk`) are meant to share their root."""
    synonyms = [s for s in entry.get("sinonim", []) if len(analyzer.stemmer.tokens(s)) > 1
                or analyzer.terms(s) == analyzer.stemmer.tokens(s)]
    named = [("nama", entry.nama), *(("singkatan", t) for t in entry.get("singkatan", [])),
             *(("sinonim", t) for t in synonyms), *(("bentuk", t) for t in entry.get("bentuk", []))]
    return [(key, str(text), " ".join(analyzer.terms(str(text)))) for key, text in named]


def glossary_groups(catalog: Catalog, analyzer: Analyzer) -> tuple[list[list[str]], dict[str, int]]:
    """Each glossary term's forms (as stemmed phrases), in glossary_terms order, and a map
    phrase -> term number."""
    groups, forms = [], {}
    for entry in glossary_terms(catalog):
        phrases = []
        for _, _, phrase in _names(entry, analyzer):
            if phrase and phrase not in phrases:
                phrases.append(phrase)
        for phrase in phrases:
            forms.setdefault(phrase, len(groups))
        groups.append(phrases)
    return groups, forms


def check_glossary_forms(catalog: Catalog) -> None:
    """Names of glossary terms that search cannot use, which would silently never find their term:
    every word of it is one a query leaves out ('oleh-oleh' is 'oleh' twice), or search reads it
    as a name of an earlier term ('nilai kinerja' and 'penilai kinerja' have the same roots), so a
    query with it finds only that one. (A term whose own names read alike is no problem.)"""
    analyzer, problems, owner = Analyzer(catalog), Problems(), {}
    for entry in glossary_terms(catalog):
        for key, text, phrase in _names(entry, analyzer):
            where = f"istilah '{entry.id}', kunci '{key}': '{text}'"
            if not phrase:
                problems.add(entry.source_of(key), f"{where} tidak dapat dicari, karena semua katanya diabaikan"
                             " oleh pencarian (kata umum seperti 'oleh', 'yang', 'dan'); tulis bentuk lain atau hapus")
            elif owner.setdefault(phrase, (entry.id, text))[0] != entry.id:
                other, as_written = owner[phrase]
                problems.add(entry.source_of(key), f"{where} bagi pencarian sama dengan '{as_written}' dari istilah"
                             f" '{other}' (kata dasarnya sama, atau kata umumnya diabaikan), sehingga pertanyaan"
                             f" yang memuat nama itu hanya menemukan istilah '{other}'; hapus salah satunya atau"
                             " tulis bentuk lain")
    problems.raise_if_any()


def _fields(doc: Doc, analyzer: Analyzer) -> tuple[Counter, list[dict[str, Counter]], list[int], list[int]]:
    """Term counts of the title, and of each place's heading, what the page sits under, official
    wording and body, with the section of each place and the places that tell a story. A place is
    a section, or a passage of a long one (see PASSAGE)."""
    title = Counter(analyzer.terms(doc.title))
    within = Counter(analyzer.terms(doc.within))
    places, of_section, stories = [], [], []
    for number, ((_, heading, text), definition) in enumerate(zip(doc.sections, doc.definitions)):
        head = Counter(analyzer.terms(heading))
        if definition:  # an item's official wording is read whole
            counts = {"heading": head, "within": within, "definition": Counter(analyzer.terms(definition)),
                      "body": Counter(analyzer.terms(text))}
            counts["body"].subtract(counts["definition"])  # the section text includes its official wording
            places.append({**counts, "body": +counts["body"], "asked": Counter()})
            of_section.append(number)
            continue
        for passage in _passages(text) or [""]:
            if STORY.search(passage):
                stories.append(len(places))
            places.append({"heading": head, "within": within, "definition": Counter(),
                           "body": Counter(analyzer.terms(passage)), "asked": Counter()})
            of_section.append(number)
    return title, places, of_section, stories


def _asked_by_headings(doc: Doc, analyzer: Analyzer) -> dict[str, list[int]]:
    """Per kind of question (ASKS), the sections whose heading asks it."""
    asked = defaultdict(list)
    for n, (_, heading, _) in enumerate(doc.sections):
        for kind in sorted({ASK_WORDS[w] for w in analyzer.stemmer.tokens(heading) if w in ASK_WORDS}):
            asked[kind].append(n)
    return dict(asked)


def _add_asked(docs: list[Doc], parsed: list, questions: Sequence[Question], analyzer: Analyzer) -> None:
    """Give every place of the section a reader question names the words of its questions, as far
    as some page uses them; the questions about a page as a whole make a place of their own.
    Raise HandbookError for a section its page does not have, for the project's own questions."""
    used = {t for title, places, _, _ in parsed for t in title} | {
        t for _, places, _, _ in parsed for place in places for counts in place.values() for t in counts}
    number = {d.url: n for n, d in enumerate(docs)}
    bags: dict[tuple[int, int], Counter] = defaultdict(Counter)
    problems = Problems()
    for question in questions:
        doc = number.get(question.page)
        if doc is None:  # a page the index leaves out (generator.search.SKIP): nothing to add to
            continue
        anchors, headings = [anchor for anchor, _, _ in docs[doc].sections], docs[doc].headings
        # An anchor inside a section (a catalogue item of a list, by its id) names that section.
        anchor = docs[doc].held.get(question.anchor, question.anchor) if question.anchor not in headings else question.anchor
        if anchor and anchor not in headings:
            if question.own:
                problems.add(question.source, f"halaman '{question.page}' tidak punya bagian '#{question.anchor}'"
                                              f"{did_you_mean(question.anchor, headings)} (bagian halaman itu:"
                                              f" {known_list(a for a in headings if a)})")
            continue
        # A heading with no text of its own (only a table of links, or subheadings) is no section:
        # a question about it is one about the page.
        section = anchors.index(anchor) if anchor and anchor in anchors else -1
        bags[doc, section].update(set(analyzer.terms(question.text)) & used)  # each question once
    problems.raise_if_any()
    for (doc, section), bag in bags.items():
        _, places, of_section, _ = parsed[doc]
        if section < 0:
            # A question about the page as a whole is a place of its own with the page's title,
            # linked to the page and no section: given to every section, its words doubled the
            # index; given to the first, they drew the page's other questions to it.
            places.append({"heading": Counter(), "within": Counter(), "definition": Counter(),
                           "body": Counter(), "asked": bag})
            of_section.append(-1)
            continue
        for place, counts in enumerate(places):
            if of_section[place] == section:
                counts["asked"] = counts["asked"] + bag


def _passages(text: str) -> list[str]:
    """A section's text in runs of whole sentences of at most PASSAGE words (a longer sentence,
    or a list without full stops, is cut every PASSAGE words)."""
    pieces = []
    for sentence in re.split(r"(?<=[.!?;:])\s+", text):
        words = sentence.split()
        pieces += [" ".join(words[i:i + PASSAGE]) for i in range(0, len(words), PASSAGE)]
    passages, size = [], PASSAGE
    for piece in pieces:
        n = len(piece.split())
        if size + n <= PASSAGE:
            passages[-1] += " " + piece
            size += n
        else:
            passages.append(piece)
            size = n
    return passages


def _saturate(tf: float, idf: float) -> int:
    return round(100 * idf * tf * (K1 + 1) / (tf + K1))


def build_index(site: Path, catalog: Catalog, roles: dict[str, list[str]],
                kinds: dict[str, str], labels: dict[str, str] | None = None,
                homes: dict[str, str] | None = None, within: dict[str, str] | None = None,
                names: dict[str, tuple[str, ...]] | None = None, questions: Sequence[Question] = ()) -> dict:
    """Write cari/indeks.js and cari/teks-N.js into a built site; return sizes for reports.
    `labels`: every page kind's name in the filter (default: the catalogue's); `homes`: glossary
    term id -> the page that explains it in full (its `selengkapnya`, as rendered); `within`: page ->
    the names of what it sits under, `names`: page -> other names it is searched by (a worksheet's
    code; generator.render.Page); `questions`: the reader questions (generator.reader_questions)."""
    analyzer = Analyzer(catalog)
    docs = read_docs(site, roles, kinds, within)
    parsed = [_fields(doc, analyzer) for doc in docs]
    _add_asked(docs, parsed, questions, analyzer)
    # Sections are the unit of ranking (an FAQ question, a glossary entry, a step of a guide):
    # a page is as good as its best section, so long pages do not win by mentioning everything
    # somewhere. The page title counts in each of its sections.
    every = [place for _, places, _, _ in parsed for place in places]
    # Average lengths over the places that have the field: few have official wording, and one
    # that has it should not read as many times too long.
    average = {f: max(1.0, statistics.mean([sum(c[f].values()) for c in every if c[f]] or [1]))
               for f in FIELDS[1:]}
    average["title"] = max(1.0, sum(sum(t.values()) for t, _, _, _ in parsed) / max(1, len(parsed)))
    frequency = Counter(term for title, places, _, _ in parsed
                        for term in set(title).union(*(set().union(*c.values()) for c in places)))

    # Computed once per term, not once per posting.
    idf = {term: math.log(1 + (len(docs) - n + 0.5) / (n + 0.5)) for term, n in frequency.items()}

    def norm(field: str, length: int) -> float:
        return 1 - FIELD_B[field] + FIELD_B[field] * length / average[field]

    # Postings: [page, place, weight, ...]; place -1 is the title, -2 - n marks a word that
    # stands in the heading of place n.
    postings: dict[str, list] = defaultdict(list)
    title_mass = []  # per page, the weight of its whole title: how much of it a query names
    for number, (title, sections, _, _) in enumerate(parsed):
        length = norm("title", sum(title.values()))
        title_mass.append(0)
        for term, tf in title.items():
            weight = _saturate(FIELD_WEIGHTS["title"] * tf / length, idf[term])
            postings[term] += [number, -1, weight]
            title_mass[-1] += weight
        for place, counts in enumerate(sections):
            norms = {f: norm(f, sum(c.values())) for f, c in counts.items()}
            for term in set().union(*counts.values()):
                # Fields without the term add nothing (+0.0), so they are left out of the sum.
                tf = sum(FIELD_WEIGHTS[f] * c[term] / norms[f] for f, c in counts.items() if term in c)
                postings[term] += [number, -2 - place if term in counts["heading"] else place,
                                   _saturate(tf, idf[term])]
    number = {d.url: n for n, d in enumerate(docs)}
    groups, forms = glossary_groups(catalog, analyzer)
    # Per group, the page that explains it in full, or -1: a glossary term's `selengkapnya` ...
    group_homes = [number.get((homes or {}).get(t.id), -1) for t in glossary_terms(catalog)]
    # ... and a page's other names, such as a worksheet's code ('lk 1', 'LK1' for LK-1).
    for url, other_names in sorted((names or {}).items()):
        phrases = {" ".join(analyzer.terms(v)) for name in other_names for v in (name, name.replace("-", ""))} - {""}
        if url not in number or not phrases:
            continue
        for phrase in sorted(phrases):
            forms.setdefault(phrase, len(groups))
        groups.append(sorted(phrases))
        group_homes.append(number[url])
    priors = {}
    # What each page's title and headings say, as terms and as written: a question word is a stop
    # word, left out of the terms, but a heading "Kapan dalam setahun" or "Siapa" says what the
    # section answers.
    named = []
    for (title, places, _, _), d in zip(parsed, docs):
        words = analyzer.stemmer.tokens(" ".join([d.title, *(h for _, h, _ in d.sections)]))
        named.append(set(words) | set(title).union(*(c["heading"] for c in places)))
    # Hubs touch every part briefly (the glossary's entries, the home page's summaries): the
    # browser weighs them down unless a heading names the query, and question words never lift them.
    hubs = [n for n, d in enumerate(docs) if d.kind == GLOSSARY_KIND or d.url == HOME]
    for question, cues in PRIORS.items():
        words = analyzer.stemmer.tokens(cues)
        cue = set(words) | {analyzer.term(t) for t in words}
        priors[question] = [n for n, says in enumerate(named) if n not in hubs and cue & says]
    for question, wanted in PRIOR_KINDS.items():
        # an extra audience's worksheets too (kind '<section>/lembar')
        priors[question] = [n for n, doc in enumerate(docs) if doc.kind.rpartition("/")[2] in wanted]
    # Postings are split by the first letter of the term, so a query loads only the shards of
    # its words and the index stays light as an edition grows; the word list stays whole for
    # typo matching.
    shards: dict[str, dict] = defaultdict(dict)
    for term, posting in sorted(postings.items()):
        shards[shard_of(term)][term] = posting
    # A heading that many pages share ("Tujuan", "Langkah-langkah" in every step guide) is the
    # shape of a template, not a topic: it does not name a query the way a page's own heading does.
    # Counted once per page title: an audience section's copy of a page is the same page.
    shared = Counter(h for _, h in {(d.title, _heading_key(heading)) for d in docs
                                    for _, heading, _ in d.sections if heading})
    index = {
        "v": 8, "chunk": TEXT_CHUNK, "kinds": labels or search_kinds(catalog),
        # Per page: address, title, kind, roles, title weight, the section of each place, the
        # weight of each section's heading (how much of it a query names), its story places, and
        # its sections whose heading is shared by many pages, and per kind of question (ASKS) the
        # sections whose heading asks it.
        "docs": [[d.url, d.title, d.kind, d.roles, mass, of_section,
                  [round(100 * sum(idf[t] for t in set(analyzer.terms(heading)))) for _, heading, _ in d.sections],
                  stories,
                  [n for n, (_, heading, _) in enumerate(d.sections) if shared[_heading_key(heading)] >= SHARED_HEADING],
                  _asked_by_headings(d, analyzer)]
                 for d, mass, (_, _, of_section, stories) in zip(docs, title_mass, parsed)],
        "vocabulary": sorted(postings), "shards": sorted(shards),
        "groups": groups, "forms": forms, "roots": analyzer.roots,
        "example": sorted({analyzer.term(t) for t in analyzer.stemmer.tokens(EXAMPLE_WORDS)}),
        "stop": STOPWORDS, "informal": INFORMAL, "priors": priors, "questions": PRIOR_WORDS, "asks": ASK_WORDS,
        "asksLast": ASK_TAIL,
        "hubs": hubs,
        "homes": group_homes,  # per group (as in groups), the page it leads to, or -1
    }
    out = site / FOLDER
    out.mkdir(exist_ok=True)
    sizes = {"indeks.js": _write_js(out / "indeks.js", "HandbookIndex", index)}
    for key, terms in shards.items():
        sizes[f"istilah-{key}.js"] = _write_js(out / f"istilah-{key}.js", f"HandbookTerms_{key}", terms)
    for start in range(0, len(docs), TEXT_CHUNK):
        chunk = [[[*s, marks] if marks else list(s) for s, marks in zip(doc.sections, doc.inner)]
                 for doc in docs[start:start + TEXT_CHUNK]]
        name = f"teks-{start // TEXT_CHUNK}.js"
        sizes[name] = _write_js(out / name, f"HandbookText{start // TEXT_CHUNK}", chunk)
    return sizes


def _heading_key(heading: str) -> str:
    return " ".join(heading.lower().split())


def shard_of(term: str) -> str:
    """The postings file a term lives in: its first letter or digit."""
    return term[0] if term[:1].isalnum() else "_"


def _write_js(path: Path, name: str, value) -> int:
    text = f"window.{name}={json.dumps(value, ensure_ascii=False, separators=(',', ':'))};\n"
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))
