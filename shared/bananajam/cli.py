"""The `bananajam` command: list, render and package assets from the engine.

Errors go to stderr as one line with a non-zero exit status, never as a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bananajam.errors import BananaJamError, FieldError

EXIT_USAGE, EXIT_ERROR = 2, 1


def _parse_params(pairs: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key:
            raise FieldError.single("--param", f"expected key=value, got {pair!r}")
        try:
            out[key] = json.loads(raw)
        except json.JSONDecodeError:
            out[key] = raw  # plain strings (choices) need no quoting
    return {k: v for k, v in out.items()}


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _fmt(path: Path) -> str:
    return "webp" if path.suffix.lower() == ".webp" else "png"


def cmd_list(args: argparse.Namespace) -> None:
    from bananajam.assets import default_registry

    types = default_registry().search(category=args.category)
    if args.json:
        print(json.dumps([t.describe() for t in types], indent=2))
        return
    for t in types:
        size = f"{t.default_width}x{t.default_height}"
        print(f"{t.category:12s} {t.name:28s} {size:>10s}  {t.source:7s} {', '.join(t.tags)}")
    print(f"{len(types)} asset types", file=sys.stderr)


def cmd_generate(args: argparse.Namespace) -> None:
    from bananajam.assets import call_asset

    out = Path(args.output)
    r = call_asset(
        args.name, args.index, args.theme, _parse_params(args.param), args.width, args.height
    )
    _write(out, r.encode(_fmt(out)))  # type: ignore[arg-type]
    print(json.dumps(r.meta.as_dict()), file=sys.stderr)


def cmd_render_spec(args: argparse.Namespace) -> None:
    from bananajam.assets import Registry, call_asset
    from bananajam.assets.dsl.loader import load_spec

    t = load_spec(Path(args.spec))
    out = Path(args.output)
    r = call_asset(
        t.name, args.index, args.theme, width=args.width, height=args.height, registry=Registry([t])
    )
    _write(out, r.encode(_fmt(out)))  # type: ignore[arg-type]


def cmd_render_all(args: argparse.Namespace) -> None:
    from bananajam.assets import call_asset, default_registry, get_theme

    if args.end < args.start:
        raise FieldError.single("--end", "must be >= --start")
    reg = default_registry()
    names = args.names or reg.names()
    for n in names:
        reg.get(n)  # fail fast on a typo, before writing anything
    for th in args.themes or []:
        get_theme(th)
    themes: list[str | None] = list(args.themes) if args.themes else [None]
    count = 0
    for n in names:
        t = reg.get(n)
        if args.categories and t.category not in args.categories:
            continue
        for i in range(args.start, args.end + 1):
            for th in themes:
                suffix = f"_{th}" if th and len(themes) > 1 else ""
                path = Path(args.out) / t.category / f"{t.name}_{i}{suffix}.png"
                _write(path, call_asset(t.name, i, th).encode("png"))
                count += 1
    print(f"wrote {count} images under {args.out}", file=sys.stderr)


def cmd_sheet(args: argparse.Namespace) -> None:
    from bananajam.assets.sheet import contact_sheet

    if not 1 <= args.count <= 256:
        raise FieldError.single("--count", "must be between 1 and 256")
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    contact_sheet(args.name, args.count, args.theme, cell=args.cell, start=args.start).save(out)


def cmd_pack(args: argparse.Namespace) -> None:
    from bananajam.assets import call_asset, default_registry

    if not 1 <= args.count <= 500:
        raise FieldError.single("--count", "must be between 1 and 500")
    reg = default_registry()
    names = [reg.get(n).name for n in args.names]
    manifest = []
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for n in names:
            for i in range(args.start, args.start + args.count):
                r = call_asset(n, i, args.theme)
                fname = f"{r.meta.category}/{n}_{i}.png"
                zf.writestr(zipfile.ZipInfo(fname, (2020, 1, 1, 0, 0, 0)), r.encode("png"))
                manifest.append({**r.meta.as_dict(), "file": fname})
        info = zipfile.ZipInfo("manifest.json", (2020, 1, 1, 0, 0, 0))
        zf.writestr(info, json.dumps({"items": manifest}, indent=2))
    print(f"wrote {len(manifest)} images to {out}", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="bananajam", description=__doc__)
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("list", help="list asset types")
    p.add_argument("--category")
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_list)

    def render_opts(p: argparse.ArgumentParser) -> None:
        p.add_argument("--index", type=int, default=0)
        p.add_argument("--theme")
        p.add_argument("--width", type=int)
        p.add_argument("--height", type=int)
        p.add_argument("-o", "--output", required=True, help="file (.png or .webp)")

    p = sub.add_parser("generate", help="render one asset")
    p.add_argument("name")
    render_opts(p)
    p.add_argument("--param", action="append", default=[], metavar="K=V")
    p.set_defaults(fn=cmd_generate)

    p = sub.add_parser("render-spec", help="render a JSON spec file")
    p.add_argument("spec")
    render_opts(p)
    p.set_defaults(fn=cmd_render_spec)

    p = sub.add_parser("render-all", help="write DIR/<category>/<name>_<index>.png")
    p.add_argument("--start", type=int, default=0)
    p.add_argument("--end", type=int, default=0)
    p.add_argument("--names", nargs="*")
    p.add_argument("--categories", nargs="*")
    p.add_argument("--themes", nargs="*")
    p.add_argument("--out", required=True)
    p.set_defaults(fn=cmd_render_all)

    p = sub.add_parser("sheet", help="contact sheet of variants")
    p.add_argument("name")
    p.add_argument("--theme")
    p.add_argument("--count", type=int, default=16)
    p.add_argument("--start", type=int, default=0)
    p.add_argument("--cell", type=int, default=160)
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(fn=cmd_sheet)

    p = sub.add_parser("pack", help="zip of PNGs plus manifest.json")
    p.add_argument("--names", nargs="+", required=True)
    p.add_argument("--count", type=int, default=8)
    p.add_argument("--start", type=int, default=0)
    p.add_argument("--theme")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(fn=cmd_pack)

    try:
        from bananajam.cli_ops import add_ops_commands
    except ImportError:  # the ops commands ship with the service code
        pass
    else:
        add_ops_commands(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.fn(args)
    except BananaJamError as exc:
        print(f"bananajam: error: {exc.message}", file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, FieldError) else EXIT_ERROR
    except OSError as exc:
        print(f"bananajam: error: {exc.strerror or exc}: {exc.filename or ''}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
