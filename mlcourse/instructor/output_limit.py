"""Cap how much a graded cell's outputs weigh, so one learner cannot blow up feedback or the gradebook.

nbgrader's ``LimitOutput`` counts lines; a learner who prints one 50 MB line passes it. This
preprocessor, run after execution when a submission is autograded, keeps each code cell's
outputs within a size budget: text is cut with a note saying so, and rich outputs (images,
HTML) past the budget are dropped with the same note.
"""

from __future__ import annotations

from nbformat.v4 import new_output
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Integer

__all__ = ["LimitOutputSize"]


class LimitOutputSize(NbGraderPreprocessor):
    """Keep each code cell's outputs under ``max_kb`` kilobytes of text and data."""

    max_kb = Integer(200, help="Outputs kept per code cell, in kB; the rest becomes a note.").tag(config=True)

    def preprocess_cell(self, cell, resources, cell_index):
        if cell.cell_type != "code":
            return cell, resources
        budget = self.max_kb * 1000
        kept = []
        for output in cell.outputs:
            size = _size(output)
            if size <= budget:
                kept.append(output)
                budget -= size
                continue
            if output.output_type == "stream" and budget > 0:
                output.text = output.text[:budget]
                kept.append(output)
            kept.append(new_output("stream", name="stderr",
                                   text=f"\n[output cut: this cell printed more than {self.max_kb} kB]\n"))
            break
        cell.outputs = kept
        return cell, resources


def _size(output) -> int:
    """Characters an output carries: its text, its data of every kind, its traceback."""
    parts = [output.get("text", ""), *output.get("traceback", []), *map(str, output.get("data", {}).values())]
    return sum(len(part) for part in parts)
