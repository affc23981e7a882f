// NewsDesk desk: small progressive enhancements. Every form works without this file.
(() => {
    "use strict";
    const csrf = () => document.querySelector("input[name=__RequestVerificationToken]")?.value ?? "";

    // Ctrl/Cmd+S saves the form that has data-save-shortcut; "/" focuses the search box.
    document.addEventListener("keydown", (e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
            const form = document.querySelector("form[data-save-shortcut]");
            if (form) {
                e.preventDefault();
                const save = form.querySelector("[data-save-button]");
                save ? save.click() : form.requestSubmit();
            }
        } else if (e.key === "/" && !["INPUT", "TEXTAREA", "SELECT"].includes(document.activeElement?.tagName ?? "")) {
            const search = document.querySelector("[data-search]");
            if (search) {
                e.preventDefault();
                search.focus();
                search.select();
            }
        }
    });

    // Destructive buttons ask first.
    document.addEventListener("click", (e) => {
        const button = e.target.closest("[data-confirm]");
        if (button && !window.confirm(button.dataset.confirm)) {
            e.preventDefault();
        }
    });

    // Warn before leaving a story editor with unsaved changes.
    const editor = document.querySelector("form[data-save-shortcut]");
    if (editor) {
        let dirty = false;
        editor.addEventListener("input", () => { dirty = true; });
        editor.addEventListener("submit", () => { dirty = false; });
        window.addEventListener("beforeunload", (e) => {
            if (dirty) {
                e.preventDefault();
            }
        });
    }

    // Markdown preview: rendered by the server with the reading view's renderer, so it matches what readers see.
    const body = document.querySelector("[data-preview-source]");
    const preview = document.querySelector("[data-preview]");
    const panes = document.querySelector("[data-panes]");
    if (body && preview && panes) {
        let timer = 0;
        let last = null;
        const render = async () => {
            if (body.value === last) {
                return;
            }
            last = body.value;
            const data = new FormData();
            data.append("markdown", body.value);
            const response = await fetch(preview.dataset.preview, { method: "POST", body: data, headers: { "X-CSRF-TOKEN": csrf() }, credentials: "same-origin" });
            preview.innerHTML = response.ok ? await response.text() : "<p class=\"muted\">Preview unavailable (" + response.status + ").</p>";
        };
        const setMode = (mode) => {
            document.querySelectorAll("[data-mode]").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.mode === mode)));
            panes.classList.toggle("split", mode === "split");
            body.hidden = mode === "preview";
            preview.hidden = mode === "write";
            if (mode !== "write") {
                render();
            }
        };
        document.querySelectorAll("[data-mode]").forEach((b) => b.addEventListener("click", () => setMode(b.dataset.mode)));
        body.addEventListener("input", () => {
            if (!preview.hidden) {
                clearTimeout(timer);
                timer = setTimeout(render, 350);
            }
        });
        document.addEventListener("keydown", (e) => {
            if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === "p") {
                e.preventDefault();
                setMode(preview.hidden ? "split" : "write");
            }
        });
    }

    // Conflict page: copy one side into the merge field.
    document.addEventListener("click", (e) => {
        const button = e.target.closest("[data-copy-from]");
        if (button) {
            const from = document.getElementById(button.dataset.copyFrom);
            const to = document.getElementById(button.dataset.copyTo);
            if (from && to) {
                to.value = from.value;
                to.dispatchEvent(new Event("input", { bubbles: true }));
            }
        }
    });

    // Re-tag progress: poll while a job is active, reload when it ends.
    const progress = document.querySelector("[data-poll]");
    if (progress) {
        const poll = async () => {
            const response = await fetch(progress.dataset.poll, { credentials: "same-origin" });
            if (!response.ok) {
                return;
            }
            const job = await response.json();
            const bar = progress.querySelector(".progress > span");
            const text = progress.querySelector("[data-progress-text]");
            const pct = job.total > 0 ? Math.round((100 * job.processed) / job.total) : 0;
            if (bar) {
                bar.style.width = pct + "%";
            }
            if (text) {
                text.textContent = `${job.processed.toLocaleString()} of ${job.total.toLocaleString()} articles (${pct}%) · ${job.state}`;
            }
            if (job.active) {
                setTimeout(poll, 1000);
            } else {
                window.location.reload();
            }
        };
        setTimeout(poll, 1000);
    }
})();
