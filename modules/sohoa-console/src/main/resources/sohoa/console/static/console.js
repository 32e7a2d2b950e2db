// Uploads with a progress bar, then follows the job until its document is ready. Without
// scripts the forms still post and the job page refreshes itself. The words it shows come from
// the page (data-say-* attributes, filled from the message catalogue), never from this file.
(function () {
  'use strict';
  var say = function (element, name) {
    var text = element.getAttribute('data-say-' + name) || '';
    for (var i = 2; i < arguments.length; i++) {
      text = text.split('{' + (i - 2) + '}').join(String(arguments[i]));
    }
    return text;
  };
  var form = document.getElementById('upload-form');
  if (form) {
    var drop = document.getElementById('drop');
    var input = document.getElementById('file');
    var bar = document.getElementById('progress');
    var status = document.getElementById('status');
    ['dragenter', 'dragover'].forEach(function (type) {
      drop.addEventListener(type, function (e) { e.preventDefault(); drop.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      drop.addEventListener(type, function (e) { e.preventDefault(); drop.classList.remove('over'); });
    });
    drop.addEventListener('drop', function (e) {
      if (e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        status.textContent = say(form, 'chosen', e.dataTransfer.files[0].name);
      }
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (!input.files.length) {
        status.textContent = say(form, 'none');
        return;
      }
      var request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.setRequestHeader('X-Requested-With', 'fetch');
      bar.hidden = false;
      request.upload.onprogress = function (p) {
        if (p.lengthComputable) {
          bar.value = Math.round(100 * p.loaded / p.total);
          status.textContent = say(form, 'sending', bar.value);
        }
      };
      request.onload = function () {
        if (request.status === 202) {
          window.location = JSON.parse(request.responseText).page;
        } else {
          document.open(); document.write(request.responseText); document.close();
        }
      };
      request.onerror = function () { status.textContent = say(form, 'lost'); };
      request.send(new FormData(form));
      status.textContent = say(form, 'started');
    });
  }
  var back = document.getElementById('back');
  if (back && window.history.length > 1) {
    back.addEventListener('click', function (e) { e.preventDefault(); window.history.back(); });
  }
  var print = document.getElementById('print');
  if (print) {
    print.addEventListener('click', function () { window.print(); });
  }
  var job = document.querySelector('[data-job]');
  if (job) {
    var text = document.getElementById('job-status');
    var progress = document.getElementById('job-progress');
    var poll = function () {
      fetch('/console/jobs/' + job.getAttribute('data-job') + '/status', {credentials: 'same-origin'})
        .then(function (r) { return r.json(); })
        .then(function (s) {
          if (s.pages > 0) {
            progress.value = Math.round(100 * s.pagesDone / s.pages);
          }
          if (s.state === 'finished' && s.document) {
            progress.value = 100;
            text.textContent = say(job, 'done');
            window.location = s.document;
          } else if (s.state === 'failed') {
            text.textContent = '';
            var p = document.createElement('p');
            p.className = 'error'; p.id = 'job-error'; p.setAttribute('role', 'alert');
            p.textContent = say(job, 'failed', s.error, s.fix);
            job.appendChild(p);
          } else {
            text.textContent = s.state === 'queued' ? say(job, 'queued')
              : say(job, 'reading', s.pagesDone, s.pages || '?');
            setTimeout(poll, 1000);
          }
        })
        .catch(function () { setTimeout(poll, 2000); });
    };
    if (!document.getElementById('job-error') && !document.getElementById('open-document')) {
      poll();
    }
  }
}());
