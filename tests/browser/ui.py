"""JupyterLab and nbgrader as a user sees them, driven by Selenium: menus, the file browser, notebook cells,
dialogs, the Assignment List and the Formgrader.

Every wait polls the page for a condition (WebDriverWait); a wait that runs out saves a screenshot and fails
with what was awaited and the folder that holds the screenshots.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

ACTIVE_NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden)"
PROMPT_NUMBER = re.compile(r"^\[(\d+)\]:$")
#: What a JupyterLab error output looks like in the page (tracebacks and stderr render with this type).
STDERR = "[data-mime-type='application/vnd.jupyter.stderr']"


def literal(text: str) -> str:
    """``text`` as an XPath string literal."""
    if "'" not in text:
        return f"'{text}'"
    return "concat(" + ", \"'\", ".join(f"'{part}'" for part in text.split("'")) + ")"


class Browser:
    """One headless Chromium, with a screenshot folder named in every failure."""

    def __init__(self, browser: str, driver: str, shots: Path, profile: Path, timeout: float = 60):
        options = webdriver.ChromeOptions()
        options.binary_location = browser
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--window-size=1400,1000", f"--user-data-dir={profile}", "--no-first-run",
                         "--disable-extensions", "--disable-background-networking"):
            options.add_argument(argument)
        self.driver = webdriver.Chrome(service=Service(driver), options=options)
        self.shots, self.timeout, self.count = shots, timeout, 0
        shots.mkdir(parents=True, exist_ok=True)

    def quit(self) -> None:
        self.driver.quit()

    # Screenshots and waits.

    def shot(self, name: str) -> Path:
        self.count += 1
        path = self.shots / f"{self.count:02d}-{name}.png"
        self.driver.save_screenshot(str(path))
        return path

    def fail(self, message: str) -> None:
        try:
            path = self.shot("FAILED")
        except WebDriverException:
            path = None
        pytest.fail(f"{message}\nscreenshots: {self.shots}" + (f" (last: {path.name})" if path else ""),
                    pytrace=False)

    def wait(self, condition: Callable, what: str, timeout: float | None = None):
        """The first true value of ``condition(driver)``, polled; a failure naming ``what`` otherwise."""
        def safely(driver):
            try:
                return condition(driver)
            except StaleElementReferenceException:
                return False
        try:
            return WebDriverWait(self.driver, timeout or self.timeout, poll_frequency=0.2).until(safely)
        except TimeoutException:
            pass
        self.fail(f"waited {timeout or self.timeout:.0f} s for {what}")

    def find(self, xpath: str, what: str, root=None, clickable: bool = True) -> WebElement:
        """The first element at ``xpath`` (visible and enabled when ``clickable``), waited for."""
        def found(driver):
            for element in (root or driver).find_elements(By.XPATH, xpath):
                if not clickable or (element.is_displayed() and element.is_enabled()):
                    return element
            return False
        return self.wait(found, what)

    def click(self, xpath: str, what: str, root=None) -> WebElement:
        element = self.find(xpath, what, root)
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()
        return element

    # JupyterLab.

    def open_lab(self, url: str) -> None:
        self.driver.get(url)
        self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".jp-DirListing-item"),
                  "JupyterLab's file browser to list the folder")

    def menu(self, top: str, entry: str) -> None:
        """A menu bar entry, e.g. ``menu("Run", "Run All Cells")``."""
        self.click(f"//li[contains(@class, 'lm-MenuBar-item')][.//div[text()={literal(top)}]]",
                   f"the menu {top}")
        self.click(f"//ul[contains(@class, 'lm-Menu-content')]/li[contains(@class, 'lm-Menu-item')]"
                   f"[.//div[contains(@class, 'lm-Menu-itemLabel')][text()={literal(entry)}]]",
                   f"{top} → {entry}")

    def menu_entries(self, top: str) -> list[str]:
        """The labels of a menu bar entry's menu, which is closed again."""
        self.click(f"//li[contains(@class, 'lm-MenuBar-item')][.//div[text()={literal(top)}]]",
                   f"the menu {top}")
        labels = self.wait(lambda d: [label.text for label in d.find_elements(
            By.CSS_SELECTOR, "ul.lm-Menu-content li.lm-Menu-item .lm-Menu-itemLabel") if label.text],
            f"the {top} menu to open")
        ActionChains(self.driver).send_keys(Keys.ESCAPE).perform()
        return labels

    def open_in_file_browser(self, *names: str) -> None:
        """Double-click each name in turn in the file browser: folders, then the file."""
        for name in names:
            item = self.find(f"//li[contains(@class, 'jp-DirListing-item')]"
                             f"[.//span[contains(@class, 'jp-DirListing-itemText')]//text()={literal(name)}]",
                             f"{name} in the file browser")
            ActionChains(self.driver).double_click(item).perform()

    def dialogs(self) -> list[str]:
        return [dialog.text for dialog in self.driver.find_elements(By.CSS_SELECTOR, ".jp-Dialog")
                if dialog.is_displayed()]

    def close_dialog(self, button: str = "Ok") -> None:
        self.click(f"//div[contains(@class, 'jp-Dialog')]//button[.//text()={literal(button)}]",
                   f"the dialog's {button} button")
        self.wait(lambda d: not self.dialogs(), "the dialog to close")

    # Notebooks.

    def notebook(self, cells: int, name: str) -> list[WebElement]:
        """The active notebook's cells, once all ``cells`` are in the page and its kernel is idle."""
        self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, f"{ACTIVE_NOTEBOOK} .jp-Notebook"),
                  f"the notebook {name} to open")
        found = self.wait(lambda d: len(c := d.find_elements(By.CSS_SELECTOR, f"{ACTIVE_NOTEBOOK} .jp-Cell"))
                          == cells and c, f"the {cells} cells of {name}")
        self.wait(lambda d: any(re.search(r"\|\s*Idle$", item.text) for item in d.find_elements(
            By.CSS_SELECTOR, ".jp-StatusBar-TextItem")), f"the kernel of {name} to be idle")
        return found

    @staticmethod
    def prompt(cell: WebElement) -> int | None:
        match = PROMPT_NUMBER.match(cell.find_element(By.CSS_SELECTOR, ".jp-InputArea-prompt").text.strip())
        return int(match.group(1)) if match else None

    def editor(self, cell: WebElement) -> WebElement:
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", cell)
        return cell.find_element(By.CSS_SELECTOR, ".cm-content")

    def paste(self, cell: WebElement, text: str) -> None:
        """Replace a cell's text as a learner does: into the cell, select all, paste."""
        editor = self.editor(cell)
        if "jp-MarkdownCell" in cell.get_attribute("class"):
            ActionChains(self.driver).double_click(cell).perform()  # a rendered markdown cell opens on it
        editor.click()
        self.wait(lambda d: "jp-mod-focused" in editor.get_attribute("class") or
                  d.switch_to.active_element == editor, "the cell's editor to take the focus", timeout=10)
        ActionChains(self.driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).perform()
        self.driver.execute_script(
            "const data = new DataTransfer(); data.setData('text/plain', arguments[1]);"
            "arguments[0].dispatchEvent(new ClipboardEvent('paste', "
            "{clipboardData: data, bubbles: true, cancelable: true}));", editor, text)
        self.wait(lambda d: editor.text.strip() == text.strip(), "the pasted text in the cell", timeout=10)

    def run_cell(self, cell: WebElement, what: str, timeout: float = 60) -> str:
        """Run one code cell with Shift+Enter; its output text once it has a new execution count."""
        before = self.prompt(cell)
        self.editor(cell).click()
        ActionChains(self.driver).key_down(Keys.SHIFT).send_keys(Keys.ENTER).key_up(Keys.SHIFT).perform()
        self.wait(lambda d: (count := self.prompt(cell)) is not None and count != before,
                  f"{what} to run", timeout)
        return self.output(cell)

    def render(self, cell: WebElement) -> None:
        """Leave a markdown cell's editor (Shift+Enter renders it)."""
        self.editor(cell).click()
        ActionChains(self.driver).key_down(Keys.SHIFT).send_keys(Keys.ENTER).key_up(Keys.SHIFT).perform()
        self.wait(lambda d: "jp-mod-rendered" in cell.get_attribute("class"), "the markdown cell to render")

    @staticmethod
    def output(cell: WebElement) -> str:
        return "\n".join(area.text for area in cell.find_elements(By.CSS_SELECTOR, ".jp-OutputArea"))

    @staticmethod
    def errors(cell: WebElement) -> list[str]:
        """The cell's error outputs and warnings (stderr)."""
        outputs = cell.find_elements(By.CSS_SELECTOR, f".jp-OutputArea-output{STDERR}")
        return [output.text for output in outputs]
