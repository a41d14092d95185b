// Arbor: finishes a form_post or web_message authorization response. Served from the issuer's own
// origin so the pages can forbid inline script (CSP script-src names this file only).
(function () {
  'use strict';
  var form = document.getElementById('arbor-form-post');
  if (form) {
    // OAuth 2.0 Form Post Response Mode §2: the browser posts the response to the redirect URI.
    form.submit();
    return;
  }
  var message = document.getElementById('arbor-web-message');
  if (!message) {
    return;
  }
  if (!window.opener || window.opener === window) {
    document.getElementById('arbor-no-opener').hidden = false;
    return;
  }
  var response = {};
  var fields = message.getElementsByTagName('input');
  for (var i = 0; i < fields.length; i++) {
    response[fields[i].name] = fields[i].value;
  }
  // RFC 9700 §4.17: only the registered redirect URI's exact origin may receive it, never "*".
  window.opener.postMessage({ type: 'authorization_response', response: response },
      message.getAttribute('data-origin'));
  window.close();
})();
