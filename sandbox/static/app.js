// The sandbox chat page: renders one persona's chat with the bot from the emulator's control
// API and its live event stream, and acts as that persona (send, tap, upload).
// Plain browser JavaScript, no build step. Everything the bot says arrives as data (text plus
// entities) and is rendered with DOM nodes, never as HTML, so nothing the bot sends can inject
// markup into the page.
"use strict";

const LABELS = {
  en: {
    skip: "Skip to the message box",
    subtitle: "bot · offline sandbox",
    personas: "Persona",
    note: "Offline sandbox: the bot talks to an emulated Telegram on this computer. " +
      "Switch between people above; each has their own chat.",
    role_owner_ko: "SME owner · 한국어",
    role_owner_en: "SME owner · English",
    role_admin: "Administrator",
    role_new: "New person",
    new_hint: "a new user each time",
    panel: "API calls",
    panelTitle: "Bot API calls",
    panelIntro: "Every request the bot made to the emulated Telegram, newest first. Calls " +
      "Telegram would refuse are marked in red. Open one to see its parameters.",
    hidePolling: "Hide getUpdates (long polling)",
    onlyRejected: "Only rejected calls",
    noCalls: "No calls to show yet.",
    close: "Close",
    rejected: (n) => `${n} rejected`,
    message: "Message",
    composerHelp: "Enter sends, Shift+Enter starts a new line. Type / for the bot's commands.",
    send: "Send",
    attach: "Attach a file or photo",
    menu: "Menu",
    commands: "Commands",
    start: "Start",
    emptyTitle: "What can this bot do?",
    conversation: (name) => `Conversation with Sotong, as ${name}`,
    you: "You",
    bot: "Sotong",
    edited: "edited",
    buttons: "Buttons",
    replyKeyboard: "Reply keyboard",
    spoiler: "Spoiler: press to reveal",
    photo: "Photo",
    sticker: "Sticker",
    document: "File",
    connected: "bot · offline sandbox",
    connecting: "connecting…",
    disconnected: "connection lost, retrying…",
    stopped: "The sandbox has stopped. Start it again with: python -m bot sandbox",
    sendFailed: "Could not send",
    uploadFailed: "Could not upload the file",
    ok: "OK",
    otherLanguage: "한국어",
    otherLanguageLabel: "한국어 (page labels in Korean)",
    otherLanguageCode: "ko",
    unread: "new messages",
    showCall: "parameters",
    injected: "injected fault",
  },
  ko: {
    skip: "메시지 입력란으로 건너뛰기",
    subtitle: "봇 · 오프라인 샌드박스",
    personas: "사용자 선택",
    note: "오프라인 샌드박스: 봇이 이 컴퓨터 안의 가상 텔레그램과 대화합니다. " +
      "위에서 사용자를 바꿀 수 있고, 사용자마다 대화방이 따로 있습니다.",
    role_owner_ko: "중소기업 대표 · 한국어",
    role_owner_en: "중소기업 대표 · English",
    role_admin: "관리자",
    role_new: "새 사용자",
    new_hint: "누를 때마다 새 사용자",
    panel: "API 호출",
    panelTitle: "Bot API 호출 기록",
    panelIntro: "봇이 가상 텔레그램에 보낸 요청입니다(최신순). 실제 텔레그램이 거부할 호출은 " +
      "빨간색으로 표시됩니다. 항목을 열면 파라미터를 볼 수 있습니다.",
    hidePolling: "getUpdates(롱 폴링) 숨기기",
    onlyRejected: "거부된 호출만",
    noCalls: "아직 표시할 호출이 없습니다.",
    close: "닫기",
    rejected: (n) => `${n}건 거부됨`,
    message: "메시지",
    composerHelp: "Enter로 보내고 Shift+Enter로 줄을 바꿉니다. /를 입력하면 봇 명령어가 나옵니다.",
    send: "보내기",
    attach: "파일·사진 첨부",
    menu: "메뉴",
    commands: "명령어",
    start: "시작",
    emptyTitle: "이 봇은 무엇을 하나요?",
    conversation: (name) => `Sotong과 나누는 대화 · ${name}`,
    you: "나",
    bot: "Sotong",
    edited: "수정됨",
    buttons: "버튼",
    replyKeyboard: "답장 키보드",
    spoiler: "스포일러: 눌러서 보기",
    photo: "사진",
    sticker: "스티커",
    document: "파일",
    connected: "봇 · 오프라인 샌드박스",
    connecting: "연결하는 중…",
    disconnected: "연결이 끊겼습니다. 다시 연결하는 중…",
    stopped: "샌드박스가 멈췄습니다. 다시 시작하려면: python -m bot sandbox",
    sendFailed: "보내지 못했습니다",
    uploadFailed: "파일을 올리지 못했습니다",
    ok: "확인",
    otherLanguage: "English",
    otherLanguageLabel: "English (화면 글자를 영어로)",
    otherLanguageCode: "en",
    unread: "새 메시지",
    showCall: "파라미터",
    injected: "일부러 넣은 장애",
  },
};

const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:", "tel:"]);
const PHOTO_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/gif"]);
const MAX_CALLS = 400;

const state = {
  lang: "en",
  personas: [],
  newPerson: null,
  current: null,
  messages: new Map(),
  deleted: new Set(),
  commands: [],
  unread: new Set(),
  calls: [],
  rejected: 0,
  socket: null,
  retry: 0,
  activeSuggestion: -1,
  keyboardShown: true,
  refreshTimer: null,
  // The bot's zone (from the server): bubble times must agree with the times in its texts.
  timeZone: "UTC",
  // After a tap, the next answer from the bot takes the focus (see `followTap`).
  tapFocus: null,
};

// How long after a tap the bot's answer may still move the focus to itself.
const TAP_FOCUS_MS = 5000;

const $ = (id) => document.getElementById(id);
const t = (key, ...args) => {
  const value = LABELS[state.lang][key];
  return typeof value === "function" ? value(...args) : value;
};

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "className") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

async function api(method, path, body) {
  const options = { method, headers: {} };
  if (body instanceof FormData) options.body = body;
  else if (body !== undefined) {
    options.body = JSON.stringify(body);
    options.headers["Content-Type"] = "application/json";
  }
  const response = await fetch(path, options);
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error || `${response.status} ${response.statusText}`);
  return data;
}

// ------------------------------------------------------------------------- language & labels

function applyLabels() {
  document.documentElement.lang = state.lang;
  document.title = state.lang === "ko" ? "Sotong 샌드박스" : "Sotong sandbox";
  for (const node of document.querySelectorAll("[data-label]")) {
    node.textContent = t(node.dataset.label);
  }
  $("personas").setAttribute("aria-label", t("personas"));
  $("composer-input").placeholder = t("message");
  $("send-button").setAttribute("aria-label", t("send"));
  $("attach-button").setAttribute("aria-label", t("attach"));
  $("keyboard-toggle").setAttribute("aria-label", t("replyKeyboard"));
  $("reply-keyboard").setAttribute("aria-label", t("replyKeyboard"));
  $("suggestions").setAttribute("aria-label", t("commands"));
  const toggle = $("lang-toggle");
  toggle.textContent = t("otherLanguage");
  toggle.lang = t("otherLanguageCode");
  toggle.setAttribute("aria-label", t("otherLanguageLabel"));
  updateRejectedBadge();
  renderPersonas();
  if (state.current) {
    $("chat-title").textContent = t("conversation", displayName(state.current));
    renderAllMessages();
  }
  renderCalls();
}

function chooseLanguage(lang) {
  state.lang = lang;
  try {
    localStorage.setItem("sotong-sandbox-lang", lang);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this page only.
  }
  applyLabels();
}

// ----------------------------------------------------------------------------------- personas

function displayName(persona) {
  return [persona.first_name, persona.last_name].filter(Boolean).join(" ");
}

function personaLabel(persona) {
  if (persona.role === "owner") return t(`role_owner_${persona.language_code}`) || t("role_new");
  return t(`role_${persona.role}`);
}

function renderPersonas() {
  const nav = $("personas");
  nav.replaceChildren();
  const entries = [...state.personas, { key: "new", role: "new" }];
  for (const persona of entries) {
    const isNew = persona.key === "new";
    const shown = isNew ? state.newPerson : persona;
    const selected = state.current !== null && shown !== null && state.current.id === shown.id;
    const unread = shown !== null && state.unread.has(shown.id);
    const who = isNew ? (shown ? displayName(shown) : t("new_hint")) : displayName(persona);
    const button = el(
      "button",
      {
        type: "button",
        className: "persona",
        "aria-pressed": selected ? "true" : "false",
        "data-persona": persona.key,
        onclick: () => (isNew ? switchToNewPerson() : switchTo(persona)),
      },
      el("span", { className: "persona-role", text: personaLabel(persona) }),
      el("span", { className: "persona-name", text: who }),
      unread ? el("span", { className: "unread-dot", text: "●", "aria-hidden": "true" }) : null,
      unread ? el("span", { className: "visually-hidden", text: `(${t("unread")})` }) : null,
    );
    nav.append(button);
  }
}

async function switchToNewPerson() {
  try {
    state.newPerson = await api("POST", "/_sandbox/personas/new", { language_code: state.lang });
    await switchTo(state.newPerson);
  } catch (error) {
    showToast(`${t("sendFailed")}: ${error.message}`);
  }
}

async function switchTo(persona) {
  state.current = persona;
  state.unread.delete(persona.id);
  state.messages = new Map();
  state.deleted = new Set();
  delete document.body.dataset.chat;
  state.commands = [];
  closeSuggestions();
  try {
    sessionStorage.setItem("sotong-sandbox-persona", persona.key);
  } catch {
    // Without session storage a reload simply starts with the first persona.
  }
  $("chat-title").textContent = t("conversation", displayName(persona));
  renderPersonas();
  await loadChat();
}

async function loadChat() {
  const persona = state.current;
  const log = $("log");
  log.setAttribute("aria-busy", "true");
  const { messages } = await api("GET", `/_control/chats/${persona.id}/transcript`);
  if (state.current !== persona) return;
  await refreshUser();
  if (state.current !== persona) return;
  // Events that arrived while the transcript loaded are newer than it: they win.
  for (const message of messages) {
    const known = state.messages.has(message.message_id) || state.deleted.has(message.message_id);
    if (!message.deleted && !known) state.messages.set(message.message_id, message);
  }
  renderAllMessages();
  log.removeAttribute("aria-busy");
  scrollToBottom(true);
  document.body.dataset.chat = persona.key;
}

async function refreshUser() {
  const persona = state.current;
  if (!persona) return;
  const user = await api("GET", `/_control/users/${persona.id}`);
  if (state.current !== persona) return;
  state.commands = user.commands || [];
  $("bot-description").textContent = user.description || "";
  renderReplyKeyboard(user.reply_keyboard);
  updateComposerMode();
}

function scheduleRefresh() {
  clearTimeout(state.refreshTimer);
  state.refreshTimer = setTimeout(() => refreshUser().catch(() => {}), 120);
}

// ------------------------------------------------------------------------------- formatting

function safeUrl(raw) {
  try {
    const url = new URL(raw, window.location.href);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function link(href, content) {
  const url = safeUrl(href);
  if (url === null) return el("span", { className: "link-unsafe" });
  const external = url.startsWith("http");
  return el("a", {
    href: url,
    target: external ? "_blank" : undefined,
    rel: external ? "noopener noreferrer" : undefined,
    title: external && url !== content ? url : undefined,
  });
}

function spoiler() {
  const node = el("span", {
    className: "spoiler",
    role: "button",
    tabindex: "0",
    "aria-label": t("spoiler"),
  });
  const reveal = () => {
    node.classList.add("revealed");
    node.removeAttribute("role");
    node.removeAttribute("tabindex");
    node.removeAttribute("aria-label");
  };
  node.addEventListener("click", reveal);
  node.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      reveal();
    }
  });
  return node;
}

// One element per entity type; `inner` is where nested entities and the text go.
function entityElement(entity, content) {
  switch (entity.type) {
    case "bold": return el("strong");
    case "italic": return el("em");
    case "underline": return el("u");
    case "strikethrough": return el("s");
    case "spoiler": return spoiler();
    case "code": return el("code");
    case "pre": {
      const code = el("code", { "data-language": entity.language });
      return { outer: el("pre", {}, code), inner: code };
    }
    case "blockquote": return el("blockquote");
    case "expandable_blockquote": return el("blockquote", { className: "expandable" });
    case "text_link": return link(entity.url, content);
    case "url": return link(/^[a-z][a-z0-9+.-]*:/i.test(content) ? content : `http://${content}`, content);
    case "email": return link(`mailto:${content}`, content);
    case "phone_number": return link(`tel:${content.replace(/[^+\d]/g, "")}`, content);
    case "bot_command":
      return el("button", {
        type: "button",
        className: "inline-command",
        onclick: () => sendText(content.split("@")[0]),
      });
    default: return el("span", { className: `entity-${entity.type}` });
  }
}

// Telegram makes /commands in a bot's text tappable; do the same for the bot's known commands.
function appendPlain(parent, text) {
  const known = new Set(state.commands.map((command) => command.command));
  const pattern = /(^|[\s(])\/([a-z][a-z0-9_]{0,31})(?![\w/])/g;
  let position = 0;
  for (const match of text.matchAll(pattern)) {
    if (!known.has(match[2])) continue;
    const start = match.index + match[1].length;
    parent.append(text.slice(position, start));
    const command = `/${match[2]}`;
    parent.append(
      el("button", { type: "button", className: "inline-command", text: command, onclick: () => sendText(command) }),
    );
    position = start + command.length;
  }
  parent.append(text.slice(position));
}

const VERBATIM = new Set(["bot_command", "url", "text_link", "email", "phone_number", "code", "pre"]);

// `commands`: whether plain text may turn /commands into buttons (not inside links or code).
function renderRange(parent, text, entities, start, end, commands) {
  let position = start;
  let index = 0;
  while (index < entities.length) {
    const entity = entities[index];
    const entityStart = Math.max(entity.offset, position);
    const entityEnd = Math.min(entity.offset + entity.length, end);
    let next = index + 1;
    const nested = [];
    while (next < entities.length && entities[next].offset < entity.offset + entity.length) {
      nested.push(entities[next]);
      next += 1;
    }
    if (entityStart > position) appendText(parent, text.slice(position, entityStart), commands);
    if (entityEnd > entityStart) {
      const made = entityElement(entity, text.slice(entityStart, entityEnd));
      const outer = made.outer || made;
      const inner = made.inner || made;
      renderRange(inner, text, nested, entityStart, entityEnd, commands && !VERBATIM.has(entity.type));
      parent.append(outer);
      position = entityEnd;
    }
    index = next;
  }
  if (position < end) appendText(parent, text.slice(position, end), commands);
}

function appendText(parent, text, commands) {
  if (commands) appendPlain(parent, text);
  else parent.append(text);
}

// Entity offsets count UTF-16 code units, exactly like JavaScript string indices.
function formatted(text, entities) {
  const fragment = document.createDocumentFragment();
  const sorted = [...(entities || [])].sort((a, b) => a.offset - b.offset || b.length - a.length);
  renderRange(fragment, text || "", sorted, 0, (text || "").length, true);
  return fragment;
}

// ---------------------------------------------------------------------------------- messages

function locale() {
  return state.lang === "ko" ? "ko-KR" : "en-GB";
}

function formatTime(seconds) {
  return new Date(seconds * 1000).toLocaleTimeString(locale(), {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: state.timeZone,
  });
}

function formatDay(seconds) {
  return new Date(seconds * 1000).toLocaleDateString(locale(), {
    weekday: "short",
    day: "numeric",
    month: "long",
    timeZone: state.timeZone,
  });
}

function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function attachmentNode(attachment) {
  const url = `/_control/files/${encodeURIComponent(attachment.file_id)}`;
  if (attachment.kind === "photo") {
    return el(
      "a",
      { className: "photo", href: url, target: "_blank", rel: "noopener" },
      el("img", {
        src: url,
        alt: t("photo"),
        loading: "lazy",
        width: attachment.width || undefined,
        height: attachment.height || undefined,
      }),
    );
  }
  if (attachment.kind === "sticker") {
    return el("span", { className: "sticker", role: "img", "aria-label": t("sticker") }, attachment.emoji || "🖼");
  }
  const name = attachment.file_name || t("document");
  return el(
    "a",
    { className: "document", href: url, download: name },
    el("span", { className: "document-icon", "aria-hidden": "true" }, "📄"),
    el(
      "span",
      { className: "document-text" },
      el("span", { className: "document-name", text: name }),
      el("span", { className: "document-size", text: formatSize(attachment.file_size || 0) }),
    ),
  );
}

function inlineKeyboard(message) {
  if (!message.inline_keyboard || message.inline_keyboard.length === 0) return null;
  const group = el("div", { className: "inline-keyboard", role: "group", "aria-label": t("buttons") });
  for (const row of message.inline_keyboard) {
    const line = el("div", { className: "keyboard-row" });
    for (const button of row) {
      if (button.url) {
        const anchor = link(button.url, button.text);
        anchor.classList.add("inline-button", "url-button");
        anchor.textContent = button.text;
        line.append(anchor);
      } else if (button.callback_data !== undefined) {
        line.append(
          el("button", {
            type: "button",
            className: "inline-button",
            text: button.text,
            onclick: (event) => tap(message, button, event.currentTarget),
          }),
        );
      } else {
        line.append(el("button", { type: "button", className: "inline-button", text: button.text, disabled: true }));
      }
    }
    group.append(line);
  }
  return group;
}

function messageNode(message) {
  const fromBot = message.sender === "bot";
  const bubble = el("div", { className: "bubble" });
  bubble.append(el("span", { className: "visually-hidden", text: `${fromBot ? t("bot") : t("you")}: ` }));
  if (message.attachment) bubble.append(attachmentNode(message.attachment));
  const text = message.text !== null ? message.text : message.caption;
  const entities = message.text !== null ? message.entities : message.caption_entities;
  if (text) {
    const body = el("div", { className: "text" });
    body.append(formatted(text, entities));
    bubble.append(body);
  }
  const stamp = message.edit_date || message.date;
  bubble.append(
    el(
      "span",
      { className: "meta" },
      message.edited ? el("span", { className: "edited", text: t("edited") }) : null,
      el("time", { datetime: new Date(stamp * 1000).toISOString(), text: formatTime(message.date) }),
    ),
  );
  return el(
    "li",
    {
      className: `message ${fromBot ? "from-bot" : "from-user"}${message.attachment ? ` has-${message.attachment.kind}` : ""}`,
      id: `message-${message.message_id}`,
      "data-message-id": String(message.message_id),
    },
    bubble,
    inlineKeyboard(message),
  );
}

function dayNode(seconds) {
  return el("li", { className: "day", "aria-hidden": "true" }, el("span", { text: formatDay(seconds) }));
}

// The calendar day in the bot's zone, as YYYY-MM-DD.
function dayKey(seconds) {
  return new Date(seconds * 1000).toLocaleDateString("en-CA", { timeZone: state.timeZone });
}

function renderAllMessages() {
  const list = $("messages");
  list.replaceChildren();
  let day = null;
  for (const message of [...state.messages.values()].sort((a, b) => a.message_id - b.message_id)) {
    if (dayKey(message.date) !== day) {
      day = dayKey(message.date);
      list.append(dayNode(message.date));
    }
    list.append(messageNode(message));
  }
  updateComposerMode();
}

function upsertMessage(message) {
  const list = $("messages");
  const existing = document.getElementById(`message-${message.message_id}`);
  if (message.deleted) {
    state.messages.delete(message.message_id);
    state.deleted.add(message.message_id);
    if (existing) existing.remove();
    updateComposerMode();
    return;
  }
  state.messages.set(message.message_id, message);
  const node = messageNode(message);
  const nearBottom = isNearBottom();
  const last = [...list.querySelectorAll(".message")].at(-1);
  if (existing) {
    const focused = existing.contains(document.activeElement);
    existing.replaceWith(node);
    // An edit can grow a message: the newest one stays wholly in view, buttons included.
    if (existing === last) scrollToBottom(true);
    else if (focused) keepInView(node);
    followTap(node);
    return;
  }
  const lastDate = last ? state.messages.get(Number(last.dataset.messageId))?.date : null;
  if (!lastDate || dayKey(lastDate) !== dayKey(message.date)) list.append(dayNode(message.date));
  list.append(node);
  updateComposerMode();
  scrollToBottom(nearBottom || message.sender === "user");
  followTap(node);
}

// After a tap the bot's answer takes the focus: its first button, or else the message box;
// never a link or a /command inside older text, where Enter would act by accident.
function followTap(node) {
  const pending = state.tapFocus;
  if (!pending || Date.now() > pending.until || node.classList.contains("from-user")) return;
  const button = node.querySelector(".inline-button:not(:disabled)");
  if (button) {
    button.focus({ preventScroll: true });
    state.tapFocus = null;
  } else {
    $("composer-input").focus({ preventScroll: true });
  }
}

function keepInView(node) {
  requestAnimationFrame(() => node.scrollIntoView({ block: "nearest" }));
}

function isNearBottom() {
  const scroller = $("scroller");
  return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 120;
}

function scrollToBottom(force) {
  if (!force) return;
  const scroller = $("scroller");
  requestAnimationFrame(() => {
    scroller.scrollTop = scroller.scrollHeight;
  });
}

// An empty chat shows the bot's description and Telegram's big Start button.
function updateComposerMode() {
  const empty = state.current !== null && state.messages.size === 0;
  const start = $("start-button");
  const pressedStart = !empty && !start.hidden && document.activeElement === start;
  $("empty-state").hidden = !empty;
  start.hidden = !empty;
  $("composer").hidden = empty;
  if (empty) $("reply-keyboard").hidden = true;
  // Start disappears once the chat has begun: keep keyboard users in the message box.
  if (pressedStart) $("composer-input").focus();
}

// ------------------------------------------------------------------------------ user actions

async function sendText(text) {
  const persona = state.current;
  if (!persona || !text.trim()) return;
  try {
    await api("POST", `/_control/users/${persona.id}/messages`, { text });
  } catch (error) {
    showToast(`${t("sendFailed")}: ${error.message}`);
  }
}

async function tap(message, button, node) {
  state.tapFocus = { until: Date.now() + TAP_FOCUS_MS };
  node.classList.add("pending");
  node.setAttribute("aria-busy", "true");
  try {
    await api("POST", `/_control/users/${state.current.id}/taps`, {
      callback_data: button.callback_data,
      message_id: message.message_id,
    });
  } catch (error) {
    node.classList.remove("pending");
    node.removeAttribute("aria-busy");
    showToast(`${t("sendFailed")}: ${error.message}`);
  }
}

async function upload(file) {
  const persona = state.current;
  if (!persona || !file) return;
  const input = $("composer-input");
  const form = new FormData();
  form.append("file", file, file.name);
  const caption = input.value.trim();
  if (caption) form.append("caption", caption);
  const asPhoto = PHOTO_TYPES.has(file.type);
  if (!asPhoto && file.type) form.append("mime_type", file.type);
  try {
    await api("POST", `/_control/users/${persona.id}/${asPhoto ? "photos" : "documents"}`, form);
    input.value = "";
    autoGrow();
  } catch (error) {
    showToast(`${t("uploadFailed")}: ${error.message}`);
  }
}

function submitComposer() {
  const input = $("composer-input");
  const active = activeSuggestion();
  const text = active ? `/${active.command}` : input.value;
  if (!text.trim()) return;
  input.value = "";
  autoGrow();
  closeSuggestions();
  sendText(text);
}

function autoGrow() {
  const input = $("composer-input");
  input.style.height = "auto";
  input.style.height = `${Math.min(input.scrollHeight, 160)}px`;
}

// ------------------------------------------------------------------------ command suggestions

function matchingCommands() {
  const value = $("composer-input").value;
  if (!/^\/\S*$/.test(value)) return [];
  const typed = value.slice(1).toLowerCase();
  return state.commands.filter((command) => command.command.startsWith(typed));
}

function activeSuggestion() {
  if ($("suggestions").hidden || state.activeSuggestion < 0) return null;
  return matchingCommands()[state.activeSuggestion] || null;
}

function renderSuggestions() {
  const list = $("suggestions");
  const input = $("composer-input");
  const commands = matchingCommands();
  list.replaceChildren();
  if (commands.length === 0) {
    closeSuggestions();
    return;
  }
  if (state.activeSuggestion >= commands.length) state.activeSuggestion = commands.length - 1;
  commands.forEach((command, index) => {
    const active = index === state.activeSuggestion;
    list.append(
      el(
        "li",
        {
          id: `suggestion-${index}`,
          role: "option",
          className: active ? "active" : undefined,
          "aria-selected": active ? "true" : "false",
          onmousedown: (event) => event.preventDefault(),
          // Pointing only moves the highlight: re-rendering or scrolling here would pull the
          // list away from under the pointer.
          onmousemove: () => highlightSuggestion(index),
          onclick: () => {
            input.value = "";
            closeSuggestions();
            sendText(`/${command.command}`);
            input.focus();
          },
        },
        el("span", { className: "suggestion-command", text: `/${command.command}` }),
        el("span", { className: "suggestion-description", text: command.description }),
      ),
    );
  });
  list.hidden = false;
  input.setAttribute("aria-expanded", "true");
  $("menu-button").setAttribute("aria-expanded", "true");
  if (state.activeSuggestion >= 0) {
    input.setAttribute("aria-activedescendant", `suggestion-${state.activeSuggestion}`);
    document.getElementById(`suggestion-${state.activeSuggestion}`)?.scrollIntoView({ block: "nearest" });
  } else {
    input.removeAttribute("aria-activedescendant");
  }
}

function highlightSuggestion(index) {
  if (state.activeSuggestion === index) return;
  state.activeSuggestion = index;
  for (const item of $("suggestions").children) {
    const active = item.id === `suggestion-${index}`;
    item.classList.toggle("active", active);
    item.setAttribute("aria-selected", active ? "true" : "false");
  }
  $("composer-input").setAttribute("aria-activedescendant", `suggestion-${index}`);
}

function closeSuggestions() {
  state.activeSuggestion = -1;
  $("suggestions").hidden = true;
  $("composer-input").setAttribute("aria-expanded", "false");
  $("composer-input").removeAttribute("aria-activedescendant");
  $("menu-button").setAttribute("aria-expanded", "false");
}

function onComposerKey(event) {
  const open = !$("suggestions").hidden;
  if (event.key === "ArrowDown" && open) {
    event.preventDefault();
    state.activeSuggestion = (state.activeSuggestion + 1) % matchingCommands().length;
    renderSuggestions();
  } else if (event.key === "ArrowUp" && open) {
    event.preventDefault();
    const count = matchingCommands().length;
    state.activeSuggestion = (state.activeSuggestion - 1 + count) % count;
    renderSuggestions();
  } else if (event.key === "Escape" && open) {
    event.preventDefault();
    closeSuggestions();
  } else if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    submitComposer();
  }
}

// ---------------------------------------------------------------------------- reply keyboard

function renderReplyKeyboard(rows) {
  const box = $("reply-keyboard");
  const toggle = $("keyboard-toggle");
  box.replaceChildren();
  if (!rows || rows.length === 0) {
    box.hidden = true;
    toggle.hidden = true;
    return;
  }
  for (const row of rows) {
    const line = el("div", { className: "keyboard-row" });
    for (const text of row) {
      line.append(el("button", { type: "button", className: "reply-button", text, onclick: () => sendText(text) }));
    }
    box.append(line);
  }
  toggle.hidden = false;
  box.hidden = !state.keyboardShown;
  toggle.setAttribute("aria-expanded", state.keyboardShown ? "true" : "false");
}

// ------------------------------------------------------------------------ toasts and alerts

let toastTimer = null;

function showToast(text) {
  const toast = $("toast");
  toast.textContent = text;
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    toast.hidden = true;
  }, 4000);
}

function showAlert(text) {
  const dialog = $("alert-dialog");
  $("alert-text").textContent = text;
  if (!dialog.open) dialog.showModal();
}

function clearPendingButtons() {
  for (const node of document.querySelectorAll(".inline-button.pending")) {
    node.classList.remove("pending");
    node.removeAttribute("aria-busy");
  }
}

// -------------------------------------------------------------------------- API call panel

function isRejected(call) {
  return !call.injected && call.status !== 200 && call.status !== 499;
}

function addCall(call) {
  state.calls.push(call);
  if (state.calls.length > MAX_CALLS) state.calls.splice(0, state.calls.length - MAX_CALLS);
  if (isRejected(call)) state.rejected += 1;
  updateRejectedBadge();
  if (!$("api-panel").hidden) renderCalls();
}

function updateRejectedBadge() {
  const badge = $("rejected-badge");
  badge.hidden = state.rejected === 0;
  badge.textContent = t("rejected", state.rejected);
}

function callNode(call) {
  const rejected = isRejected(call);
  const details = el("details", {
    ontoggle: async (event) => {
      const box = event.currentTarget;
      if (!box.open || box.dataset.loaded) return;
      box.dataset.loaded = "1";
      const { calls } = await api("GET", `/_control/calls?since=${call.seq - 1}`);
      const full = calls.find((item) => item.seq === call.seq);
      const shown = full ? { params: full.params, result: full.result, description: full.description } : {};
      box.append(el("pre", { className: "call-params", text: JSON.stringify(shown, null, 2) }));
    },
  });
  details.append(
    el(
      "summary",
      {},
      el("span", { className: "call-seq", text: `#${call.seq}` }),
      el("code", { className: "call-method", text: call.method }),
      el("span", { className: "call-status", text: String(call.status) }),
      call.chat_id ? el("span", { className: "call-chat", text: `chat ${call.chat_id}` }) : null,
      call.injected ? el("span", { className: "call-injected", text: t("injected") }) : null,
      call.description ? el("span", { className: "call-description", text: call.description }) : null,
    ),
  );
  return el("li", { className: `call${rejected ? " rejected" : ""}` }, details);
}

function renderCalls() {
  const list = $("calls");
  if ($("api-panel").hidden) return;
  const hidePolling = $("hide-polling").checked;
  const onlyRejected = $("only-rejected").checked;
  const shown = state.calls
    .filter((call) => !(hidePolling && call.method === "getUpdates" && call.ok))
    .filter((call) => !onlyRejected || isRejected(call))
    .slice(-150)
    .reverse();
  list.replaceChildren(...shown.map(callNode));
  $("calls-empty").hidden = shown.length > 0;
}

function togglePanel(open) {
  const panel = $("api-panel");
  const toggle = $("panel-toggle");
  panel.hidden = !open;
  toggle.setAttribute("aria-expanded", open ? "true" : "false");
  document.body.classList.toggle("panel-open", open);
  if (open) {
    renderCalls();
    $("panel-close").focus();
  } else {
    toggle.focus();
  }
}

async function loadCalls() {
  const { calls } = await api("GET", "/_control/calls");
  state.calls = [];
  state.rejected = 0;
  for (const call of calls) {
    addCall({
      seq: call.seq,
      method: call.method,
      ok: call.ok,
      status: call.status,
      description: call.description,
      injected: call.injected,
      chat_id: call.params?.chat_id ?? null,
    });
  }
}

// --------------------------------------------------------------------------- event stream

function setConnection(key) {
  const line = $("connection");
  line.dataset.label = key === "connected" ? "subtitle" : key;
  line.textContent = t(key);
  line.classList.toggle("problem", key !== "connected");
}

function onEvent(event) {
  const current = state.current;
  switch (event.type) {
    case "message.created":
    case "message.edited":
    case "message.deleted": {
      const message = event.message;
      if (current && message.chat_id === current.id) {
        upsertMessage(message);
        if (message.sender === "bot") {
          clearPendingButtons();
          scheduleRefresh();
        }
      } else if (message.sender === "bot" && event.type === "message.created") {
        const known = [...state.personas, state.newPerson].some((p) => p && p.id === message.chat_id);
        if (known) {
          state.unread.add(message.chat_id);
          renderPersonas();
        }
      }
      break;
    }
    case "callback.answered":
      if (current && event.chat_id === current.id) {
        clearPendingButtons();
        if (event.text && event.show_alert) showAlert(event.text);
        else if (event.text) showToast(event.text);
      }
      break;
    case "api.call":
      addCall(event);
      if (current && (event.method === "setMyCommands" || event.method === "deleteMyCommands")) scheduleRefresh();
      break;
    default:
      break;
  }
}

function connect() {
  const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  const socket = new WebSocket(`${scheme}//${window.location.host}/_control/events`);
  state.socket = socket;
  socket.addEventListener("open", async () => {
    const reconnected = state.retry > 0;
    state.retry = 0;
    setConnection("connected");
    document.body.dataset.live = "true";
    if (reconnected) {
      await loadCalls().catch(() => {});
      if (state.current) await switchTo(state.current).catch(() => {});
    }
  });
  socket.addEventListener("message", (message) => {
    try {
      onEvent(JSON.parse(message.data));
    } catch (error) {
      console.error("sandbox event", error);
    }
  });
  socket.addEventListener("close", () => {
    document.body.dataset.live = "false";
    state.retry += 1;
    setConnection(state.retry > 5 ? "stopped" : "disconnected");
    setTimeout(connect, Math.min(500 * state.retry, 5000));
  });
}

// ------------------------------------------------------------------------------------ start

function wire() {
  const input = $("composer-input");
  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    submitComposer();
  });
  input.addEventListener("keydown", onComposerKey);
  input.addEventListener("input", () => {
    autoGrow();
    state.tapFocus = null; // typing: the bot's next buttons must not take the focus away
    // Like Telegram, the best match is highlighted as one types, so Enter picks it.
    state.activeSuggestion = 0;
    renderSuggestions();
  });
  // Close a moment after leaving the box (a click on a suggestion lands first), unless focus
  // came back meanwhile: a stale close would drop the suggestion the person is choosing.
  input.addEventListener("blur", () =>
    setTimeout(() => {
      if (document.activeElement !== input) closeSuggestions();
    }, 150),
  );
  $("menu-button").addEventListener("click", () => {
    if (!$("suggestions").hidden) {
      closeSuggestions();
      return;
    }
    input.value = "/";
    input.focus();
    state.activeSuggestion = 0;
    renderSuggestions();
  });
  $("attach-button").addEventListener("click", () => $("file-input").click());
  $("file-input").addEventListener("change", async (event) => {
    const [file] = event.target.files;
    await upload(file);
    event.target.value = "";
    input.focus();
  });
  $("start-button").addEventListener("click", () => sendText("/start"));
  $("keyboard-toggle").addEventListener("click", () => {
    state.keyboardShown = !state.keyboardShown;
    $("reply-keyboard").hidden = !state.keyboardShown;
    $("keyboard-toggle").setAttribute("aria-expanded", state.keyboardShown ? "true" : "false");
  });
  $("panel-toggle").addEventListener("click", () => togglePanel($("api-panel").hidden));
  $("panel-close").addEventListener("click", () => togglePanel(false));
  $("api-panel").addEventListener("keydown", (event) => {
    if (event.key === "Escape") togglePanel(false);
  });
  $("hide-polling").addEventListener("change", renderCalls);
  $("only-rejected").addEventListener("change", renderCalls);
  $("lang-toggle").addEventListener("click", () => chooseLanguage(t("otherLanguageCode")));
}

async function main() {
  let saved = null;
  try {
    saved = localStorage.getItem("sotong-sandbox-lang");
  } catch {
    saved = null;
  }
  state.lang = saved || (navigator.language.toLowerCase().startsWith("ko") ? "ko" : "en");
  wire();
  setConnection("connecting");
  const [{ personas }, bot] = await Promise.all([
    api("GET", "/_sandbox/personas"),
    api("GET", "/_sandbox/bot"),
  ]);
  state.personas = personas;
  state.timeZone = bot.time_zone;
  applyLabels();
  connect();
  await loadCalls();
  let key = null;
  try {
    key = sessionStorage.getItem("sotong-sandbox-persona");
  } catch {
    key = null;
  }
  await switchTo(personas.find((persona) => persona.key === key) || personas[0]);
  document.body.dataset.ready = "true";
}

main().catch((error) => {
  console.error(error);
  setConnection("stopped");
});
