"""Run each graded kernel in a bubblewrap sandbox, so a learner's code reaches nothing of the course.

nbgrader executes a submission by starting a Jupyter kernel and sending it the cells. The
course replaces the kernel manager nbgrader uses (``c.Execute.kernel_manager_class`` in
``nbgrader_config.py``) with :class:`SandboxedKernelManager`, which starts that kernel inside
`bubblewrap <https://github.com/containers/bubblewrap>`_ (the sandbox Flatpak uses):

- no network: the kernel talks to nbgrader over Unix sockets (jupyter_client's ``ipc``
  transport) in a private folder, the only way in or out;
- a read-only view of the system, the Python installation and the course *package*, and
  nothing else of the course: no gradebook, ``source/``, ``release/``, ``competition/``,
  exchange, other learners, instructor's home, nor the grader's environment variables;
- a private, writable copy of this learner's submission folder as the working directory, and
  a private ``/tmp``; what the kernel writes there is thrown away with the sandbox;
- an unprivileged user (when the grader runs as root), a new session, and limits on memory,
  processes, file size and CPU time (:class:`SandboxLimits`, set in ``nbgrader_config.py``);
- its own process namespace, so every process a cell started dies with the kernel;
- one thread per numerical library, so a busy grading machine does not make kernels fight
  over cores (a grade must not depend on the grader's load).
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from traitlets import Bool, Int, Unicode
from traitlets.config import Configurable

from mlcourse.instructor.prompt_kernel import PromptKernelManager

__all__ = ["COURSE_IMPORTS_ENV", "INSTALL_HINT", "SandboxLimits", "SandboxMissing", "SandboxedKernelManager",
           "bwrap_command", "sandbox_available"]

INSTALL_HINT = ("bubblewrap is not installed: install it (Debian/Ubuntu: `apt-get install bubblewrap`, "
                "Fedora: `dnf install bubblewrap`), or grade without a sandbox with "
                "`mlcourse grade --no-sandbox`.")

#: Every graded kernel's imports come from the installed packages, never from a file the submission put
#: beside the notebook (a ``mlcourse.py`` or ``numpy/`` there shadows nothing): Python and IPython leave the
#: working directory off ``sys.path`` (PEP 587's safe path).
COURSE_IMPORTS_ENV = {"PYTHONSAFEPATH": "1"}
#: Environment of a sandboxed kernel: nothing of the grader's (no database URL or password).
KERNEL_ENV = {
    "HOME": "/tmp",
    "USER": "learner",  # the sandbox's user has no account: getpass.getuser() reads these first
    "LOGNAME": "learner",
    "LANG": "C.UTF-8",
    "PYTHONDONTWRITEBYTECODE": "1",
    **COURSE_IMPORTS_ENV,
    # One thread per library: parallel kernels on a loaded machine must not fight over the cores.
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1",
}
#: Variables of the grader's environment a kernel keeps: the machine's CPU quirks, and nbgrader's
#: NBGRADER_EXECUTION ("autograde" or "validate"), which checks may read.
KEPT_ENV = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "TZ", "NBGRADER_EXECUTION")
#: What the grading log says when a notebook's wall time is spent (grading.py reports it in plain words).
NOTEBOOK_LIMIT = "Notebook time limit of %s s reached: the sandboxed kernel was stopped"
#: A root grader runs each kernel as its own unprivileged user, drawn from this range and held by a lock
#: file, so that the process limit (counted per user) is that kernel's alone: a fork bomb in one sandbox
#: cannot starve the kernels graded beside it. No account on the machine uses these ids.
SANDBOX_UIDS = range(2_100_000_000, 2_101_000_000)
UID_LOCKS = Path(tempfile.gettempdir()) / "mlcourse-sandbox-uids"


class SandboxMissing(RuntimeError):
    """The sandbox tool is not installed; the message says how to install it."""


class SandboxLimits(Configurable):
    """Resource limits of a sandboxed kernel; set them as ``c.SandboxLimits.<name>`` in
    ``nbgrader_config.py``."""

    enabled = Bool(True, help="Run graded kernels in the bubblewrap sandbox. Turn off only to grade "
                              "trusted notebooks on a machine without bubblewrap.").tag(config=True)
    memory_mb = Int(4096, help="Address space of the kernel and its children, in MiB (RLIMIT_AS).").tag(
        config=True)
    processes = Int(256, help="Processes and threads the sandbox user may run (RLIMIT_NPROC).").tag(
        config=True)
    file_size_mb = Int(256, help="Largest file the kernel may write, in MiB (RLIMIT_FSIZE).").tag(config=True)
    cpu_seconds = Int(600, help="CPU time of one kernel, in seconds (RLIMIT_CPU): a notebook's budget.").tag(
        config=True)
    notebook_seconds = Int(600, help=(
        "Wall time of one notebook, in seconds: the kernel is stopped when it is spent, so many cells that "
        "each stay just under the per-cell timeout cannot hold the grader.")).tag(config=True)
    tmp_mb = Int(512, help="Size of the kernel's private /tmp, in MiB (held in memory).").tag(config=True)
    bwrap = Unicode("bwrap", help="The bubblewrap executable.").tag(config=True)


def sandbox_available(limits: SandboxLimits | None = None) -> bool:
    """True if the bubblewrap executable can be found."""
    return shutil.which((limits or SandboxLimits()).bwrap) is not None


def _readable_roots() -> list[Path]:
    """What a kernel must read: the Python installation, the venv and the course package's folder."""
    import mlcourse

    roots = {Path(sys.base_prefix), Path(sys.prefix), Path(mlcourse.__file__).resolve().parent}
    return sorted(root.resolve() for root in roots)


def _system_binds() -> list[str]:
    """Read-only binds of the system folders that exist on this machine (/usr, /etc, /lib…)."""
    args = []
    for folder in ("/usr", "/etc", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/opt"):
        path = Path(folder)
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), folder]
        elif path.is_dir():
            args += ["--ro-bind", folder, folder]
    return args


def claim_uid() -> int:
    """An id of :data:`SANDBOX_UIDS` no other running sandbox holds; :func:`release_uid` frees it."""
    UID_LOCKS.mkdir(mode=0o700, exist_ok=True)
    while True:
        uid = random.choice(SANDBOX_UIDS)
        try:
            os.close(os.open(UID_LOCKS / str(uid), os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            return uid
        except FileExistsError:
            continue


def release_uid(uid: int) -> None:
    (UID_LOCKS / str(uid)).unlink(missing_ok=True)


def bwrap_command(command: list[str], workdir: Path, copy: Path, runtime: Path,
                  limits: SandboxLimits, uid: int | None) -> list[str]:
    """``command`` wrapped to run in the sandbox, with ``copy`` mounted writable at ``workdir``.

    ``runtime`` (the kernel's connection file and sockets) is the one other writable place, so
    that nbgrader outside can talk to the kernel inside over Unix sockets. ``uid`` is the user a
    root grader runs the kernel as; None when the grader is not root (bwrap's user namespace then
    maps the kernel to the grader's own user, and the process limit is left to the pid namespace).
    """
    bwrap = shutil.which(limits.bwrap)
    if bwrap is None:
        raise SandboxMissing(INSTALL_HINT)
    prlimit = shutil.which("prlimit")
    processes = [f"--nproc={limits.processes}"] if uid is not None else []
    limit = [prlimit, f"--as={limits.memory_mb * 2**20}", *processes,
             f"--fsize={limits.file_size_mb * 2**20}", f"--cpu={limits.cpu_seconds}", "--"] if prlimit else []
    if uid is not None:
        # A root grader: bwrap mounts as root (it must read the Python under /root), then the kernel
        # drops to an unprivileged user with no capabilities and no way to regain them.
        unshare = ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"]
        drop = ["/usr/bin/setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
                "--no-new-privs", "--inh-caps=-all", "--bounding-set=-all", "--"]
    else:
        unshare, drop = ["--unshare-all", "--cap-drop", "ALL"], []
    box = [bwrap, *unshare, "--die-with-parent", "--new-session", *_system_binds(),
           "--proc", "/proc", "--dev", "/dev", "--perms", "1777", "--size", str(limits.tmp_mb * 2**20),
           "--tmpfs", "/tmp",
           # The kernel's parent is the sandbox's init, pid 1, which ipykernel never polls: --die-with-parent
           # ends the kernel with the grader instead.
           "--setenv", "JPY_PARENT_PID", "1"]
    mounts = [*_readable_roots(), workdir, runtime]
    for folder in sorted({parent for path in mounts for parent in path.parents if parent != Path("/")}):
        # bwrap would make them 0700: unreadable to the kernel
        box += ["--perms", "0755", "--dir", str(folder)]
    for root in _readable_roots():
        box += ["--ro-bind", str(root), str(root)]
    box += ["--bind", str(copy), str(workdir), "--bind", str(runtime), str(runtime), "--chdir", str(workdir)]
    return limit + box + ["--", *drop, *command]


def kernel_environment() -> dict[str, str]:
    """The sandboxed kernel's environment: :data:`KERNEL_ENV`, this Python's PATH, and nothing secret."""
    env = {name: os.environ[name] for name in KEPT_ENV if name in os.environ}
    env.update(KERNEL_ENV, PATH=os.pathsep.join([str(Path(sys.executable).parent), "/usr/local/bin",
                                                 "/usr/bin", "/bin"]))
    return env


class SandboxedKernelManager(PromptKernelManager):
    """A kernel manager that starts each kernel in the bubblewrap sandbox (see the module's docstring).

    nbgrader's Execute preprocessor creates one per notebook; when it shuts the kernel down, the
    sandbox, its processes and its private copy of the submission are gone.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.limits = SandboxLimits(parent=self)
        self._scratch: Path | None = None
        self._uid: int | None = None

    @property
    def sandboxed(self) -> bool:
        """Whether this kernel runs in the sandbox: always, unless the course turned it off, or nbgrader is
        validating (a learner checking their own notebook in their own JupyterLab needs no sandbox)."""
        return self.limits.enabled and os.environ.get("NBGRADER_EXECUTION") != "validate"

    @property
    def kernel_spec(self):
        """The kernel's spec, interrupted by a message: a signal to bwrap would not reach the kernel,
        which runs in its own session (``--new-session``) and process namespace."""
        spec = super().kernel_spec
        if spec is not None and self.sandboxed:
            spec.interrupt_mode = "message"
        return spec

    async def _async_pre_start_kernel(self, **kw):
        if not self.sandboxed:
            cmd, kw = await super()._async_pre_start_kernel(**kw)
            kw["env"] = {**kw["env"], **COURSE_IMPORTS_ENV}
            return cmd, kw
        if not sandbox_available(self.limits):
            raise SandboxMissing(INSTALL_HINT)
        workdir = Path(kw.get("cwd") or os.getcwd()).resolve()
        self._scratch = Path(tempfile.mkdtemp(prefix="mlcourse-sandbox-"))
        copy, runtime = self._scratch / "work", self._scratch / "runtime"
        shutil.copytree(workdir, copy, symlinks=True, ignore=shutil.ignore_patterns("*.ipynb"))
        runtime.mkdir()
        self.transport = "ipc"
        self.ip = str(runtime / "kernel")
        self.connection_file = str(runtime / "kernel.json")
        self._uid = claim_uid() if os.geteuid() == 0 else None
        if self._uid is not None:  # the sandbox user must reach its sockets and its copy
            for path in (self._scratch, copy, runtime, *copy.rglob("*")):
                os.lchown(path, self._uid, self._uid)
        cmd, kw = await super()._async_pre_start_kernel(**kw)
        if self._uid is not None:
            os.chown(self.connection_file, self._uid, self._uid)
        kw["env"] = kernel_environment()
        kw["cwd"] = str(runtime)
        # What the kernel's processes write to their own stdout/stderr (worker processes, a learner's
        # escape sequences) never reaches the grader's terminal; cell outputs travel over the sockets.
        kw["stdout"] = kw["stderr"] = subprocess.DEVNULL
        return bwrap_command(cmd, workdir, copy, runtime, self.limits, self._uid), kw

    async def _async_post_start_kernel(self, **kw) -> None:
        await super()._async_post_start_kernel(**kw)
        if self.sandboxed:
            loop = asyncio.get_running_loop()
            self._deadline = loop.call_later(self.limits.notebook_seconds, self._expire)

    def _expire(self) -> None:
        """The notebook's wall time is spent: stop the kernel (later cells fail, the batch goes on)."""
        self.log.warning(NOTEBOOK_LIMIT, self.limits.notebook_seconds)
        if self.has_kernel:
            self.provisioner.process.kill()

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        if getattr(self, "_deadline", None) is not None and not restart:
            self._deadline.cancel()
        await super()._async_cleanup_resources(restart=restart)
        if self._scratch is not None and not restart:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None
            if self._uid is not None:
                release_uid(self._uid)
