// Merchant portal (/comercio): "Escanear QR" reads the customer's QR with the phone's camera, puts
// its code in the field and verifies it, as if typed. Progressive enhancement: the button shows only
// where JavaScript, a camera API and a camera exist, and typing always stays. The browser's own
// BarcodeDetector reads the QR where it has one (Chrome on Android); elsewhere (Safari, desktop
// Chromium) the vendored jsQR decoder is loaded on the first scan, never before.
(() => {
  "use strict";
  const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  /**
   * The code in what a QR holds, usually the landing URL ("https://…/r/7KQ2MX9D4P"), as "7KQ2M-X9D4P",
   * or null when it cannot be one. Reads like Codes.normalize on the server: case, dashes and
   * spaces do not matter, O reads 0, I and L read 1.
   */
  function codeFromScan(text) {
    if (typeof text !== "string") return null;
    let s = text.trim();
    const slash = s.lastIndexOf("/r/");
    if (slash >= 0) s = s.substring(slash + 3);
    s = s.split(/[/?#]/)[0];
    let out = "";
    for (let c of s.toUpperCase()) {
      if (c === "-" || c === " ") continue;
      if (c === "O") c = "0";
      if (c === "I" || c === "L") c = "1";
      if (!ALPHABET.includes(c)) return null;
      out += c;
    }
    return out.length === 10 ? out.slice(0, 5) + "-" + out.slice(5) : null;
  }
  window.mostradorCodeFromScan = codeFromScan; // the browser test checks it

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  /** A function that reads the QR in the video's current frame: its text, or null. */
  async function qrReader(video, decoderUrl) {
    if ("BarcodeDetector" in window) {
      try {
        if ((await window.BarcodeDetector.getSupportedFormats()).includes("qr_code")) {
          const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
          return async () => {
            const found = await detector.detect(video);
            return found.length ? found[0].rawValue : null;
          };
        }
      } catch (e) {
        // a BarcodeDetector without QR support: fall through to jsQR
      }
    }
    if (!window.jsQR) await loadScript(decoderUrl);
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true });
    return async () => {
      const w = video.videoWidth;
      const h = video.videoHeight;
      if (!w || !h) return null;
      const scale = Math.min(1, 640 / Math.max(w, h)); // a QR on a phone screen stays readable; a smaller frame decodes faster
      canvas.width = Math.round(w * scale);
      canvas.height = Math.round(h * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const qr = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "attemptBoth" });
      return qr ? qr.data : null;
    };
  }

  function setUp(open) {
    const form = open.closest("form");
    const panel = form.querySelector("[data-scanner]");
    const video = panel.querySelector("video");
    const status = panel.querySelector("[data-scan-status]");
    const input = form.querySelector("input[name=code]");
    const submit = form.querySelector("[data-scan-submit]");
    let stream = null;
    let timer = null;
    let busy = false;

    function stop() {
      if (timer) clearInterval(timer);
      timer = null;
      if (stream) stream.getTracks().forEach((t) => t.stop());
      stream = null;
      video.srcObject = null;
    }

    function close() {
      stop();
      panel.hidden = true;
      open.hidden = false;
      input.focus();
    }

    async function start() {
      open.hidden = true;
      panel.hidden = false;
      status.textContent = panel.dataset.aim;
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false });
        video.srcObject = stream;
        await video.play();
        const read = await qrReader(video, panel.dataset.decoder);
        timer = setInterval(async () => {
          if (busy || !stream) return;
          busy = true;
          try {
            const text = await read();
            if (text === null) return;
            const code = codeFromScan(text);
            if (code === null) {
              status.textContent = panel.dataset.notACode;
              return;
            }
            stop();
            input.value = code;
            if (form.requestSubmit) form.requestSubmit(submit); else submit.click();
          } catch (e) {
            // one unreadable frame: try the next
          } finally {
            busy = false;
          }
        }, 200);
      } catch (e) {
        stop();
        status.textContent = panel.dataset.noCamera;
      }
    }

    open.addEventListener("click", start);
    panel.querySelector("[data-scan-close]").addEventListener("click", close);
    window.addEventListener("pagehide", stop); // never leave the camera on behind another page
    navigator.mediaDevices.enumerateDevices().then((devices) => {
      if (devices.some((d) => d.kind === "videoinput")) open.hidden = false;
    }).catch(() => {});
  }

  document.addEventListener("DOMContentLoaded", () => {
    const open = document.querySelector("[data-scan-open]");
    if (open && navigator.mediaDevices && navigator.mediaDevices.getUserMedia && navigator.mediaDevices.enumerateDevices) setUp(open);
  });
})();
