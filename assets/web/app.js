// The only script: sends a chosen CSV file as a raw text/csv body (no multipart
// parsing on the server) and shows the server's answer page. Without JavaScript
// the upload form still works with the pasted-text box.
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('upload-form');
  if (!form) return;
  form.addEventListener('submit', function (ev) {
    var input = form.querySelector('input[type=file]');
    if (!input || !input.files || input.files.length === 0) return;
    ev.preventDefault();
    var file = input.files[0];
    var template = form.querySelector('select[name=template]').value;
    var csrf = form.querySelector('input[name=csrf]').value;
    var append = form.querySelector('input[name=append]');
    var extra = append && append.checked ? '&append=1' : '';
    file.text().then(function (text) {
      return fetch('/upload?template=' + encodeURIComponent(template) + extra, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'text/csv', 'X-CSRF-Token': csrf }, body: text
      });
    }).then(function (r) { return r.text(); }).then(function (html) {
      document.open(); document.write(html); document.close();
    }).catch(function () {
      var p = document.getElementById('upload-status');
      if (p) p.textContent = 'The file could not be sent. Check the connection and try again.';
    });
  });
});
