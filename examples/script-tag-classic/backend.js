// A classic script: the API is on the global `Pforte` (deferred scripts run in order);
// pforte-memory.iife.js added `createMemoryAdapter` to it.
(function () {
  'use strict';
  var signup = document.querySelector('pforte-signup');
  signup.adapter = window.Pforte.createMemoryAdapter();
  signup.addEventListener('pforte-complete', function (event) {
    document.body.dataset.registered = event.detail.username;
  });
})();
