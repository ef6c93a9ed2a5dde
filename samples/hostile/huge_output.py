# Print 50 MB: a huge feedback page and a grader that runs out of memory.
for _ in range(50):
    print("x" * 1_000_000)
