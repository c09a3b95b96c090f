"""Compiled templates are kept between builds (in the folder a build names) and never answer for
an edited template or for another environment."""

from __future__ import annotations

import jinja2

from generator.caches import TemplateCache, kept_in


def test_compiled_templates_are_read_back_and_compiled_again_when_edited(tmp_path, monkeypatch):
    templates = tmp_path / "templat"
    templates.mkdir()
    (templates / "salam.j2").write_text("Halo {{ nama }}", encoding="utf-8")
    compiled = []
    original = jinja2.Environment.compile

    def compile(self, source, name=None, *args, **kwargs):
        compiled.append(name)
        return original(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", compile)

    def render(namespace: str = "uji") -> str:
        """In a new environment with an empty memory, as in a new process."""
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), bytecode_cache=TemplateCache(namespace))
        return env.get_template("salam.j2").render(nama="Sari")

    cache = tmp_path / "build/cache"
    with kept_in(cache):
        assert render() == "Halo Sari"
        assert compiled == ["salam.j2"]
        assert len(list(cache.glob("jinja-*/uji-*"))) == 1
        assert render() == "Halo Sari"  # read back, not compiled
        assert compiled == ["salam.j2"]
        assert render("lain") == "Halo Sari"  # another environment keeps its own entries
        assert compiled == ["salam.j2"] * 2
        (templates / "salam.j2").write_text("Selamat pagi {{ nama }}", encoding="utf-8")
        assert render() == "Selamat pagi Sari"
        assert compiled == ["salam.j2"] * 3
    entries = sorted(cache.rglob("*"))
    assert render() == "Selamat pagi Sari"  # outside a build nothing is read or written
    assert compiled == ["salam.j2"] * 4
    assert sorted(cache.rglob("*")) == entries
