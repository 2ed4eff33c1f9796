// A merchant page carries its interface in French and English (one page per merchant, see
// src/layouts/BaseLayout.astro). Loaded before the body is painted, so the other language never shows.
(function () {
  if (new URLSearchParams(location.search).get('lang') !== 'en') return;
  var html = document.documentElement;
  html.lang = 'en';
  html.classList.add('ui-en');
  if (html.dataset.titleEn) document.title = html.dataset.titleEn;
})();
