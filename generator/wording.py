"""Small helpers for Indonesian page text: number words ("lima tugas pokok"), lists ("1–3",
"a, b, dan c") and sentence case."""

from __future__ import annotations

_ONES = ("nol satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas").split()


def words(n: int) -> str:
    """The number in Indonesian words: 5 -> 'lima', 24 -> 'dua puluh empat', 112 -> 'seratus dua belas'."""
    if n < 0:
        return "minus " + words(-n)
    if n < 12:
        return _ONES[n]
    if n < 20:
        return f"{_ONES[n - 10]} belas"
    for size, name, one in ((1_000_000, " juta", "satu juta"), (1000, " ribu", "seribu"),
                            (100, " ratus", "seratus"), (10, " puluh", None)):
        if n >= size:
            head, rest = divmod(n, size)
            text = one if head == 1 and one else words(head) + name
            return text + (" " + words(rest) if rest else "")
    raise AssertionError(n)


def number(n: int) -> str:
    """A count as page text: in words up to twelve, in digits above ('delapan', '24')."""
    return words(n) if 0 <= n <= 12 else str(n)


def sentence(name: str) -> str:
    """A title-case name in sentence case, for use inside text: 'Kepala Sekolah' -> 'Kepala sekolah'.
    Words in capitals (acronyms such as BerAKHLAK, TIRTA) are kept."""
    words_ = name.split(" ")
    return " ".join([words_[0]] + [w if sum(c.isupper() for c in w) > 1 else w.lower() for w in words_[1:]])


def number_list(numbers: list[int]) -> str:
    """'1–3' for a run of three or more, else '1 dan 2', '1, 3, dan 5'."""
    numbers = [int(n) for n in numbers]
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
        return f"{numbers[0]}–{numbers[-1]}"
    return join_and([str(n) for n in numbers])


def join_and(names: list[str]) -> str:
    """'a', 'a dan b', 'a, b, dan c'."""
    if len(names) > 2:
        return ", ".join(names[:-1]) + ", dan " + names[-1]
    return " dan ".join(names)
