"""Lessons: guided practice on a live graph, read from plain-text ``.gslesson`` files.

Qt-free. :mod:`.format` holds what a lesson is (dataclasses, the format version, LessonError);
:mod:`.parser` reads a file with line-numbered errors; :mod:`.conditions` parses and evaluates
the ``wait:`` (something the learner does) and ``check:`` (state that must hold) lines against
the document and the shown run; :mod:`.run_events` turns the run's progress into those events;
:mod:`.progress` walks a lesson step by step; :mod:`.markup` turns step text into HTML;
:mod:`.catalog` finds the shipped lessons. The window's panel is :mod:`graphstudio.ui.lessons`.
The format is documented in ``docs/LESSONS.md``.
"""
