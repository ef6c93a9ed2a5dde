# Markup in outputs, run in every browser that opens the feedback.
from IPython.display import HTML, SVG, Javascript, Markdown, display
display(HTML("<script>alert('html')</script><img src=x onerror=alert('img')>"))
display(Javascript("alert('js')"))
display(SVG('<svg xmlns="http://www.w3.org/2000/svg"><script>alert("svg")</script></svg>'))
display(Markdown("<script>alert('md')</script>"))
