/*
 * Relaydesk web form embed script. Put it where the form should appear:
 *
 *   <script src="https://help.example.com/form/embed.js" data-lang="cs" async></script>
 *
 * It inserts an iframe with the form (served from the script's own origin) right after the
 * script tag, and resizes it to the form's height. Height messages are accepted only from the
 * script's origin and from that iframe: another frame on the page cannot resize it.
 * The embedding site must be listed in the web form's allowed origins (frame-ancestors).
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src).origin;
  var lang = script.getAttribute('data-lang');
  var frame = document.createElement('iframe');
  frame.src = origin + '/form' + (lang ? '?lang=' + encodeURIComponent(lang) : '');
  frame.title = script.getAttribute('data-title') || 'Contact form';
  frame.setAttribute('loading', 'lazy');
  frame.style.width = '100%';
  frame.style.border = '0';
  frame.style.minHeight = '480px';
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener('message', function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || data.type !== 'relaydesk:web-form-height') return;
    var height = Number(data.height);
    if (isFinite(height) && height > 0 && height < 20000) frame.style.height = height + 'px';
  });
})();
