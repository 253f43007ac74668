"""The command line: thin wrappers that call the core and hand results to a renderer.

Heavy modules (rich, jieba, opencc, the parser) are imported inside the commands that need them,
so `planctl --help` starts in a few tens of milliseconds.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

FORMATS = ("text", "markdown", "json", "csv")


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--format, -o and --force: the same three options on every command that prints results."""
    func = click.option("--force", is_flag=True, help="Overwrite the -o file if it exists.")(func)
    func = click.option(
        "-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
        help="Write to this file instead of the terminal (never overwritten without --force).",
    )(func)
    func = click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default=None,
        help="Output format [default: text on a terminal; markdown for a .md -o file, json for .json, "
        "csv for .csv].",
    )(func)
    return func


def resolve_format(fmt: str | None, output: Path | None) -> str:
    if fmt:
        return fmt
    if output is not None:
        suffix = output.suffix.lower()
        return {".md": "markdown", ".markdown": "markdown", ".json": "json", ".csv": "csv"}.get(suffix, "text")
    return "text"


def emit(fmt: str, output: Path | None, force: bool, make_text: Callable[[], str],
         make_renderable: Callable[[], Any] | None = None) -> None:
    """Print a rich renderable on the terminal, or write text (Markdown/JSON/CSV) to stdout or -o."""
    from .output import write_text

    if fmt == "text" and make_renderable is not None and output is None:
        from rich.console import Console

        Console(soft_wrap=False).print(make_renderable())
        return
    write_text(make_text(), output, force)


def warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


class PlanctlGroup(click.Group):
    """Turns planctl's own errors into one line on stderr and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        from .errors import PlanctlError

        try:
            return super().invoke(ctx)
        except PlanctlError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(130)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:  # a bug: say so in one line, show the traceback only with --debug
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(
                f"Error: internal error ({type(exc).__name__}: {exc}); rerun with --debug and report it",
                err=True,
            )
            ctx.exit(1)


@click.group(cls=PlanctlGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="planctl")
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Outline and compare Chinese local five-year plans and government work reports.

    \b
    Examples:
      planctl list
      planctl outline plan.txt --topics --depth 2
      planctl compare 兴隆台 沙河口 --theme 营商环境
      planctl compare 兴隆台 沙河口 海城 --format markdown -o report.md
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--topics", is_flag=True, help="Show each section's topic phrases.")
@click.option("--depth", type=click.IntRange(min=1), help="Show headings down to this level only.")
@output_options
def outline(file: Path, topics: bool, depth: int | None, fmt: str | None, output: Path | None,
            force: bool) -> None:
    """Print the outline of one plan or report: headings, sizes, topics, tables.

    \b
    Example:
      planctl outline plan.txt --topics --depth 2
      planctl outline plan.txt --format json -o plan.json
    """
    from .documents import load_document
    from .output import check_target
    from .render import outline as render

    fmt = resolve_format(fmt, output)
    check_target(output, force)
    doc = load_document(file)
    for w in doc.warnings:
        warn(f"{file}:{w.line}: {w.message}" if w.line else f"{file}: {w.message}")
    def as_text() -> str:
        if fmt == "json":
            return render.outline_json(doc, depth)
        if fmt == "csv":
            return render.outline_csv(doc, depth)
        return render.outline_markdown(doc, depth, topics)

    emit(fmt, output, force, as_text, lambda: render.outline_tree(doc, depth, topics))


def main() -> None:
    cli(prog_name="planctl")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
