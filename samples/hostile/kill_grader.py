# Stop the whole batch: kill my parent, and every process I am allowed to signal.
import os, signal
os.kill(os.getppid(), signal.SIGKILL)
os.kill(-1, signal.SIGKILL)
