"""The glossary's public engines and workflows, for its own views and for other apps.

- checker.py: check any text against the language guide (`check_text`); findings.py, what a
  check reports; compiled_guide.py, the guide compiled for matching (and context_rules.py,
  the words stigmatising only in some uses); guide_cache.py, the current compiled guide;
- guide.py: the versioned language guide (publishing a change, history, loading);
- dictionary.py: the criminal justice dictionary (loading the shipped terms, A to Z, search);
- linking.py: linking dictionary terms where they appear in a text (`link_terms`);
- api_schemas.py: the API shape of a checker finding, for every API that reports findings.
"""
