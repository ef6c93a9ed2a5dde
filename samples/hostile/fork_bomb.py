# Start processes until the machine gives up (bounded here, so the test ends).
import subprocess
children = []
try:
    for _ in range(2000):
        children.append(subprocess.Popen(["sleep", "600", "mlcourse-hostile-marker"]))
except OSError as error:
    print("stopped after", len(children), type(error).__name__)
