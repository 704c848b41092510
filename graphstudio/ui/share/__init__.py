"""Sharing a run: an animation of it (GIF, APNG, WebP) and a step-by-step PDF handout.

frames.py draws step k as the window shows it (camera following the step, caption strip from
caption.py); frame_writers.py streams frames into the animated formats; animation.py and
handout.py are the two exports, both :class:`~.export_job.ExportJob` s the command line runs
to the end and the window runs in slices behind a progress dialog (export_dialog.py).
"""
