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

  // Pick lists: the entries follow what is typed, fetched as a piece of HTML, without reloading the
  // page. The search stays a plain form, so pressing Search still works if fetching does not.
  document.querySelectorAll('input[data-choices-url]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('data-choices-list'));
    var status = document.getElementById(input.getAttribute('data-choices-status'));
    var searchForm = input.form;
    var answerForm = input.closest('form');
    if (!list || !status || !searchForm || !window.fetch) { return; }
    var timer = null;
    var asked = 0;
    var plain = false;

    function search() {
      var text = input.value.trim();
      var ticket = ++asked;
      var picked = list.querySelector('input[type="radio"]:checked');
      var keep = picked ? picked.value : null;
      fetch(input.getAttribute('data-choices-url') + '?q=' + encodeURIComponent(text),
        { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) { throw new Error('search answered ' + response.status); }
          return response.text();
        })
        .then(function (html) {
          if (ticket !== asked) { return; } // an answer to an older search
          list.innerHTML = html;
          list.querySelectorAll('input[type="radio"]').forEach(function (radio) {
            if (radio.value === keep) { radio.checked = true; }
          });
          var fresh = list.querySelector('[data-summary]');
          status.textContent = fresh ? fresh.getAttribute('data-summary') : '';
          var find = answerForm && answerForm.querySelector('input[name="find"]');
          if (find) { find.value = text; }
          if (window.history && history.replaceState && window.URL) {
            var address = new URL(window.location.href);
            if (text) { address.searchParams.set(input.name, text); } else { address.searchParams.delete(input.name); }
            history.replaceState(history.state, '', address.toString());
          }
        })
        .catch(function () {
          if (ticket !== asked) { return; }
          plain = true;
          status.textContent = 'Searching as you type did not work. Press Search to see the matches.';
        });
    }

    input.addEventListener('input', function () {
      if (plain) { return; }
      clearTimeout(timer);
      timer = setTimeout(search, 250);
    });
    searchForm.addEventListener('submit', function (event) {
      if (plain) { return; }
      event.preventDefault();
      clearTimeout(timer);
      search();
    });
  });

  // Bring a form's problems or a one-time password into view and to screen readers.
  var focus = document.querySelector('.error-summary, #new-password, .resolve .error');
  if (focus) {
    if (!focus.hasAttribute('tabindex')) { focus.setAttribute('tabindex', '-1'); }
    focus.focus();
  }
})();
