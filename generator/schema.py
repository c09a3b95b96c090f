"""The catalogue schema: which file holds which kinds of item, and the fields of each kind.

Every kind has an Indonesian label used in messages and pages. Field types:
  text   non-empty string        texts  list of non-empty strings
  bool   true/false              int    whole number
  ref    id of an item of `ref` kind      refs   list of such ids
  months list of month numbers (1 = January ... 12 = December)
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Field:
    type: str
    required: bool = False
    ref: str | None = None  # kind that a ref/refs field points to


@dataclass(frozen=True)
class Kind:
    name: str  # stable model name, e.g. "indikator-praktik"
    label: str  # Indonesian, for messages and page text
    fields: dict[str, Field] = field(default_factory=dict)
    children: dict[str, Kind] = field(default_factory=dict)  # YAML key -> kind of its list items
    has_id: bool = True


def _item(name, label, extra=None, children=None, has_id=True) -> Kind:
    """A kind with the fields every catalogue item shares, plus `extra`."""
    fields = {
        "nama": Field("text", required=True),
        "sumber": Field("ref", ref="sumber"),
        "catatan": Field("text"),  # a note for readers (our words)
        "catatan_teks": Field("text"),  # a note on the official text itself (typo kept as is)
    }
    if has_id:
        fields["id"] = Field("text", required=True)
    fields.update(extra or {})
    return Kind(name, label, fields, children or {}, has_id)


# What an item looks like at school day to day, in our words and a teacher's words, so a reader
# recognises it and a search in everyday words finds it (never official wording). Only the kinds
# whose pages show it (templates item_<kind>.md.j2 and _notes.md.j2) accept it.
EVERYDAY = {"keseharian": Field("texts")}

COMPONENT = _item("komponen", "komponen", {
    "sumber": Field("ref", required=True, ref="sumber"),
    "pengantar_resmi": Field("text"),
    "ringkasan": Field("text"),
})

SOURCE = Kind("sumber", "sumber", {
    "id": Field("text", required=True),
    "nama": Field("text", required=True),
    "jenis": Field("text"),
    "alamat": Field("text"),
    "catatan": Field("text"),
})

ROLE = _item("peran", "peran", {"ringkasan": Field("text", required=True), "tugas": Field("texts")})

# The forms (bentuk) a catalogue file can have: form -> {top-level key -> kind of its list items};
# "komponen" is a single record. catalog/katalog.yml says which file has which form.
FORMS: dict[str, dict[str, Kind]] = {
    "sumber": {"sumber": SOURCE},
    "peran": {"komponen": COMPONENT, "peran": ROLE},
    "tugas-pokok": {
        "komponen": COMPONENT,
        "tugas": _item("tugas-pokok", "tugas pokok", {
            "label": Field("text", required=True),
            "pengantar_pilihan": Field("text"), **EVERYDAY,
        }, children={
            "pilihan": _item("pilihan-tugas", "pilihan tugas pokok", EVERYDAY),
            "tugas_tambahan": _item("tugas-tambahan", "tugas tambahan", EVERYDAY),
        }),
    },
    "praktik-kinerja": {
        "komponen": COMPONENT,
        "dimensi": _item("dimensi", "dimensi", EVERYDAY, children={
            "indikator": _item("indikator-praktik", "indikator praktik kinerja", {
                "definisi": Field("text", required=True), **EVERYDAY,
            }),
        }),
    },
    "pengembangan-kompetensi": {
        "komponen": COMPONENT,
        "kelompok": _item("kelompok-kompetensi", "kelompok kompetensi", {
            "label_sumber": Field("text", required=True), **EVERYDAY,
        }, children={
            "indikator": _item("indikator-kompetensi", "indikator kompetensi", EVERYDAY),
        }),
    },
    "perilaku-kerja": {
        "komponen": COMPONENT,
        "aspek": _item("aspek", "aspek perilaku kerja", {"ringkasan": Field("text"), **EVERYDAY}, children={
            "indikator": _item("indikator-perilaku", "indikator perilaku", EVERYDAY, children={
                "ekspektasi": _item("ekspektasi", "ekspektasi khusus pimpinan"),
            }),
        }),
    },
    "linimasa": {
        "komponen": COMPONENT,
        "tahap": _item("tahap", "tahap linimasa", {
            "waktu": Field("text", required=True),
            "bulan": Field("months"),  # months in which this is the current stage (home page)
            "resmi": Field("bool"),  # false: our grouping, not an official stage name
            "peran": Field("refs", required=True, ref="peran"),
            "kegiatan": Field("texts", required=True),
            "langkah": Field("texts"),
            "tenggat": Field("text"),
        }),
    },
    "perubahan": {
        "komponen": COMPONENT,
        "perubahan": _item("perubahan", "perubahan aturan", {
            "penjelasan": Field("text", required=True),
            "resmi": Field("bool"),
        }),
    },
    "siklus": {
        "komponen": COMPONENT,
        "langkah": _item("langkah-siklus", "langkah siklus", {
            "ringkasan": Field("text", required=True),
            "peran": Field("refs", required=True, ref="peran"),
        }),
    },
    "tirta": {
        "komponen": COMPONENT,
        "bagian": _item("bagian-tirta", "bagian TIRTA", {
            "huruf": Field("text", required=True),
            "ringkasan": Field("text", required=True),
            "pertanyaan": Field("texts", required=True),
        }),
    },
    "glosarium": {
        "komponen": COMPONENT,
        "istilah": _item("istilah", "istilah glosarium", {
            "arti": Field("text", required=True),
            "singkatan": Field("texts"),  # acronyms and informal forms, e.g. KS, kepsek
            "sinonim": Field("texts"),  # words a teacher may use for the same thing
            "bentuk": Field("texts"),  # other word forms that must find it, e.g. dikelola
            # Where the term is explained in full: a catalogue item's id or a guide's path
            # (generator.placement.glossary_homes); linked from its entry, and search leans to it.
            "selengkapnya": Field("text"),
        }),
        # Root-form fixes for the stemmer, e.g. pengelolaan -> kelola (a rule-based stemmer
        # cannot know every Indonesian root).
        "akar": Kind("akar-kata", "akar kata", {
            "kata": Field("text", required=True),
            "akar": Field("text", required=True),
        }, has_id=False),
    },
    "predikat": {
        "komponen": COMPONENT,
        "rating": _item("rating", "rating"),
        "predikat": _item("predikat", "predikat", {
            "nama_lain": Field("text"),
            "angka_kredit": Field("int", required=True),
        }),
        "matriks": Kind("sel-matriks", "sel matriks predikat", {
            "hasil_kerja": Field("ref", required=True, ref="rating"),
            "perilaku_kerja": Field("ref", required=True, ref="rating"),
            "predikat": Field("ref", required=True, ref="predikat"),
        }, has_id=False),
    },
}
