// The page's own behaviour, loaded into <head> of every page (chat and staff).
(() => {
  // Chinese whatever the browser: Gradio picks its locale from navigator.language once, so switch it.
  const LANG = "zh-CN";
  const keepLang = () => {
    if (document.documentElement.lang !== LANG) document.documentElement.lang = LANG;
  };
  keepLang();
  new MutationObserver(keepLang).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
  const core = performance.getEntriesByType("resource").map((entry) => entry.name)
    .find((name) => /\/assets\/core-[^/]+\.js$/.test(name));
  if (core) import(core).then((module) => module.changeLocale?.(LANG)).catch(() => {});

  // Labels Gradio writes in English whatever the locale, and a few of its Chinese ones made plainer.
  const LABELS = {
    "Like": "有帮助", "赞": "有帮助", "Liked": "已标记：有帮助", "Dislike": "回答有误", "踩": "回答有误",
    "Disliked": "已标记：回答有误", "Copy message": "复制这条消息", "Copied message": "已复制",
    "Copy conversation": "复制全部对话", "Copy": "复制", "Copied": "已复制", "Clear": "清空对话（同“新对话”）",
    "Download": "下载", "Share": "分享", "Retry": "重试", "Undo": "撤销", "Edit": "编辑", "Close": "关闭",
    "chatbot conversation": "对话记录", "Loading...": "加载中…", "More tabs": "更多页签",
    "Gradio footer navigation": "页脚导航",
  };
  const PATTERNS = [[/^Select example (\d+): (.*)$/s, "示例问题 $1：$2"]];
  const translated = (value) => LABELS[value] ??
    PATTERNS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), value);
  const relabel = (element) => {
    for (const name of ["aria-label", "title"]) {
      const value = element.getAttribute?.(name);
      const wanted = value && translated(value);
      if (wanted && wanted !== value) element.setAttribute(name, wanted);
    }
  };
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === "attributes") relabel(change.target);
      for (const node of change.addedNodes || []) {
        if (node.nodeType !== 1) continue;
        relabel(node);
        node.querySelectorAll("[aria-label], [title]").forEach(relabel);
      }
    }
  }).observe(document.documentElement, { subtree: true, childList: true, attributes: true,
                                         attributeFilter: ["aria-label", "title"] });

  // The composer: a live count against the limit; sending is disabled while empty or too long.
  const composer = {
    sync() {
      const box = document.querySelector("#question textarea");
      const send = document.querySelector("#send");
      const count = document.querySelector("#counter .count");
      if (!box || !send || !count) return;
      const limit = Number(count.dataset.limit);
      const over = box.value.length > limit;
      const text = over ? `${box.value.length}/${limit}（超出${box.value.length - limit}字）`
                        : `${box.value.length}/${limit}`;
      const blocked = box.value.trim().length === 0 || over;
      // Change the page only when something changed: this also runs on every change of the page.
      if (count.textContent !== text) count.textContent = text;
      if (count.classList.contains("over") !== over) count.classList.toggle("over", over);
      if (send.disabled !== blocked) send.disabled = blocked;
    },
  };
  window.assistantComposer = composer;
  document.addEventListener("input", (event) => {
    if (event.target.closest?.("#question")) composer.sync();
  });
  document.addEventListener("keydown", (event) => {
    const box = event.target.closest?.("#question");
    const send = document.querySelector("#send");
    if (box && event.key === "Enter" && !event.shiftKey && send?.disabled) {
      event.preventDefault();  // an empty or oversize question is not sent with Enter either
      event.stopImmediatePropagation();
    }
  }, true);
  // Gradio re-renders the page (and may re-enable the button) at any time: check again after every change.
  new MutationObserver(() => composer.sync()).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["disabled"] });

  // Copying a message copies what the reader sees (Gradio would copy its HTML): the text, then the clauses cited.
  const plain = (message) => {
    const body = (message.querySelector(".answer-text") ?? message).innerText.trim();
    const cited = [...message.querySelectorAll(".cite-chip")].map((chip) => `${chip.textContent}「${chip.title}」`);
    return cited.length ? `${body}\n依据：\n${cited.join("\n")}` : body;
  };
  document.addEventListener("click", (event) => {
    const button = event.target.closest?.(".message-buttons button");
    if (!button || !/^(复制|Copy)/.test(button.getAttribute("aria-label") || "")) return;
    let group = button.closest(".message-buttons").previousElementSibling;
    while (group && !group.querySelector('[data-testid="bot"], [data-testid="user"]')) {
      group = group.previousElementSibling;
    }
    const messages = [...(group?.querySelectorAll('[data-testid="bot"], [data-testid="user"]') ?? [])];
    if (!messages.length) return;
    const text = messages.map(plain).join("\n\n");
    setTimeout(() => navigator.clipboard?.writeText(text).catch(() => {}), 50);  // after Gradio's own copy
  });

  // Buttons inside answers that open a tab ("去申报书起草").
  document.addEventListener("click", (event) => {
    const go = event.target.closest?.(".goto-tab");
    if (!go) return;
    const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent.trim() === go.value);
    tab?.click();
    tab?.scrollIntoView({ block: "start", behavior: "smooth" });
  });
})();
