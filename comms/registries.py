"""This app's parts of the pages that gather many apps' work."""
