"""Command line: `handbook build | check | serve | new`. Problems are printed as `file:line: message`.

Exit codes: 0 success, 1 invalid input or failed build, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from generator.errors import HandbookError


# argparse's own messages (usage line, wrong choices, unknown arguments ...) in Indonesian. argparse
# looks them up through its module-level gettext function; messages not listed stay as they are.
_ARGPARSE_MESSAGES = {
    "usage: ": "Pemakaian: ",
    "options": "opsi",
    "positional arguments": "argumen",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan %(value)r tidak dikenal (yang ada: %(choices)s)",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "one of the arguments %s is required": "salah satu argumen ini wajib diisi: %s",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "expected one argument": "memerlukan satu nilai",
    "expected at least one argument": "memerlukan paling sedikit satu nilai",
    "expected at most one argument": "memerlukan paling banyak satu nilai",
    "invalid %(type)s value: %(value)r": "nilai %(value)r tidak sah",
    "not allowed with argument %s": "tidak boleh dipakai bersama argumen %s",
    "ambiguous option: %(option)s could match %(matches)s": "opsi %(option)s kurang jelas: bisa berarti %(matches)s",
    "ignored explicit argument %r": "nilai %r diabaikan: opsi ini tidak memerlukan nilai",
    "unexpected option string: %s": "opsi tidak terduga: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
}
argparse._ = lambda message: _ARGPARSE_MESSAGES.get(message, message)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "perintah"
        self._optionals.title = "opsi"
        self.add_argument("-h", "--help", action="help", help=argparse._("show this help message and exit"))

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: perintah tidak dapat dipahami ({message}).\n"
                     f"Lihat '{self.prog} --help'.\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="handbook", description=(
        "Membangun situs panduan Pengelolaan Kinerja Guru dari katalog (catalog/*.yml),"
        " panduan (content/*.md), dan site_config.yml."))
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="folder proyek (bawaan: folder saat ini)")
    parser.add_argument("--debug", action="store_true",
                        help="tampilkan rincian teknis bila terjadi galat internal")
    commands = parser.add_subparsers(dest="command", metavar="PERINTAH", parser_class=_Parser)
    build = commands.add_parser(
        "build", help="bangun situs statis (bawaan: panduan umum ke folder site/)",
        description="Bangun situs statis: panduan umum di site/, setiap edisi di site/edisi/<id>/"
                    " (hanya halaman yang berbeda dari panduan umum), dan daftar edisi di"
                    " site/edisi/index.html. Edisi yang tidak berubah tidak ditulis ulang.")
    build.add_argument("--out", type=Path, default=None,
                       help="folder keluaran (bawaan: site/ di folder proyek)")
    build.add_argument("--edition", action="append", metavar="ID", default=[],
                       help="tambahkan atau perbarui edisi ini (boleh diulang); edisi lain di folder"
                            " keluaran tetap ada")
    build.add_argument("--all", action="store_true", help="bangun semua edisi di site_config.yml")
    build.add_argument("--shard", metavar="K/N", type=_shard,
                       help="bangun potongan ke-K dari N potongan daftar edisi (untuk CI paralel);"
                            " gabungkan hasilnya dengan 'handbook join'")
    build.add_argument("--zip", dest="zips", action="store_true",
                       help="buat juga paket zip per edisi di site/unduh/ untuk dibuka tanpa internet")
    build.add_argument("--pdf", dest="pdf", action="store_true", default=None,
                       help="harus membuat PDF lembar kerja (gagal bila Chromium tidak ada); tanpa opsi"
                            " ini PDF dilewati bila Chromium tidak ada")
    build.add_argument("--no-pdf", dest="pdf", action="store_false",
                       help="jangan buat PDF lembar kerja (tidak memerlukan Chromium)")
    build.add_argument("--jobs", type=_whole_number, default=None, metavar="N", help=argparse.SUPPRESS)
    join = commands.add_parser(
        "join", help="gabungkan hasil beberapa --shard menjadi satu situs",
        description="Gabungkan folder hasil 'build --shard K/N' menjadi satu situs dengan satu"
                    " daftar edisi. Semua potongan harus dibangun dari proyek yang sama.")
    join.add_argument("parts", nargs="+", type=Path, metavar="FOLDER",
                      help="folder hasil setiap potongan")
    join.add_argument("--out", type=Path, default=None,
                      help="folder keluaran (bawaan: site/ di folder proyek)")
    commands.add_parser("check", help="periksa katalog, panduan, dan konfigurasi tanpa membangun",
                        description="Periksa semua masukan dan laporkan setiap masalah.")
    serve = commands.add_parser("serve", help="pratinjau langsung di peramban; halaman dimuat ulang"
                                              " saat katalog, panduan, atau tema diubah",
                                description="Pratinjau langsung dengan muat ulang otomatis.")
    serve.add_argument("--port", type=_whole_number, default=8000, help="nomor port (bawaan: 8000)")
    serve.add_argument("--host", default="127.0.0.1", help="alamat (bawaan: 127.0.0.1)")
    serve.add_argument("--edition", metavar="ID", default="nasional",
                       help="edisi yang dipratinjau (bawaan: nasional)")
    new = commands.add_parser("new", help="buat proyek panduan daerah baru yang memakai panduan nasional",
                              description="Buat proyek daerah: site_config.yml, contoh daftar sekolah,"
                                          " folder halaman daerah, README, dan alur terbit GitHub Pages.")
    new.add_argument("folder", type=Path, metavar="FOLDER", help="folder proyek baru (baru atau kosong)")
    new.add_argument("--wilayah", default="Kabupaten Contoh", help="nama wilayah (bawaan: Kabupaten Contoh)")
    return parser


def _whole_number(value: str) -> int:
    if value.isdigit() and int(value) > 0:
        return int(value)
    raise argparse.ArgumentTypeError(f"'{value}' bukan bilangan bulat positif")


def _shard(value: str) -> str:
    parts = value.split("/")
    if len(parts) == 2 and all(p.isdigit() for p in parts) and 1 <= int(parts[0]) <= int(parts[1]):
        return value
    raise argparse.ArgumentTypeError(f"'{value}' bukan potongan yang sah; tulis K/N, misalnya 2/5")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    root = args.root.resolve()
    try:
        return {"build": _build, "check": _check, "serve": _serve, "join": _join,
                "new": _new}[args.command](args, root)
    except HandbookError as e:
        _report(e)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # noqa: BLE001 - the one place that turns any failure into a message
        if args.debug:
            traceback.print_exc()
        print(f"Galat internal: {type(e).__name__}: {e}", file=sys.stderr)
        if not args.debug:
            print("Jalankan ulang dengan --debug untuk rinciannya, lalu laporkan ke pengembang.",
                  file=sys.stderr)
        return 1


def _report(error: HandbookError) -> None:
    for problem in error.problems:
        print(problem, file=sys.stderr)
    count = len(error.problems)
    print(f"{count} masalah ditemukan. Perbaiki lalu jalankan ulang; hasil build sebelumnya"
          " tidak diubah.", file=sys.stderr)


def _build(args, root: Path) -> int:
    from generator.build import build

    from generator.pdf import PDF_SKIPPED, find_chromium

    out = _out(args, root)
    if args.pdf is None:  # PDFs where Chromium is there; a missing one never fails the build
        args.pdf = find_chromium() is not None
        if not args.pdf:
            print(PDF_SKIPPED, file=sys.stderr)
    several = bool(args.edition or args.all or args.shard)
    print("Membangun panduan dan edisi…" if several else "Membangun panduan…", file=sys.stderr)
    result = build(root, out, args.edition, every=args.all, shard=args.shard, pdf=args.pdf,
                   zips=args.zips, progress=_Progress() if several else None)
    _report_pdf(result)
    editions = f" dan {len(result.editions)} edisi" if result.editions else ""
    print(f"Selesai: {result.pages} halaman{editions} dalam {result.seconds:.1f} detik."
          f" Buka {result.out_dir / 'index.html'} di peramban.", file=sys.stderr)
    if result.editions:
        print(f"Daftar edisi: {result.out_dir / 'edisi' / 'index.html'}", file=sys.stderr)
    return 0


def _join(args, root: Path) -> int:
    from generator.build import join_outputs

    result = join_outputs(root, [p if p.is_absolute() else Path.cwd() / p for p in args.parts], _out(args, root))
    print(f"Selesai: {len(args.parts)} potongan digabung, {len(result.editions)} edisi."
          f" Daftar edisi: {result.out_dir / 'edisi' / 'index.html'}", file=sys.stderr)
    return 0


def _out(args, root: Path) -> Path:
    out = args.out if args.out is not None else root / "site"
    return out if out.is_absolute() else Path.cwd() / out


class _Progress:
    """'Edisi N dari M, sisa sekitar T' on one terminal line; silent when stderr is not a terminal."""

    def __init__(self):
        import time

        self.clock, self.started, self.shown = time.perf_counter, time.perf_counter(), 0.0
        self.live = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if not self.live or (now - self.shown < 0.2 and done < total):
            return
        self.shown = now
        left = (now - self.started) / done * (total - done)
        tail = f", sisa sekitar {left:.0f} detik" if done < total else ""
        end = "\n" if done == total else ""
        print(f"\rEdisi {done} dari {total}{tail}   ", end=end, file=sys.stderr, flush=True)


def _report_pdf(result) -> None:
    if result.pdf_printed or result.pdf_reused:
        print(f"PDF lembar kerja: {result.pdf_printed} dicetak, {result.pdf_reused} dipakai ulang"
              f" (cetak {result.pdf_seconds:.1f} detik).", file=sys.stderr)


def _check(args, root: Path) -> int:
    from generator.build import load_project
    from generator.guides import year_hint
    from generator.site_config import hints

    project = load_project(root)
    items = len(project.catalog.items)
    editions = len(project.config.editions)
    print(f"Tidak ada masalah: {items} butir katalog, {len(project.guides)} panduan, dan"
          f" {editions} edisi daerah/sekolah diperiksa.", file=sys.stderr)
    year = project.catalog.manifest.year
    stale = year_hint(project.guides, year)
    left_out = project.questions.stale
    asked = (f"{len(left_out)} pertanyaan pembaca menyebut butir yang tidak ada di katalog {year} (misalnya"
             f" {left_out[0]}), sehingga tidak dipakai pencarian; perbarui atau hapus pertanyaan itu, lalu ubah"
             f" 'tahun' menjadi {year}") if left_out else None
    for hint in [*hints(project.config), *([stale] if stale else []), *([asked] if asked else [])]:
        print(f"Petunjuk: {hint}", file=sys.stderr)
    return 0


def _new(args, root: Path) -> int:
    from generator.new_project import create_project

    create_project(args.folder, args.wilayah)
    print(f"Proyek baru dibuat di {args.folder}. Baca README.md di sana, lalu jalankan"
          f" 'handbook --root {args.folder} check'.", file=sys.stderr)
    return 0


def _serve(args, root: Path) -> int:
    from generator.preview import serve

    return serve(root, args.edition, args.host, args.port, _report)
