"""The handbook's search index: built from the finished pages, read by assets/javascripts/cari.js.

One engine everywhere (web server, school LAN, a zip opened from disk): the index is JavaScript
files loaded with <script> tags, which browsers allow from file:// where fetch() is refused.
Nothing is loaded until someone searches: cari/indeks.js holds the page list and the word list;
the weights of the words are split by first letter into cari/istilah-X.js, and the text for the
excerpts sits in small cari/teks-N.js files, both fetched only for the query at hand.

Indonesian: words are reduced to their root by generator.stemmer (the same rules run in the
browser), after root fixes from catalog/glosarium.yml; the glossary's acronyms, synonyms and word
forms are matched as one term, so 'kepsek', 'KS' and 'kepala sekolah' find the same pages.
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from generator.model import Catalog

FOLDER = "cari"
TEXT_CHUNK = 4  # pages per excerpt file (a query loads the files of the results it shows)
FIELD_WEIGHTS = {"title": 4, "heading": 2, "body": 1}
K1, B = 1.2, 0.75
# Words that carry no meaning in a query, and chat spellings of them.
STOPWORDS = ("yang dan di ke dari untuk dengan pada ini itu atau adalah ada apa apakah bagaimana "
             "kapan siapa mengapa kenapa berapa saya aku kita kami anda dalam akan sudah belum bisa "
             "harus boleh juga jika kalau agar supaya oleh bagi tentang seperti ya tidak bukan "
             "sebagai saat jadi per tiap setiap dll").split()
INFORMAL = {"ato": "atau", "gmn": "bagaimana", "gimana": "bagaimana", "bgmn": "bagaimana",
            "yg": "yang", "dgn": "dengan", "utk": "untuk", "tdk": "tidak", "gak": "tidak",
            "nggak": "tidak", "ga": "tidak", "dr": "dari", "sy": "saya", "sdh": "sudah",
            "blm": "belum", "krn": "karena", "pd": "pada", "bgt": "sekali", "tgl": "tanggal"}
KINDS = {"tugas": "Tugas pokok", "praktik": "Praktik kinerja", "kompetensi": "Pengembangan kompetensi",
         "perilaku": "Perilaku kerja", "panduan": "Panduan", "lembar": "Lembar kerja"}
SKIP = ("404.html", "cari.html", "lembar-kerja/paket-lembar-kerja.html")


@dataclass
class Doc:
    url: str
    title: str
    kind: str
    roles: list[str]
    sections: list[tuple[str, str, str]] = field(default_factory=list)  # (anchor, heading, text)


def kind_of(url: str) -> str:
    for prefix, kind in (("katalog/tugas-pokok/", "tugas"), ("katalog/praktik-kinerja/", "praktik"),
                         ("katalog/pengembangan-kompetensi/", "kompetensi"),
                         ("katalog/perilaku-kerja/", "perilaku"), ("lembar-kerja/", "lembar"),
                         ("lokakarya/kartu-", "lembar")):
        if url.startswith(prefix):
            return kind
    return "panduan"


def read_docs(site: Path, roles: dict[str, list[str]]) -> list[Doc]:
    """Title and sections of every built page, from its <article> (menus and forms left out)."""
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
        title, sections = _read_article(html[start:end + len("</article>")], url)
        docs.append(Doc(url, title, kind_of(url), roles.get(url, []), sections))
    return docs


@functools.lru_cache(maxsize=4096)
def _read_article(html: str, url: str) -> tuple[str, list]:
    """Title and (anchor, heading, text) sections of an article; editions repeat most articles
    word for word, so each is read once per process."""
    from bs4 import BeautifulSoup

    article = BeautifulSoup(html, "html.parser").article
    if article is None:
        return url, []
    # Printable forms and cards repeat the catalogue; the page's own words describe it.
    for node in article.select(".ws, .kit, .headerlink, .md-content__button, .hb-halaman-info, script, style, svg"):
        node.decompose()
    h1 = article.find("h1")
    title = h1.get_text(" ", strip=True) if h1 else url
    if h1:
        h1.decompose()
    sections = []
    anchor, heading, parts = "", "", []
    for node in article.find_all(["h2", "h3", "p", "li", "td", "th", "dt", "dd", "blockquote"]):
        if node.name in ("h2", "h3"):
            if parts:
                sections.append((anchor, heading, " ".join(parts)))
            anchor, heading, parts = node.get("id", ""), node.get_text(" ", strip=True), []
        elif not node.find(["p", "li", "td"]):  # leaf blocks only, so no text twice
            parts.append(node.get_text(" ", strip=True))
    if parts or heading:
        sections.append((anchor, heading, " ".join(parts)))
    return title, sections


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
        return [self.term(t) for t in self.stemmer.tokens(text)]


@functools.lru_cache(maxsize=65536)
def _stem(token: str) -> str:
    """The stemmer's answer, remembered: the same words recur on every page and edition."""
    from generator.stemmer import stem

    return stem(token)


def glossary_groups(catalog: Catalog, analyzer: Analyzer) -> tuple[list[list[str]], dict[str, int]]:
    """Each glossary term's forms (as stemmed phrases) and a map phrase -> term number."""
    groups, forms = [], {}
    glossary = catalog.components.get("glosarium")
    for entry in glossary.children.get("istilah", []) if glossary else []:
        phrases = []
        for text in [entry.nama, *entry.get("singkatan", []), *entry.get("sinonim", []), *entry.get("bentuk", [])]:
            phrase = " ".join(t for t in analyzer.terms(text) if t not in STOPWORDS)
            if phrase and phrase not in phrases:
                phrases.append(phrase)
        for phrase in phrases:
            forms.setdefault(phrase, len(groups))
        groups.append(phrases)
    return groups, forms


def build_index(site: Path, catalog: Catalog, roles: dict[str, list[str]]) -> dict:
    """Write cari/indeks.js and cari/teks-N.js into a built site; return sizes for reports."""
    analyzer = Analyzer(catalog)
    docs = read_docs(site, roles)
    counts: list[Counter] = []
    for doc in docs:
        counter = Counter()
        for term in analyzer.terms(doc.title):
            counter[term] += FIELD_WEIGHTS["title"]
        for _, heading, text in doc.sections:
            for term in analyzer.terms(heading):
                counter[term] += FIELD_WEIGHTS["heading"]
            for term in analyzer.terms(text):
                counter[term] += FIELD_WEIGHTS["body"]
        for stop in STOPWORDS:
            counter.pop(stop, None)
        counts.append(counter)
    lengths = [sum(c.values()) for c in counts]
    average = sum(lengths) / max(1, len(lengths))
    frequency = Counter(term for c in counts for term in c)
    postings: dict[str, list[int]] = defaultdict(list)
    for number, counter in enumerate(counts):
        norm = K1 * (1 - B + B * lengths[number] / average)
        for term, tf in counter.items():
            idf = math.log(1 + (len(docs) - frequency[term] + 0.5) / (frequency[term] + 0.5))
            postings[term] += [number, round(100 * idf * tf * (K1 + 1) / (tf + norm))]
    groups, forms = glossary_groups(catalog, analyzer)
    # Postings are split by the first letter of the term, so a query loads only the shards of
    # its words and the index stays light as an edition grows; the word list stays whole for
    # typo matching.
    shards: dict[str, dict] = defaultdict(dict)
    for term, posting in sorted(postings.items()):
        shards[shard_of(term)][term] = posting
    index = {
        "v": 2, "chunk": TEXT_CHUNK, "kinds": KINDS,
        "docs": [[d.url, d.title, d.kind, d.roles] for d in docs],
        "vocabulary": sorted(postings), "shards": sorted(shards),
        "groups": groups, "forms": forms, "roots": analyzer.roots,
        "stop": STOPWORDS, "informal": INFORMAL,
    }
    out = site / FOLDER
    out.mkdir(exist_ok=True)
    sizes = {"indeks.js": _write_js(out / "indeks.js", "HandbookIndex", index)}
    for key, terms in shards.items():
        sizes[f"istilah-{key}.js"] = _write_js(out / f"istilah-{key}.js", f"HandbookTerms_{key}", terms)
    for start in range(0, len(docs), TEXT_CHUNK):
        chunk = [[list(s) for s in doc.sections] for doc in docs[start:start + TEXT_CHUNK]]
        name = f"teks-{start // TEXT_CHUNK}.js"
        sizes[name] = _write_js(out / name, f"HandbookText{start // TEXT_CHUNK}", chunk)
    return sizes


def shard_of(term: str) -> str:
    """The postings file a term lives in: its first letter or digit."""
    return term[0] if term[:1].isalnum() else "_"


def _write_js(path: Path, name: str, value) -> int:
    text = f"window.{name}={json.dumps(value, ensure_ascii=False, separators=(',', ':'))};\n"
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))
