# A classic daemon: fork twice and detach, then wait for the grader to go away.
import os, time
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        os.execvp("sleep", ["sleep", "600", "mlcourse-hostile-marker"])
    os._exit(0)
time.sleep(0.5)
