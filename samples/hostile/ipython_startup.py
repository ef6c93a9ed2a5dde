# An IPython startup file runs in every later kernel that shares this HOME.
import pathlib
startup = pathlib.Path.home() / ".ipython" / "profile_default" / "startup"
startup.mkdir(parents=True, exist_ok=True)
(startup / "00-hostile.py").write_text("raise SystemExit('hostile startup file')\n")
