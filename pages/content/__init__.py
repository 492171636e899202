"""The public site's initial content: reference facts (``article-43.md``,
``ilo-fundamental-conventions.csv``) and the text written for each page. The loader in
``pages/initial_content.py`` turns this into Wagtail pages."""
