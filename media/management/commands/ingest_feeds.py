from django.core.management.base import BaseCommand, CommandError

from media.ingest.feeds import FetchDisabled, due_feeds, ingest_feed


class Command(BaseCommand):
    help = (
        "Fetch every active feed that is due (not backing off after errors) and ingest its "
        "new articles. Run it from cron, e.g. every 30 minutes. Needs MEDIA_FETCH_ENABLED=1."
    )

    def handle(self, *args, **options):
        feeds = list(due_feeds())
        if not feeds:
            self.stdout.write("No feeds are due.")
            return
        failures = 0
        for feed in feeds:
            try:
                batch = ingest_feed(feed)
            except FetchDisabled as error:
                raise CommandError(f"{error} Set MEDIA_FETCH_ENABLED=1 to allow it.") from None
            feed.refresh_from_db()
            if batch is None and feed.last_error:
                failures += 1
                self.stderr.write(f"{feed.url}: {feed.last_error}")
            elif batch is None:
                self.stdout.write(f"{feed.url}: unchanged.")
            else:
                self.stdout.write(
                    f"{feed.url}: {batch.created} new, {batch.merged} already stored, "
                    f"{batch.rejected} rejected." + (f" {batch.error}" if batch.error else "")
                )
                failures += batch.status == batch.Status.FAILED
        if failures:
            raise CommandError(f"{failures} of {len(feeds)} feeds failed (see above).")
