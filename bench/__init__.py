"""`make bench`: seed a large alliance, serve it with gunicorn and time the busiest pages."""
