"""Indonesian number words and lists for page text."""

from generator.wording import join_and, number, number_list, sentence, words


def test_number_words():
    assert [words(n) for n in (0, 1, 5, 10, 11, 12, 15, 20, 24, 62, 100, 112, 1000, 2027)] == [
        "nol", "satu", "lima", "sepuluh", "sebelas", "dua belas", "lima belas", "dua puluh", "dua puluh empat",
        "enam puluh dua", "seratus", "seratus dua belas", "seribu", "dua ribu dua puluh tujuh"]
    assert (number(8), number(12), number(24)) == ("delapan", "dua belas", "24")


def test_lists_and_case():
    assert [number_list(n) for n in ([1, 2, 3], [1, 2], [5], [1, 3, 5], [1, 2, 3, 4])] == [
        "1–3", "1 dan 2", "5", "1, 3, dan 5", "1–4"]
    assert join_and(["a", "b", "c"]) == "a, b, dan c"
    assert sentence("Kepala Sekolah") == "Kepala sekolah" and sentence("Model Coaching TIRTA") == "Model coaching TIRTA"
