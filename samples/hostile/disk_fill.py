# Fill the disk, in the working folder and in /tmp.
import os
for path in ("filler.bin", "/tmp/filler.bin"):
    try:
        with open(path, "wb") as handle:
            for _ in range(2048):
                handle.write(os.urandom(2**20))
    except OSError as error:
        print("stopped:", type(error).__name__, error.errno)
