/*
 * Relais Indé on the demo portal: a chat bubble that opens Bot Framework Web Chat.
 *
 * The page never sees a secret: it asks its own server for a short-lived token for ONE conversation
 * (POST /api/webchat/token). Offline (no Azure), the token is for the Direct Line endpoint embedded in the bot
 * (/v3/directline); with DIRECT_LINE_SECRET set on the server, it is an Azure Direct Line token.
 */
(function () {
  'use strict';

  /** The signed-in portal user, hard-coded for the demo. A real portal takes it from its session. */
  var PORTAL_USER = {
    name: 'Camille',
    context: { prenom: 'Camille', statut: 'artisan', departement: '14' },
  };

  var STYLE_OPTIONS = {
    accent: '#2360a8',
    backgroundColor: '#f7f9fc',
    // Secondary text (the "Envoyé à …" status, timestamps): Web Chat's default grey (#767676) reaches only 4.3:1 on
    // this background; #5a6572 gives 5.6:1 (WCAG 2.1 AA asks 4.5:1).
    subtle: '#5a6572',
    timestampColor: '#5a6572',
    primaryFont: "'Segoe UI', system-ui, -apple-system, 'DejaVu Sans', Arial, sans-serif",
    bubbleBackground: '#ffffff',
    bubbleBorderColor: '#dbe3ec',
    bubbleBorderRadius: 12,
    bubbleFromUserBackground: '#2360a8',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderColor: '#2360a8',
    bubbleFromUserBorderRadius: 12,
    bubbleMaxWidth: 300,
    botAvatarInitials: 'RI',
    botAvatarBackgroundColor: '#0f2f57',
    userAvatarInitials: 'CM',
    userAvatarBackgroundColor: '#2360a8',
    avatarSize: 32,
    suggestedActionLayout: 'flow',
    suggestedActionBorderRadius: 18,
    suggestedActionBorderColor: '#2360a8',
    suggestedActionTextColor: '#2360a8',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionHeight: 36,
    hideUploadButton: true,
    sendBoxButtonColor: '#2360a8',
    sendBoxHeight: 48,
    cardEmphasisBackgroundColor: '#eef4fb',
  };

  var launcher = document.getElementById('chat-launcher');
  var panel = document.getElementById('chat-panel');
  var container = document.getElementById('webchat');
  var status = panel.querySelector('.chat-panel__status');
  var started = false;

  function showError(message) {
    status.textContent = message;
    status.hidden = false;
  }

  /** Asks the portal's server for a token for a new conversation, passing the user's context. */
  function fetchToken() {
    return fetch('/api/webchat/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { name: PORTAL_USER.name }, context: PORTAL_USER.context }),
    }).then(function (response) {
      if (!response.ok) throw new Error('token ' + response.status);
      return response.json();
    });
  }

  /**
   * Web Chat's store, with a middleware that gives the bot the portal context: every message carries it in
   * `channelData.context`, and, when the server could not deliver it with the token (Azure mode), it is posted
   * as a `context` event as soon as Web Chat is connected.
   */
  function createStore(contextDelivered) {
    return window.WebChat.createStore({}, function (api) {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && !contextDelivered) {
            api.dispatch({
              type: 'WEB_CHAT/SEND_EVENT',
              payload: { name: 'context', value: PORTAL_USER.context },
            });
          }
          if (
            action.type === 'DIRECT_LINE/POST_ACTIVITY' &&
            action.payload &&
            action.payload.activity &&
            action.payload.activity.type === 'message'
          ) {
            var activity = action.payload.activity;
            action = Object.assign({}, action, {
              payload: Object.assign({}, action.payload, {
                activity: Object.assign({}, activity, {
                  channelData: Object.assign({}, activity.channelData, { context: PORTAL_USER.context }),
                }),
              }),
            });
          }
          return next(action);
        };
      };
    });
  }

  function startChat() {
    started = true;
    fetchToken()
      .then(function (session) {
        var directLine =
          session.mode === 'embedded'
            ? window.WebChat.createDirectLine({
                domain: window.location.origin + session.domain,
                token: session.token,
                webSocket: true,
              })
            : window.WebChat.createDirectLine({ token: session.token });
        window.WebChat.renderWebChat(
          {
            directLine: directLine,
            store: createStore(session.contextDelivered === true),
            locale: 'fr-FR',
            username: PORTAL_USER.name,
            styleOptions: STYLE_OPTIONS,
          },
          container,
        );
      })
      .catch(function () {
        started = false;
        showError("L'assistant est momentanément indisponible. Réessayez dans quelques instants.");
      });
  }

  function openChat() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    launcher.setAttribute('aria-label', "Fermer l'assistant Relais Indé");
    status.hidden = true;
    if (!started) startChat();
    var input = container.querySelector('input, textarea');
    if (input) input.focus();
  }

  function closeChat() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-label', "Ouvrir l'assistant Relais Indé");
    launcher.focus();
  }

  launcher.addEventListener('click', function () {
    if (panel.hidden) openChat();
    else closeChat();
  });
  document.querySelectorAll('[data-open-chat]').forEach(function (button) {
    button.addEventListener('click', openChat);
  });
  document.querySelectorAll('[data-close-chat]').forEach(function (button) {
    button.addEventListener('click', closeChat);
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !panel.hidden) closeChat();
  });
})();
