// A classic script: the API is on the global `Pforte` once `Pforte.ready`
// resolves (deferred scripts run in order); pforte-memory.iife.js adds
// `createMemoryAdapter` to it.
(function () {
  'use strict';
  var signup = document.querySelector('pforte-signup');
  signup.addEventListener('pforte-complete', function (event) {
    document.body.dataset.registered = event.detail.username;
  });
  window.Pforte.ready.then(function (Pforte) {
    signup.adapter = Pforte.createMemoryAdapter();
  });
})();
