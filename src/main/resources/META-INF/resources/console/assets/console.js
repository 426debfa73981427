// Progressive enhancement for the compliance console: every page works without it.
(function () {
  'use strict';

  // Times arrive in UTC (also on hover); show them in the viewer's own zone.
  var local = new Intl.DateTimeFormat(undefined, {
    year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short'
  });
  function localTimes(root) {
    root.querySelectorAll('time[datetime]').forEach(function (t) {
      var when = new Date(t.getAttribute('datetime'));
      if (!isNaN(when)) {
        t.textContent = local.format(when);
        t.setAttribute('data-local', 'true');
      }
    });
  }

  // Date pickers are read in the viewer's zone: the form says which. A form that came without a zone
  // (a fresh page, or a link with an instant) shows its instant in the viewer's zone from now on.
  function two(n) { return (n < 10 ? '0' : '') + n; }
  function zoneFields() {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) { return; }
    document.querySelectorAll('input[data-zone]').forEach(function (field) {
      if (field.value) { return; }
      field.value = zone;
      field.form.querySelectorAll('input[type=datetime-local][data-instant]').forEach(function (picker) {
        var at = new Date(picker.getAttribute('data-instant'));
        if (!isNaN(at)) {
          picker.value = at.getFullYear() + '-' + two(at.getMonth() + 1) + '-' + two(at.getDate()) + 'T'
            + two(at.getHours()) + ':' + two(at.getMinutes()) + ':' + two(at.getSeconds());
        }
      });
    });
  }

  // The chart is a request of its own, so a broad range never delays the list.
  function loadChart() {
    var box = document.getElementById('chart');
    if (!box) { return; }
    fetch(box.getAttribute('data-src'), { credentials: 'same-origin', redirect: 'error' })
      .then(function (r) {
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.text();
      })
      .then(function (html) { box.innerHTML = html; localTimes(box); })
      .catch(function () {
        box.innerHTML = '<div class="notice error" role="alert"><p><strong>The chart could not be loaded.</strong> '
          + 'The list below is complete. <a href="">Reload the page</a> to try again; if your session expired you will be asked to sign in.</p></div>';
      });
  }

  // Long-running forms (verify) say that they are working, and cannot be sent twice.
  function busyForms() {
    document.querySelectorAll('button[data-busy]').forEach(function (button) {
      button.form.addEventListener('submit', function () {
        button.disabled = true;
        button.textContent = button.getAttribute('data-busy');
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    localTimes(document);
    loadChart();
    busyForms();
    zoneFields();
  });
})();
