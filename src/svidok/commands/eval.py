"""``svidok eval``: score the engine on the hand-annotated corpus, the NER model on NER-UK, or the
technique model by cross-validation on the UNLP 2025 posts."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.group(name="eval")
def eval_group() -> None:
    """Measure svidok's quality."""


def _print_table(report: dict) -> None:
    click.echo(f"{'metric':<20}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'pred':>6}{'gold':>6}")
    for name, m in report["metrics"].items():
        click.echo(
            f"{name:<20}{m['precision']:>8.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}"
            f"{m['tp']:>6}{m['predicted']:>6}{m['gold']:>6}"
        )
    sp = report["speaker"]
    click.echo(f"{'speaker.accuracy':<20}{sp['accuracy']:>24.3f}{sp['correct']:>6}{sp['total']:>12}")
    click.echo(f"documents: {report['documents']}")
    _print_languages(report.get("by_language", {}))


LANGUAGE_COLUMNS = ("quotes.overlap", "quotes.exact", "sources.overlap", "entities.exact")


def _print_languages(by_language: dict) -> None:
    """One line per language: F1 of the main metrics and speaker accuracy."""
    if not by_language:
        return
    header = "".join(f"{name:>17}" for name in LANGUAGE_COLUMNS)
    click.echo(f"\nF1 by language{'docs':>6}{header}{'speaker.acc':>13}")
    for language, scores in by_language.items():
        cells = "".join(f"{scores['metrics'][name]['f1']:>17.3f}" for name in LANGUAGE_COLUMNS)
        speaker = scores["speaker"]["accuracy"]
        click.echo(f"{language:<14}{scores['documents']:>6}{cells}{speaker:>13.3f}")


@eval_group.command()
@click.option(
    "--eval-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder with texts/, gold/ and minimums.json (default: the checkout's eval/).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--check", is_flag=True, help="Exit 1 if a score is below its stored minimum.")
@click.option("--update-minimums", is_flag=True, help="Store today's scores (minus a margin) as minimums.")
@click.option(
    "--lang",
    "language",
    default=None,
    help="Score only the documents in this language (uk, ru, ...); not with --check or --update-minimums.",
)
def analysis(
    eval_dir: Path | None, as_json: bool, check: bool, update_minimums: bool, language: str | None
) -> None:
    """Entities, quotes, speakers and sources against eval/gold, overall and per language."""
    from svidok.errors import SvidokError
    from svidok.evaluation import check_minimums, corpus_hash, load_minimums, score_corpus, write_minimums
    from svidok.evaluation.corpus import default_eval_dir

    if language and (check or update_minimums):
        raise click.UsageError("--lang scores part of the corpus; the minimums are for all of it")
    eval_dir = eval_dir or default_eval_dir()
    try:
        report = score_corpus(eval_dir, language=language).to_dict()
    except SvidokError as exc:
        raise click.ClickException(str(exc)) from exc
    sha = corpus_hash(eval_dir)
    if update_minimums:  # before printing, so a closed pipe (`| head`) cannot skip it
        write_minimums(eval_dir, report["headline"], sha)
        click.echo(f"minimums written to {eval_dir / 'minimums.json'}", err=True)
    if as_json:
        click.echo(json.dumps(report | {"corpus_sha256": sha}, ensure_ascii=False, indent=2))
    else:
        _print_table(report)
    if check:
        _exit_with_gate(check_minimums(report["headline"], load_minimums(eval_dir), sha))


@eval_group.command()
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="NER-UK 2.0 data folder (default: ../shared/data/ner-uk/v2.0/data beside the checkout).",
)
@click.option("--split", type=click.Choice(["dev", "test"]), default="test", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def ner(data_dir: Path | None, split: str, as_json: bool) -> None:
    """The NER model on the NER-UK corpus (per-type precision, recall, F1)."""
    try:
        from svidok.evaluation import ner as ner_eval
    except ImportError as exc:
        raise click.ClickException(f"the NER evaluation is not available in this install ({exc})") from exc
    if data_dir is None:
        data_dir = Path(__file__).resolve().parents[4] / "shared" / "data" / "ner-uk" / "v2.0" / "data"
    if not data_dir.is_dir():
        raise click.ClickException(f"no NER-UK data in {data_dir}: pass --data-dir")
    result = ner_eval.run_ner_eval(data_dir, split=split)
    formatter = getattr(ner_eval, "format_ner_eval", None)
    if as_json or formatter is None:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2, default=str))
    else:
        click.echo(formatter(result))


@eval_group.command()
@click.option(
    "--eval-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder with texts/, events.jsonl and events-minimums.json (default: the checkout's eval/).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--check", is_flag=True, help="Exit 1 if a score is below its stored minimum.")
@click.option("--update-minimums", is_flag=True, help="Store today's scores (minus a margin) as minimums.")
def events(eval_dir: Path | None, as_json: bool, check: bool, update_minimums: bool) -> None:
    """Events against eval/events.jsonl: (type, actor) and (type, trigger) P/R/F1."""
    from svidok.evaluation.corpus import default_eval_dir
    from svidok.evaluation.events import check_event_minimums, score_events, write_event_minimums

    eval_dir = eval_dir or default_eval_dir()
    report = score_events(eval_dir)
    if update_minimums:
        write_event_minimums(eval_dir, report["headline"])
        click.echo(f"minimums written to {eval_dir / 'events-minimums.json'}", err=True)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(f"{'metric':<20}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'pred':>6}{'gold':>6}")
        for name, m in report["metrics"].items():
            click.echo(
                f"{name:<20}{m['precision']:>8.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}"
                f"{m['tp']:>6}{m['predicted']:>6}{m['gold']:>6}"
            )
        mod = report["modality"]
        click.echo(f"{'modality.accuracy':<20}{mod['accuracy']:>24.3f}{mod['correct']:>6}{mod['total']:>12}")
        click.echo(f"documents: {report['documents']}, gold events: {report['gold_events']}")
    if check:
        _exit_with_gate(check_event_minimums(eval_dir, report["headline"]))


@eval_group.command()
@click.option(
    "--eval-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder with narratives.jsonl (default: the checkout's eval/).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option(
    "--calibrate", is_flag=True, help="Store the threshold with the best F1 in narratives/calibration.json."
)
def narratives(eval_dir: Path | None, as_json: bool, calibrate: bool) -> None:
    """Narrative matching on eval/narratives.jsonl: precision and recall at the stored threshold."""
    from svidok.evaluation.corpus import default_eval_dir
    from svidok.evaluation.narratives import at_threshold, judge, write_calibration
    from svidok.evaluation.narratives import calibrate as best_threshold
    from svidok.narratives.matcher import calibration

    eval_dir = eval_dir or default_eval_dir()
    judged = judge(eval_dir)
    if calibrate:
        write_calibration(eval_dir, best_threshold(judged))
        calibration.cache_clear()
        click.echo("threshold written to svidok/narratives/calibration.json", err=True)
    result = at_threshold(judged, float(calibration()["threshold"]))
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    click.echo(
        f"threshold {result['threshold']:.4f}: precision {result['precision']:.3f} "
        f"recall {result['recall']:.3f} F1 {result['f1']:.3f} "
        f"({result['correct']} correct of {result['predicted']} predicted, {result['positives']} positives, "
        f"{result['items']} statements)"
    )


@eval_group.command()
@click.option(
    "--data",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="UNLP 2025 posts, JSON Lines (default: ../shared/data/unlp2025-manipulation/train.jsonl).",
)
@click.option("--folds", type=click.IntRange(2, 20), default=5, show_default=True)
@click.option("--fold", "only_folds", type=int, multiple=True,
              help="Test only this fold (repeatable); CI gates on --fold 0, which takes about a minute.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--check", is_flag=True, help="Exit 1 if a score is below its stored minimum.")
@click.option("--update-minimums", is_flag=True, help="Store today's scores (minus a margin) as minimums.")
def techniques(data: Path | None, folds: int, only_folds: tuple[int, ...], as_json: bool, check: bool,
               update_minimums: bool) -> None:
    """Manipulation techniques: K-fold CV macro-F1 (per-label P/R/F1) and span token-F1."""
    try:
        from svidok.evaluation import techniques as tech_eval
        from svidok.techniques.training import read_posts
    except ImportError as exc:
        raise click.ClickException(f"the technique evaluation needs the training extra ({exc}): "
                                   "pip install 'svidok[training]'") from exc
    data = data or tech_eval.DATA_FILE
    if not data.is_file():
        raise click.ClickException(f"no UNLP 2025 posts at {data}: pass --data")
    if any(not 0 <= f < folds for f in only_folds):
        raise click.ClickException(f"--fold must be between 0 and {folds - 1}")
    report = tech_eval.cross_validate(read_posts(data), folds, tuple(sorted(set(only_folds))) or None)
    sha = tech_eval.data_hash(data)
    if update_minimums:
        tech_eval.update_minimums(report, sha)
        click.echo(f"minimums written to {tech_eval.MINIMUMS_FILE}", err=True)
    click.echo(json.dumps(report, indent=2) if as_json else tech_eval.format_report(report))
    if check:
        _exit_with_gate(tech_eval.check_minimums(report, sha, tech_eval.load_minimums()))


@eval_group.command(name="stories")
@click.option(
    "--set", "labelled", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Labelled story set (default: the checkout's eval/stories/stories.yaml).",
)
@click.option("--sweep", is_flag=True, help="Also score join thresholds 0.850-0.950 (step 0.005).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def stories_eval(labelled: Path | None, sweep: bool, as_json: bool) -> None:
    """Story clustering: pairwise precision and recall on a labelled set of articles."""
    from svidok.errors import SvidokError
    from svidok.evaluation.stories import default_set, evaluate

    joins = tuple(round(0.85 + 0.005 * i, 3) for i in range(21)) if sweep else ()
    try:
        report = evaluate(labelled or default_set(), joins)
    except SvidokError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    scores = report["scores"]
    click.echo(f"articles {report['articles']}, gold stories {report['stories']}, "
               f"predicted stories {report['predicted_stories']}")  # fmt: skip
    click.echo(f"pairwise precision {scores['precision']:.3f} recall {scores['recall']:.3f} "
               f"F1 {scores['f1']:.3f} (pairs: {scores['true_pairs']} right, "
               f"{scores['predicted_pairs']} predicted, {scores['gold_pairs']} gold)")  # fmt: skip
    for kind, pairs in report["wrong_pairs"].items():
        for pair in pairs:
            click.echo(f"  {kind.replace('_', ' ')}: {pair}")
    for join, s in report["sweep"].items():
        click.echo(f"  join {join}: P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}")


def _exit_with_gate(problems: list[str]) -> None:
    """The CI gate's verdict: each score under its minimum on stderr, exit 1 if any."""
    for problem in problems:
        click.echo(f"FAIL {problem}", err=True)
    sys.exit(1 if problems else 0)
