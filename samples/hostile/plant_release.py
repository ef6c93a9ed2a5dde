# Plant a cell in the instructor's source and release, and in the exchange's outbound copy.
import pathlib
for folder in pathlib.Path.cwd().parents:
    for notebook in [*folder.glob("source/*/*.ipynb"), *folder.glob("release/*/*.ipynb"),
                     *folder.glob("exchange/*/outbound/*/*.ipynb")]:
        notebook.write_text(notebook.read_text().replace("YOUR CODE HERE", "planted"))
