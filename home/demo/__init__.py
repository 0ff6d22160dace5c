"""Demo content for `python manage.py seed_demo`: localities, units, plans, movements, stories, users."""
