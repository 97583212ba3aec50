"""`make bench`: every app's pages, searches, engines and exports, timed at a realistic size."""
