// The only script: sends a chosen file (CSV, text or an .xlsx workbook) as the raw
// request body with its name (no multipart parsing on the server), showing how much of
// it has gone; a preview replaces the page, errors appear above the form, which keeps
// the chosen file. Without JavaScript the upload form still works with the
// pasted-text box.
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('upload-form');
  if (!form) return;
  var status = document.getElementById('upload-status');
  var bar = document.getElementById('upload-progress');
  var errors = document.getElementById('upload-errors');
  function kb(n) { return Math.round(n / 1024) + ' KB'; }
  // A message in the page's language: the form carries them (#upload-words, translated
  // by the server like the rest of the page), with {sent} and {total} for sizes.
  function say(key, sent, total) {
    var el = document.querySelector('#upload-words [data-w="' + key + '"]');
    var text = el ? el.textContent : key;
    status.textContent = text.replace('{sent}', sent || '').replace('{total}', total || '');
  }
  form.addEventListener('submit', function (ev) {
    var input = form.querySelector('input[type=file]');
    if (!input || !input.files || input.files.length === 0) return;
    ev.preventDefault();
    var file = input.files[0];
    var template = form.querySelector('select[name=template]').value;
    var csrf = form.querySelector('input[name=csrf]').value;
    var type = /\.xlsx$/i.test(file.name)
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
    var xhr = new XMLHttpRequest();
    var append = form.querySelector('input[name=append]');
    var opts = '';
    ['encoding', 'date_order'].forEach(function (n) {
      var el = form.querySelector('select[name=' + n + ']');
      if (el && el.value) opts += '&' + n + '=' + encodeURIComponent(el.value);
    });
    xhr.open('POST', '/upload?template=' + encodeURIComponent(template) +
      '&name=' + encodeURIComponent(file.name) + (append && append.checked ? '&append=1' : '') + opts);
    xhr.setRequestHeader('Content-Type', type);
    xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = function (e) {
      if (!e.lengthComputable) return;
      bar.hidden = false;
      bar.value = Math.round(100 * e.loaded / e.total);
      say('progress', kb(e.loaded), kb(e.total));
    };
    xhr.upload.onload = function () { say('checking'); };
    xhr.onload = function () {
      bar.hidden = true;
      // A preview, or a step that asks which column is which: that page replaces this one.
      if (xhr.status === 200 || /id="mapping"/.test(xhr.responseText)) {
        document.open(); document.write(xhr.responseText); document.close();
        return;
      }
      // Keep this page and its chosen file; show the server's errors above the form.
      var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
      var found = doc.getElementById('errors') || doc.querySelector('.msg.bad') || doc.querySelector('main');
      errors.textContent = '';
      if (found) errors.appendChild(document.importNode(found, true));
      say('refused');
    };
    xhr.onerror = function () {
      bar.hidden = true;
      say('failed');
    };
    say('size', '', kb(file.size));
    xhr.send(file);
  });
});
