from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import pluralize

from media.ingest.batches import SourceProblem, new_batch
from media.ingest.files import import_file, kind_of
from media.models import IngestBatch, Outlet

SHOWN_PROBLEMS = 20


class Command(BaseCommand):
    help = (
        "Import articles from a CSV or JSON Lines file (url, outlet, title, date, text; byline "
        "and language optional) or one saved article page (.html). Safe to re-run: articles "
        "already stored are skipped, so running a file again after a stop finishes it. Exits "
        "1 when the file cannot be imported and 2 when some rows could not be."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path of the .csv, .jsonl or .html file.")
        parser.add_argument(
            "--outlet", help="Outlet name or slug for rows (or a page) without one."
        )
        parser.add_argument("--url", default="", help="The address of a saved article page.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"There is no file at {path}.")
        outlet = None
        if options["outlet"]:
            outlet = Outlet.objects.filter(slug=options["outlet"]).first() or (
                Outlet.objects.filter(name__iexact=options["outlet"]).first()
            )
            if outlet is None:
                raise CommandError(f"There is no outlet '{options['outlet']}'.")
        with path.open("rb") as handle:
            try:
                source = kind_of(path.name, handle.read(512))
            except SourceProblem as problem:
                raise CommandError(str(problem)) from None
            handle.seek(0)
            batch = new_batch(source, path.name)
            batch = import_file(
                batch, handle, outlet=outlet, url=options["url"], progress=self._progress
            )
        self._report(batch)

    def _progress(self, batch: IngestBatch) -> None:
        self.stdout.write(
            f"{batch.processed:,} of {batch.total:,} read: {batch.created:,} new, "
            f"{batch.merged:,} duplicates merged, {batch.rejected:,} rejected"
        )

    def _report(self, batch: IngestBatch) -> None:
        problems = list(batch.problems.order_by("pk")[:SHOWN_PROBLEMS])
        for problem in problems:
            self.stderr.write(f"{problem.location}: {problem.reason}")
        if batch.rejected > len(problems):
            self.stderr.write(f"… and {batch.rejected - len(problems):,} more problems.")
        if batch.status == IngestBatch.Status.FAILED:
            raise CommandError(f"{batch.name} was not imported: {batch.error}")
        summary = (
            f"{batch.name}: {batch.created:,} article{pluralize(batch.created)} added, "
            f"{batch.merged:,} duplicate{pluralize(batch.merged)} merged, "
            f"{batch.rejected:,} rejected."
        )
        if batch.rejected:
            raise CommandError(summary, returncode=2)
        self.stdout.write(self.style.SUCCESS(summary))
