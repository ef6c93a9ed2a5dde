/**
 * mlcourse-learner-lab: the course's additions to a learner's JupyterLab, beside nbgrader's extension.
 *
 * - After Submit in nbgrader's Assignment List, a dialog says the work was handed in and when
 *   (nbgrader only adds a line to the "Submitted assignments" list, easy to miss).
 * - "view feedback" opens the feedback page itself, not only its folder in the file browser. The page
 *   opens in JupyterLab's HTML viewer, which runs no script: feedback shows learners' outputs.
 *
 * Built with `make lab-extension`; the built files in share/ are committed, so no learner needs Node.
 */
import { Dialog, showDialog } from '@jupyterlab/apputils';

/** The Submit currently watched: a new Submit replaces it, so one submission gives one dialog. */
let watching = null;

/** The submission times listed under "Submitted assignments" (nbgrader writes one row per submission). */
function submissionTimes(list) {
  return Array.from(list.querySelectorAll('.nested_list_item .item_name'), item =>
    item.firstChild ? item.firstChild.textContent.trim() : ''
  ).filter(Boolean);
}

/** Once the list shows a submission it did not show before ``button`` was pressed, say so. */
function confirmSubmission(button) {
  const list = document.getElementById('submitted_assignments_list');
  if (!list) {
    return;
  }
  const row = button.closest('.list_item');
  const link = row && row.querySelector('.item_name');
  const name = link ? link.textContent.trim() : 'The assignment';
  const before = new Set(submissionTimes(list));
  if (watching) {
    watching.disconnect();
  }
  const observer = new MutationObserver(() => {
    const added = submissionTimes(list).filter(time => !before.has(time));
    if (added.length) {
      observer.disconnect();
      watching = null;
      showDialog({
        title: 'Submitted',
        body:
          `${name} was submitted at ${added[added.length - 1]}. It is listed under ` +
          '"Submitted assignments". You may submit again until the deadline: the last submission counts.',
        buttons: [Dialog.okButton()]
      });
    }
  });
  observer.observe(list, { childList: true, subtree: true, characterData: true });
  watching = observer;
}

/** Open every HTML page of a feedback folder (nbgrader's "view feedback" goes to the folder only). */
async function openFeedback(app, folder) {
  const listing = await app.serviceManager.contents.get(folder.replace(/^\/+/, ''), { content: true });
  for (const item of listing.content) {
    if (item.type === 'file' && item.name.endsWith('.html')) {
      await app.commands.execute('docmanager:open', { path: item.path, factory: 'HTML Viewer' });
    }
  }
}

const plugin = {
  id: 'mlcourse-learner-lab:plugin',
  description: 'A confirmation after Submit; feedback that opens itself.',
  autoStart: true,
  activate: app => {
    document.addEventListener(
      'click',
      event => {
        const button = event.target.closest && event.target.closest('#fetched_assignments_list button');
        if (button && button.textContent.trim() === 'Submit') {
          confirmSubmission(button);
        }
      },
      true
    );
    app.commands.commandExecuted.connect((_, executed) => {
      const path = (executed.args && executed.args.path) || '';
      if (executed.id === 'filebrowser:go-to-path' && /(^|\/)feedback\/[^/]+\/?$/.test(path)) {
        openFeedback(app, path).catch(error => console.error('mlcourse: could not open the feedback', error));
      }
    });
  }
};

export default plugin;
