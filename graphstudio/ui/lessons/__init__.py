"""The lesson feature in the window: the Lesson dock (:mod:`.panel`), the driver that follows the
learner through the document and run events (:mod:`.driver`), highlights (:mod:`.highlight`) and
the menu entries (:mod:`.install`). Lesson files themselves are :mod:`graphstudio.lessons`."""

from graphstudio.ui.lessons.install import LessonsUI, install_lessons_ui

__all__ = ["LessonsUI", "install_lessons_ui"]
