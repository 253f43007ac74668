"""The command line: thin wrappers that call the core and hand results to a renderer.

Heavy modules (rich, jieba, opencc, the parser) are imported inside the commands that need them,
so `planctl --help` starts in a few tens of milliseconds.
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from . import __version__
from .render import FORMATS  # the renderers' table only; no renderer module is loaded here

SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".csv": "csv", ".html": "html",
                  ".htm": "html"}


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--format, -o and --force: the same three options on every command that prints results."""
    func = click.option("--force", is_flag=True, help="Overwrite the -o file if it exists.")(func)
    func = click.option(
        "-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
        help="Write to this file instead of the terminal (never overwritten without --force).",
    )(func)
    func = click.option(
        "--format", "fmt", type=click.Choice([*FORMATS, "md"]), default=None,
        callback=lambda _ctx, _param, value: "markdown" if value == "md" else value,
        help="Output format (md: markdown) [default: text on a terminal; markdown for a .md -o file, json for .json, "
        "csv for .csv, html for .html (a self-contained report)].",
    )(func)
    return func


def resolve_format(fmt: str | None, output: Path | None) -> str:
    if fmt:
        return fmt
    if output is not None:
        suffix = output.suffix.lower()
        return SUFFIX_FORMATS.get(suffix, "text")
    return "text"


def emit(result: Any, fmt: str, output: Path | None, force: bool) -> None:
    """The one way a command's result leaves planctl: rendered in the format asked, printed on the terminal
    (rich) or written to stdout or -o (Markdown, JSON, CSV, HTML)."""
    from datetime import date

    from .collector import paused
    from .output import write_text
    from .render import Context, render

    if fmt == "text" and output is not None:
        fmt = "markdown"  # a file named without a known suffix gets the readable text format
    root = click.get_current_context().find_root()
    context = Context(
        command=_command_line(["planctl", *(root.obj or {}).get("argv", [])]),
        version=__version__,
        date=date.today().isoformat(),
        width=_console_width().width if fmt == "text" else 100,
    )
    # Rendering makes many objects and no garbage: the collector's passes over them were a third of the time
    # of a 20,000-document listing.
    with paused():
        out = render(result, fmt, context)
    if isinstance(out, str):
        write_text(out, output, force)
        _warn_if_in_corpus(output, (root.obj or {}).get("corpus"))
    else:
        print_renderables(out)


def _warn_if_in_corpus(output: Path | None, corpus: Path | None) -> None:
    """A report written into the corpus folder in a plan's format would be read as a plan by the next command."""
    from .documents import is_plan_name

    if output is None or corpus is None or not is_plan_name(output.name):
        return
    if output.resolve().is_relative_to(corpus.resolve()):
        warn(f"{output} is inside the corpus folder {corpus}: the next command will read it as a plan; "
             "move it out of the folder, or write reports elsewhere")


def _command_line(args: list[str]) -> str:
    """The command as typed, quoted only where a shell needs it (CJK words are left bare, unlike shlex)."""
    import re
    import shlex

    return " ".join(shlex.quote(a) if not a or re.search(r"[\s'\"$`\\|&;<>()*?!#~{}\[\]]", a) else a for a in args)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


class PlanctlGroup(click.Group):
    """Turns planctl's own errors into one line on stderr and exit code 1; keeps the command line as typed."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.ensure_object(dict)
        ctx.obj["argv"] = list(args)  # an HTML report says which command made it
        return super().parse_args(ctx, args)

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
@click.version_option(__version__, package_name="planctl")
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
      planctl targets 海城 --theme 科技创新
      planctl index ~/plans && planctl search 营商环境 --corpus ~/plans
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


@cli.command()
@click.argument("plan", metavar="PLAN")
@click.option("--topics", is_flag=True, help="Show each section's topic phrases.")
@click.option("--depth", type=click.IntRange(min=1), help="Show headings down to this level only.")
@click.option("--corpus", type=click.Path(path_type=Path), envvar="PLANCTL_CORPUS", show_envvar=True,
              help="Folder in which to find a plan named by place or id [default: the bundled sample corpus].")
@output_options
def outline(plan: str, topics: bool, depth: int | None, corpus: Path | None, fmt: str | None,
            output: Path | None, force: bool) -> None:
    """Print the outline of one plan or report: headings, sizes, topics, tables.

    PLAN is a file (read as it is, corpus or not), or a place name or id of the corpus.

    \b
    Example:
      planctl outline plan.txt --topics --depth 2
      planctl outline 兴隆台 --format json -o plan.json
    """
    from .documents import load_document
    from .output import check_target
    from .reports import OutlineReport

    fmt = resolve_format(fmt, output)
    check_target(output, force)
    if Path(plan).exists():
        source, doc = plan, load_document(Path(plan))
    else:
        (entry,) = _resolve_all(_open(corpus), (plan,))
        source, doc = entry.path, entry.doc
    for w in doc.warnings:
        warn(f"{source}:{w.line}: {w.message}" if w.line else f"{source}: {w.message}")
    emit(OutlineReport(doc, depth, topics), fmt, output, force)


def corpus_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--corpus", type=click.Path(path_type=Path), envvar="PLANCTL_CORPUS", show_envvar=True,
        help="Folder of plans (.txt, .md, .html, .pdf, .docx, .doc) [default: the bundled sample corpus].",
    )(func)


def themes_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--themes", "themes_file", type=click.Path(path_type=Path), envvar="PLANCTL_THEMES", show_envvar=True,
        help="Your own theme map (YAML) instead of the bundled config/themes.yaml.",
    )(func)


def indicators_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--indicators", "indicators_file", type=click.Path(path_type=Path), envvar="PLANCTL_INDICATORS",
        show_envvar=True, help="Your own indicator name list (YAML) instead of the bundled config/indicators.yaml.",
    )(func)


def _resolve_all(found: Any, names: tuple[str, ...]) -> list[Any]:
    """The documents named, each once, with a note on stderr where a name matched several."""
    from .corpus import resolve

    entries: list[Any] = []
    for name in names:
        resolved = resolve(found, name)
        if resolved.note:
            click.echo(f"note: {resolved.note}", err=True)
        if any(e.path == resolved.entry.path for e in entries):
            raise click.UsageError(f"“{name}” names {resolved.entry.id}, which is already in the comparison")
        entries.append(resolved.entry)
    return entries


def print_renderables(parts: list[Any] | Any) -> None:
    from rich.console import Console

    console = Console(soft_wrap=False)
    for part in parts if isinstance(parts, list) else [parts]:
        console.print(part)
        if isinstance(parts, list):
            console.print()


def _console_width() -> Any:
    from rich.console import Console

    return Console()


class ProgressBar:
    """A rich progress bar on stderr, shown once there is enough work to wait for; silent when quiet."""

    def __init__(self, label: str, quiet: bool = False, show_from: int = 20, transient: bool = False) -> None:
        self.label, self.quiet, self.show_from, self.transient = label, quiet, show_from, transient
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.quiet or total < self.show_from:
            return
        if self.bar is None and done >= total:
            return  # done before it was worth showing
        if self.bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn, TimeRemainingColumn

            self.bar = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), "eta", TimeRemainingColumn(), console=Console(stderr=True),
                                transient=self.transient)
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        self.bar.update(self.task, completed=done)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def _open(corpus_dir: Path | None, workers: int | None = None, bar: ProgressBar | None = None,
          every_skip: bool = False) -> Any:
    """The corpus, its index brought up to date (with a progress bar on a terminal when many files are new).

    A file that cannot be read is named, with why, by the command that finds it so (and by `index`);
    later commands only count such files, which stay skipped until they change.
    """
    from .corpus import open_corpus

    bar = bar or ProgressBar("parsing", quiet=not sys.stderr.isatty())
    try:
        corpus = open_corpus(corpus_dir, workers=workers, progress=bar)
    finally:
        bar.close()
    click.get_current_context().find_root().ensure_object(dict)["corpus"] = corpus.root
    # Scoring the passages of a corpus seen for the first time takes a while: show it on a terminal.
    corpus.progress = ProgressBar("scoring passages", quiet=not sys.stderr.isatty(), transient=True)
    if corpus.index.notice:
        warn(corpus.index.notice)
    found_now = set(corpus.report.failed)
    known = 0
    for path, why in corpus.skipped:
        if every_skip or os.fspath(path) in found_now:
            warn(f"skipped {path}: {why}")
        else:
            known += 1
    if known:
        one = known == 1
        command = f"planctl index {shlex.quote(os.fspath(corpus.root))}"
        warn(f"{_count(known, 'file')} of this folder could not be read when indexed and {'is' if one else 'are'} "
             f"still skipped; `{command}` lists {'it' if one else 'them'}")
    return corpus


@cli.command(name="list")
@click.argument("words", nargs=-1)
@corpus_option
@output_options
def list_(words: tuple[str, ...], corpus: Path | None, fmt: str | None, output: Path | None, force: bool) -> None:
    """List the documents of the corpus: id, place, level, kind, year, title, size.

    Name a place (province, city or county, in full or short), a year, a word of the title or a kind
    (report, plan) to list only the documents that match every one.

    \b
    Example:
      planctl list
      planctl list 盘锦 2023
      planctl list 广东 report
      planctl list --corpus ~/plans --format csv -o plans.csv
    """
    from .output import check_target
    from .reports import ListReport

    fmt = resolve_format(fmt, output)
    check_target(output, force)
    opened = _open(corpus)
    named = tuple(w.strip() for w in words if w.strip())
    emit(ListReport(opened, named, opened.select(named) if named else None), fmt, output, force)


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path), required=False)
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes [default: one per core].")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary; only skipped files and errors.")
def index(folder: Path | None, jobs: int | None, quiet: bool) -> None:
    """Parse every plan of a folder into the local index, so later commands are instant.

    Only files that are new or changed since the last run are parsed; other commands do this
    too, transparently. Files that cannot be read are reported and skipped.

    \b
    Example:
      planctl index ~/plans
      planctl index ~/plans --quiet && planctl search 营商环境 --corpus ~/plans
    """
    from .index import index_path

    found = _open(folder, jobs, ProgressBar("parsing", quiet, show_from=1), every_skip=True)
    r = found.report
    if quiet:
        return
    speed = f", {r.bytes_parsed / 1e6 / r.seconds:.1f} MB/s" if r.parsed and r.seconds else ""
    click.echo(
        f"{found.root}: {_count(len(found), 'document')} indexed, {len(found.skipped)} skipped; "
        f"this run parsed {r.parsed}, reused {r.reused}, removed {r.removed} in {r.seconds:.2f} s{speed}. "
        f"Index: {index_path()}",
        err=True,
    )


@cli.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--theme", "-t", help="Only sections on this theme (name or alias).")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=20, show_default=True, help="At most this many.")
@corpus_option
@themes_option
@output_options
def search(query: tuple[str, ...], theme: str | None, limit: int, corpus: Path | None, themes_file: Path | None,
           fmt: str | None, output: Path | None, force: bool) -> None:
    """Find the sections of every plan that mention all the words given.

    Words of two or more characters; several words must all occur in a section. Results show
    place, kind, year, the section's path and a snippet, best match first.

    \b
    Example:
      planctl search 营商环境
      planctl search 数字经济 人才 --theme 数字经济 --format markdown -o hits.md
    """
    from .output import check_target
    from .reports import SearchReport
    from .search import query_words
    from .search import search as run_search

    fmt = resolve_format(fmt, output)
    check_target(output, force)
    text = " ".join(query)
    words = query_words(text)  # a bad query is a usage error before any work
    tmap = chosen = None
    if theme:
        from .themes import load_theme_map

        tmap = load_theme_map(themes_file)
        chosen = tmap.require(theme)
    found = _open(corpus)
    emit(SearchReport(text, run_search(found, words, limit, chosen, tmap)), fmt, output, force)


@cli.command()
@click.argument("plan", required=False)
@click.option("--theme", "-t", help="With PLAN: list its passages on this theme (name or alias).")
@click.option("--suggest", "suggest_theme", metavar="THEME",
              help="Words that mark this theme's passages across the corpus and are not in the map yet.")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=30, show_default=True,
              help="With --suggest: at most this many words.")
@click.option("--check", "check_file", type=click.Path(path_type=Path),
              help="Only validate this theme map file and say whether it is valid.")
@corpus_option
@themes_option
@output_options
def themes(plan: str | None, theme: str | None, suggest_theme: str | None, limit: int, check_file: Path | None,
           corpus: Path | None, themes_file: Path | None, fmt: str | None, output: Path | None, force: bool) -> None:
    """List the theme map; or a plan's themes by share of its text; or its passages on one theme.

    A passage (a paragraph, a table row) is on a theme when the theme's terms are what it speaks of,
    or it stands under a heading on the theme; `--theme` lists them with the matched terms marked.
    `--suggest` finds words to add to a theme's keywords, learned from your corpus.

    \b
    Example:
      planctl themes
      planctl themes 海城
      planctl themes 皇姑 --theme 数字经济
      planctl themes --suggest 营商环境 --corpus ~/plans
      planctl themes --check my-themes.yaml
    """
    from .output import check_target
    from .reports import PlanThemesReport, SuggestReport, ThemeMapReport, ThemePassagesReport
    from .themes import load_theme_map

    if check_file is not None:
        if plan or theme or suggest_theme:
            raise click.UsageError("--check takes no PLAN, --theme or --suggest")
        tmap = load_theme_map(check_file)
        click.echo(f"{check_file}: valid, {len(tmap.themes)} themes under {len(tmap.parents)} parent topics")
        return
    if suggest_theme and (plan or theme):
        raise click.UsageError("--suggest learns from the whole corpus: give no PLAN or --theme with it")
    if theme and not plan:
        raise click.UsageError("--theme needs a PLAN, e.g. planctl themes 皇姑 --theme 数字经济")
    fmt = resolve_format(fmt, output)
    check_target(output, force)
    tmap = load_theme_map(themes_file)
    asked = theme or suggest_theme
    chosen = tmap.require(asked) if asked else None
    if suggest_theme and chosen is not None:
        from .suggest import suggest

        found = _open(corpus)
        emit(SuggestReport(suggest(tmap, chosen, found, limit), str(found.root)), fmt, output, force)
        return
    if plan is None:
        emit(ThemeMapReport(tmap), fmt, output, force)
        return
    found = _open(corpus)
    from .compare import prepare_plans
    from .passage_themes import theme_shares

    (prepared,) = prepare_plans(_resolve_all(found, (plan,)), tmap, found)
    if chosen is None:
        emit(PlanThemesReport(prepared, theme_shares(prepared.passages)), fmt, output, force)
    else:
        emit(ThemePassagesReport(prepared, chosen, prepared.passages.on_theme(chosen)), fmt, output, force)


@cli.command()
@click.argument("plan")
@click.option("--theme", "-t", help="Only the targets of this theme (name or alias, e.g. 就业).")
@corpus_option
@themes_option
@indicators_option
@output_options
def targets(plan: str, theme: str | None, corpus: Path | None, themes_file: Path | None,
            indicators_file: Path | None, fmt: str | None, output: Path | None, force: bool) -> None:
    """List the targets of one plan: indicator, value, year, base, growth, binding, where found.

    \b
    Example:
      planctl targets 海城
      planctl targets 兴隆台:2023 --theme 经济运行 --format json
    """
    from .compare import prepare_plans
    from .indicators import load_indicator_map
    from .lineup import plan_targets
    from .output import check_target
    from .reports import TargetsReport
    from .themes import load_theme_map

    fmt = resolve_format(fmt, output)
    check_target(output, force)
    tmap = load_theme_map(themes_file)
    chosen = tmap.require(theme) if theme else None
    imap = load_indicator_map(indicators_file)
    found = _open(corpus)
    (prepared,) = prepare_plans(_resolve_all(found, (plan,)), tmap, found)
    result = plan_targets(prepared, imap, tmap, chosen)
    emit(TargetsReport(result, chosen.name if chosen else None), fmt, output, force)


@cli.command()
@click.argument("plans", nargs=-1, required=True)
@click.option("--theme", "-t", help="Compare this theme side by side (name or alias, e.g. 营商环境).")
@click.option("--targets", "with_targets", is_flag=True,
              help="Line up the plans' targets by indicator instead (with --theme: that theme's only).")
@click.option("--diff", "with_diff", is_flag=True, help="Add a word-level diff of each aligned pair (needs --theme).")
@corpus_option
@themes_option
@indicators_option
@output_options
def compare(plans: tuple[str, ...], theme: str | None, with_targets: bool, with_diff: bool, corpus: Path | None,
            themes_file: Path | None, indicators_file: Path | None, fmt: str | None, output: Path | None,
            force: bool) -> None:
    """Compare plans found by place name, id or file path.

    With --theme: the sections of each plan on that theme, an aligned table of their sub-headings
    and topic phrases, and the terms they share or own. Without: a theme × plan coverage matrix.
    With --targets: one row per indicator, the plans' targets side by side.

    \b
    A name with several documents takes the five-year plan (else the newest); pick another with
    PLACE:YEAR (兴隆台:2023) or the id shown by `planctl list`.

    \b
    Example:
      planctl compare 兴隆台 沙河口 --theme 营商环境
      planctl compare 兴隆台 沙河口 海城 皇姑 --format markdown -o coverage.md
      planctl compare 兴隆台 兴隆台:2023 -t 营商环境 --diff
      planctl compare 海城 兴隆台:2023 沙河口 --targets
    """
    from .compare import compare_theme, coverage, prepare_plans
    from .output import check_target
    from .reports import LineupReport
    from .themes import load_theme_map

    if len(plans) < 2:
        raise click.UsageError("compare needs at least two plans, e.g. planctl compare 兴隆台 沙河口")
    if with_diff and not theme:
        raise click.UsageError("--diff needs --theme: word diffs are made between aligned items of one theme")
    if with_diff and with_targets:
        raise click.UsageError("--diff and --targets do not go together: targets are compared by value")
    fmt = resolve_format(fmt, output)
    check_target(output, force)
    tmap = load_theme_map(themes_file)
    chosen = tmap.require(theme) if theme else None
    if with_targets:
        from .indicators import load_indicator_map

        imap = load_indicator_map(indicators_file)
    found = _open(corpus)
    prepared = prepare_plans(_resolve_all(found, plans), tmap, found)
    if with_targets:
        from .lineup import line_up, plan_targets

        rows = line_up([plan_targets(p, imap, tmap, chosen) for p in prepared])
        emit(LineupReport(prepared, rows, chosen.name if chosen else None), fmt, output, force)
    elif chosen is not None:
        # An HTML report always shows the word-level differences of aligned items.
        emit(compare_theme(found, prepared, chosen, with_diff or fmt == "html"), fmt, output, force)
    else:
        emit(coverage(prepared, tmap), fmt, output, force)


@cli.command()
@click.argument("plans", nargs=-1, required=True)
@click.option("--new", "show_new", is_flag=True,
              help="Also list A's passages found nowhere in B: what this year's report says that last year's did not.")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=10, show_default=True,
              help="With one plan: at most this many documents each way.")
@corpus_option
@output_options
def reuse(plans: tuple[str, ...], show_new: bool, limit: int, corpus: Path | None, fmt: str | None,
          output: Path | None, force: bool) -> None:
    """Find the passages of plan A that repeat plan B, verbatim or nearly; or, given one plan, the documents of
    the corpus it borrows most from and those that borrow most from it.

    Formulas that many documents of the corpus share (习近平新时代中国特色社会主义思想…) are reported apart,
    not as borrowing. The share is of A's text, punctuation left out.

    \b
    Example:
      planctl reuse 兴隆台:2023 兴隆台:2022 --new
      planctl reuse 北京市:2026 中华人民共和国:2026 --corpus ~/plans -o reuse.html
      planctl reuse 海拉尔区:2018 --corpus ~/plans
    """
    from .output import check_target
    from .reports import RelatedReport, ReuseReport
    from .reuse import related, reuse_in_corpus

    if len(plans) > 2:
        raise click.UsageError("reuse takes one plan (its neighbours in the corpus) or two (A and its source B)")
    fmt = resolve_format(fmt, output)
    check_target(output, force)
    found = _open(corpus)
    entries = _resolve_all(found, plans)
    if len(entries) == 1:
        borrows_from, borrowed_by = related(found, entries[0], limit)
        emit(RelatedReport(entries[0], borrows_from, borrowed_by), fmt, output, force)
        return
    result = reuse_in_corpus(found, entries[0], entries[1])
    emit(ReuseReport(result, show_new), fmt, output, force)


@cli.command()
@click.argument("place")
@corpus_option
@indicators_option
@output_options
def track(place: str, corpus: Path | None, indicators_file: Path | None, fmt: str | None, output: Path | None,
          force: bool) -> None:
    """Follow a place's five-year plan through its yearly work reports.

    For each target of the plan, the values the reports give for the same indicator year by year
    (reached, and the goals each report set), and where the latest stands: met, on track or behind.

    \b
    Example:
      planctl track 兴隆台
      planctl track 海拉尔区 --corpus ~/plans -o track.md
    """
    from .indicators import load_indicator_map
    from .output import check_target
    from .track import track as run_track

    fmt = resolve_format(fmt, output)
    check_target(output, force)
    imap = load_indicator_map(indicators_file)
    found = _open(corpus)
    (entry,) = _resolve_all(found, (place,))
    emit(run_track(found, entry, imap), fmt, output, force)


@cli.command()
@click.argument("place")
@click.option("--theme", "-t", help="The theme's share of each year's report.")
@click.option("--indicator", "-i", help="The goal set for each year beside the value reached (e.g. 地区生产总值).")
@corpus_option
@themes_option
@indicators_option
@output_options
def trend(place: str, theme: str | None, indicator: str | None, corpus: Path | None, themes_file: Path | None,
          indicators_file: Path | None, fmt: str | None, output: Path | None, force: bool) -> None:
    """A place's work reports year by year: a theme's share, or an indicator's goals and results.

    \b
    Example:
      planctl trend 海拉尔区 --indicator 地区生产总值 --corpus ~/plans
      planctl trend 河北省 --theme 乡村振兴 --corpus ~/plans -o trend.html
    """
    from .output import check_target

    if bool(theme) == bool(indicator):
        raise click.UsageError("give one of --theme or --indicator, e.g. planctl trend 海拉尔区 -i 地区生产总值")
    fmt = resolve_format(fmt, output)
    check_target(output, force)
    from .track import indicator_trend, theme_trend

    if theme:
        from .themes import load_theme_map

        tmap = load_theme_map(themes_file)
        chosen = tmap.require(theme)
    else:
        from .indicators import load_indicator_map

        imap = load_indicator_map(indicators_file)
    found = _open(corpus)
    (entry,) = _resolve_all(found, (place,))
    result = theme_trend(found, entry, chosen, tmap) if theme else indicator_trend(found, entry, indicator or "", imap)
    emit(result, fmt, output, force)


def main() -> None:
    cli(prog_name="planctl")


if __name__ == "__main__":  # pragma: no cover
    main()
