"""The initial content in Kiswahili: the same pages, blocks, paragraphs and list items as the
English modules one level up, in the same order, so that each English segment has its
Kiswahili counterpart (see ``pages/translating.py``). Written as everyday Kenyan Kiswahili,
with the terms of ``docs/glossary.md``; not a word-for-word rendering."""
