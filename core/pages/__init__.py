"""Pages every signed-in person shares: their home, the site-wide search and their account.

Core never imports the apps: each page is assembled from what the apps register in
`core.registries`.
"""
