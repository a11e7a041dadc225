// Small enhancements; every page works without them.
(function () {
  'use strict';

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'absolute';
      area.style.left = '-9999px';
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand && document.execCommand('copy');
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error('copy refused')); }
    });
  }

  function statusNear(button) {
    var node = button.parentElement;
    while (node && node.nextElementSibling && !node.nextElementSibling.classList.contains('copied')) {
      node = node.nextElementSibling;
    }
    return node && node.nextElementSibling;
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button.copy[data-copy]');
    if (!button) { return; }
    var field = document.getElementById(button.getAttribute('data-copy'));
    if (!field) { return; }
    var status = statusNear(button);
    copyText(field.value).then(function () {
      button.textContent = 'Copied ✓';
      if (status) { status.textContent = 'Copied to the clipboard.'; }
      setTimeout(function () { button.textContent = 'Copy'; }, 3000);
    }, function () {
      field.focus();
      field.select();
      if (status) { status.textContent = 'Press Ctrl+C (or ⌘C) to copy the selected text.'; }
    });
  });

  // Times are written in UTC; show them in the reader's own time zone.
  var local = window.Intl && new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  document.querySelectorAll('time[datetime]').forEach(function (node) {
    var when = new Date(node.getAttribute('datetime'));
    if (isNaN(when.getTime())) { return; }
    if (/UTC$/.test(node.textContent.trim()) && local) {
      node.title = node.textContent.trim();
      node.textContent = local.format(when);
    } else {
      node.title = local ? local.format(when) : node.getAttribute('datetime');
    }
  });

  // Bring a form's problems or a one-time password into view and to screen readers.
  var focus = document.querySelector('.error-summary, #new-password');
  if (focus) {
    if (!focus.hasAttribute('tabindex')) { focus.setAttribute('tabindex', '-1'); }
    focus.focus();
  }
})();
