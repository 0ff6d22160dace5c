/* Share links: "Zalo: sao chép liên kết" shares through the device's share sheet (Web Share API, which
   offers Zalo on phones) or copies the address; without JavaScript it stays a plain link to the page. */
(function () {
  "use strict";
  var canCopy = Boolean(navigator.clipboard && window.isSecureContext);
  if (!navigator.share && !canCopy) {
    return; // the plain link stays
  }
  document.querySelectorAll("[data-share-url]").forEach(function (link) {
    var status = link.closest(".share") && link.closest(".share").querySelector(".share__status");
    link.setAttribute("role", "button");
    link.addEventListener("click", function (event) {
      var url = link.getAttribute("data-share-url");
      if (navigator.share) {
        event.preventDefault();
        navigator.share({ title: link.getAttribute("data-share-title") || document.title, url: url }).catch(function () {});
      } else if (canCopy) {
        event.preventDefault();
        navigator.clipboard.writeText(url).then(function () {
          if (status) { status.textContent = link.getAttribute("data-done"); }
        });
      }
    });
  });
})();
