"""The catalogue is complete: every count from the 2026 source (seed 003, domain.md §1)."""

from collections import Counter

import pytest

from generator.catalog import load_catalog
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT)


def test_tugas_pokok(catalog):
    tasks = catalog.components["tugas-pokok"].children["tugas"]
    assert len(tasks) == 5
    assert [len(t.children.get("pilihan", [])) for t in tasks] == [0, 0, 0, 3, 0]
    assert len(tasks[4].children["tugas_tambahan"]) == 24
    options = [o.nama for o in tasks[3].children["pilihan"]]
    assert "kokurikuler" in options[0] and "ekstrakurikuler" in options[1]
    assert options[2].startswith("Menjadi guru wali (khusus guru mata pelajaran SMP, SMA, SMK")


def test_praktik_kinerja(catalog):
    dimensions = catalog.components["praktik-kinerja"].children["dimensi"]
    assert [len(d.children["indikator"]) for d in dimensions] == [3, 2, 3]
    indicators = catalog.of_kind("indikator-praktik")
    assert len(indicators) == 8
    assert all(i["definisi"].startswith("Praktik pedagogis berupa") for i in indicators)


def test_pengembangan_kompetensi(catalog):
    groups = catalog.components["pengembangan-kompetensi"].children["kelompok"]
    assert [len(g.children["indikator"]) for g in groups] == [3, 3, 3, 3]
    assert len(catalog.of_kind("indikator-kompetensi")) == 12


def test_perilaku_kerja(catalog):
    aspects = catalog.components["perilaku-kerja"].children["aspek"]
    assert [a.nama for a in aspects] == ["Berorientasi Pelayanan", "Akuntabel", "Kompeten",
                                         "Harmonis", "Loyal", "Adaptif", "Kolaboratif"]
    assert all(len(a.children["indikator"]) == 3 for a in aspects)
    per_aspect = [sum(len(i.children["ekspektasi"]) for i in a.children["indikator"]) for a in aspects]
    assert per_aspect == [11, 8, 7, 8, 9, 10, 9]
    assert len(catalog.of_kind("ekspektasi")) == 62


def test_timeline_changes_roles_cycle(catalog):
    stages = {s.id: s for s in catalog.of_kind("tahap")}
    assert stages["perencanaan"]["waktu"] == "Januari"
    assert stages["pelaksanaan"]["waktu"] == "Februari – November"
    assert stages["penilaian"]["waktu"] == "Desember"
    assert len(stages["pelaksanaan"]["langkah"]) == 3
    official_changes = [c for c in catalog.of_kind("perubahan") if c.get("resmi") is not False]
    assert len(official_changes) == 3
    assert {r.id for r in catalog.of_kind("peran")} == {
        "guru", "kepala-sekolah", "pengawas-sekolah", "kepala-dinas"}
    assert [s.id for s in catalog.components["siklus"].children["langkah"]] == [
        "diskusi-persiapan", "observasi", "diskusi-tindak-lanjut", "upaya-tindak-lanjut", "refleksi"]


def test_predikat_matrix(catalog):
    predikat = {i.id: i for i in catalog.of_kind("predikat")}
    assert len(predikat) == 5
    cells = {(c["hasil_kerja"], c["perilaku_kerja"]): c["predikat"]
             for c in catalog.components["predikat"].children["matriks"]}
    assert len(cells) == 9
    assert cells[("di-atas-ekspektasi", "di-atas-ekspektasi")] == "sangat-baik"
    assert cells[("sesuai-ekspektasi", "sesuai-ekspektasi")] == "baik"
    assert cells[("sesuai-ekspektasi", "di-bawah-ekspektasi")] == "kurang"
    assert cells[("di-bawah-ekspektasi", "sesuai-ekspektasi")] == "butuh-perbaikan"
    assert cells[("di-bawah-ekspektasi", "di-bawah-ekspektasi")] == "sangat-kurang"
    assert Counter(cells.values()) == {"baik": 3, "kurang": 2, "butuh-perbaikan": 2,
                                       "sangat-baik": 1, "sangat-kurang": 1}


def test_typos_are_kept_with_a_note(catalog):
    item = catalog.items["tt-koordinator-inklusi"]
    assert item.nama == "Koordinator Pembelajaran Pendidikan Inklusia"
    assert "Inklusif" in item["catatan_teks"]
    assert "memandang, kedudukan" in catalog.items["harmonis-1-1"].nama
    assert catalog.items["harmonis-1-1"].get("catatan_teks")


def test_near_duplicate_loyal_expectations_have_distinct_ids(catalog):
    a, b = catalog.items["loyal-1-2"], catalog.items["loyal-2-3"]
    assert a.nama != b.nama and "transformasi pembelajaran" in a.nama and "transformasi pembelajaran" in b.nama


def test_every_item_has_a_source_parent_and_order(catalog):
    for item in catalog.items.values():
        if item.kind == "sumber":
            continue
        assert item.sumber is not None, item
        if item.kind != "komponen":
            assert item.parent is not None and item.order >= 1, item
    assert catalog.items["tt-koordinator-inklusi"].number == "5.15"
