"""Which fields of a receiver's integrations Alertmanager 0.34 runs as templates, and how.

Each integration (``slack_configs``, ``email_configs`` ...) has a function that
renders its config the way upstream's notifier does: which fields are
templates, which run as html (email ``html:``, a Telegram message in HTML
parse mode, a Pushover message with ``html: true``) and which as text, the
default texts upstream's config loading fills in (``{{ template
"slack.default.title" . }}`` ...: templates of Alertmanager's default.tmpl),
the global settings it falls back on (``smtp_from``, ``opsgenie_api_key``,
``wechat_api_secret``, ``wechat_api_corp_id``), and the values built with
upstream's DeepCopyWithTemplate (webhook ``payload:``, PagerDuty
``details:``, Jira ``fields:``), which are JSON-encoded as upstream sends them.

A rendering keeps the config's shape and key names; a field neither set nor
defaulted is left out, and each field that fails is reported on its own
(upstream stops a notification at the first). Upstream shortens some fields
to a service's limit (a Slack title to 1024 characters ...); a rendering shows
the whole text.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ..errors import TemplateError
from ..gostd.json import MarshalError, marshal
from ..profiles.bundle import Templates
from . import yamlv2
from .errors import ConfigError

__all__ = [
    "INTEGRATIONS",
    "SETTINGS",
    "FieldError",
    "Rendering",
    "field_paths",
    "render_integrations",
    "text_of",
]


@dataclasses.dataclass(frozen=True)
class FieldError:
    """A templated field that failed: where it is and Go's error."""

    receiver: str
    integration: str
    index: int
    field: str
    error: TemplateError
    #: The text that failed (None when it is not one text: a JSON encoding).
    text: str | None = None
    #: The config file's line of that text, or of the integration when the text
    #: is a default.
    line: int | None = None

    @property
    def path(self) -> str:
        """``slack_configs[0].title``."""
        return f"{self.integration}[{self.index}].{self.field}"


@dataclasses.dataclass
class Rendering:
    """A receiver's rendered integrations: ``configs`` in the config's shape,
    ``errors`` the fields that failed, ``encoded`` the JSON bodies upstream
    encodes from rendered values, by field path (``webhook_configs[0].payload``)."""

    configs: dict[str, list[dict[str, Any]]] = dataclasses.field(default_factory=dict)
    errors: list[FieldError] = dataclasses.field(default_factory=list)
    encoded: dict[str, str] = dataclasses.field(default_factory=dict)

    def json(self) -> str:
        """``configs`` as ``gotmpl config render --format json`` prints them: indented
        JSON, each body upstream encodes written as its encoder writes it."""
        return _json(self.configs, "", self.encoded, "") + "\n"


def _json(value: Any, path: str, encoded: Mapping[str, str], indent: str) -> str:
    if path in encoded:
        return encoded[path].rstrip("\n")
    inner = indent + "  "
    if isinstance(value, dict) and value:
        members = (
            f"{inner}{json.dumps(k, ensure_ascii=False)}: "
            + _json(v, f"{path}.{k}" if path else k, encoded, inner)
            for k, v in value.items()
        )
        return "{\n" + ",\n".join(members) + f"\n{indent}}}"
    if isinstance(value, list) and value:
        items = (inner + _json(v, f"{path}[{i}]", encoded, inner) for i, v in enumerate(value))
        return "[\n" + ",\n".join(items) + f"\n{indent}]"
    return json.dumps(value, ensure_ascii=False)


def _default(name: str) -> str:
    return f'{{{{ template "{name}" . }}}}'


@dataclasses.dataclass
class _Fields:
    """Renders the fields of one integration config into ``out``."""

    bundle: Templates
    data: Any
    receiver: str
    integration: str
    index: int
    conf: Mapping[str, Any]
    rendering: Rendering
    out: dict[str, Any] = dataclasses.field(default_factory=dict)
    #: The text a deep copy is rendering, which its failure is said of.
    copying: str | None = None

    def fail(self, field: str, error: TemplateError, text: str | None) -> None:
        line = getattr(text, "line", None) or getattr(self.conf, "line", None)
        self.rendering.errors.append(
            FieldError(self.receiver, self.integration, self.index, field, error, text, line)
        )

    def execute(self, field: str, text: str, html: bool = False) -> str | None:
        """The field's output, or None when it failed (the error is recorded)."""
        try:
            if html:
                return self.bundle.execute_html(text, self.data)
            return self.bundle.execute_text(text, self.data)
        except TemplateError as e:
            self.fail(field, e, text)
            return None

    def put(
        self,
        key: str,
        text: str | None,
        *,
        html: bool = False,
        into: dict[str, Any] | None = None,
        path: str | None = None,
    ) -> None:
        """Renders ``text`` (None: not set, nothing to render) into ``into[key]``."""
        if text is None:
            return
        rendered = self.execute(path or key, text, html)
        if rendered is not None:
            (self.out if into is None else into)[key] = rendered

    def field(self, key: str, default: str | None = None, *, html: bool = False) -> None:
        """A string field of the config, or its default when it is not set."""
        self.put(key, text_of(self.conf, key, default), html=html)

    def fields(self, *keys: str) -> None:
        for key in keys:
            self.field(key)

    def objects(
        self, key: str, *keys: str, skip: Callable[[Mapping[str, Any]], set[str]] | None = None
    ) -> None:
        """The listed fields of each object in the list field ``key``."""
        items = collection(self.conf, key, list)
        if items is None:
            return
        rendered = []
        for i, item in enumerate(items):
            obj = item if isinstance(item, dict) else {}
            dropped = skip(obj) if skip is not None else set()
            out: dict[str, Any] = {}
            for k in keys:
                if k not in dropped:
                    self.put(k, text_of(obj, k), into=out, path=f"{key}[{i}].{k}")
            rendered.append(out)
        self.out[key] = rendered

    def strings(self, key: str, *, template_keys: bool = False) -> None:
        """Each value of a map of strings (and each key, with ``template_keys``)."""
        m = collection(self.conf, key, dict)
        if m is None:
            return
        out: dict[str, Any] = {}
        for k in sorted(m):
            path = f"{key}.{k}"
            name = self.execute(path, k) if template_keys else str(k)
            if name is None:
                continue
            self.put(name, text_of(m, k, ""), into=out, path=path)
        self.out[key] = out

    def nested(self, key: str, sub: str, default: str | None = None) -> None:
        """One string field of an object field (``summary: {template: ...}``); a
        string in place of the object is that field's text, rendered in its place
        (Jira's summary and description take either form)."""
        obj = self.conf.get(key)
        if isinstance(obj, str):
            self.field(key)
            return
        if not isinstance(obj, dict):
            if default is None:
                return
            obj = {}
        out: dict[str, Any] = {}
        self.put(sub, text_of(obj, sub, default), into=out, path=f"{key}.{sub}")
        self.out[key] = out

    def deep_copy(self, key: str, value: Any, *, per_key: bool) -> None:
        """``value`` through DeepCopyWithTemplate (each top-level entry on its own,
        keys untemplated, with ``per_key``), then JSON-encoded as upstream sends it."""
        if per_key:
            out: Any = {}
            for k in sorted(value):
                try:
                    out[k] = deep_copy_with_template(value[k], self._template)
                except TemplateError as e:
                    self.fail(f"{key}.{k}", e, self.copying)
        else:
            try:
                out = deep_copy_with_template(value, self._template)
            except TemplateError as e:
                self.fail(key, e, self.copying)
                return
        try:
            encoded = marshal(out) + "\n"
        except MarshalError as e:
            self.fail(key, TemplateError(str(e)), None)
            return
        self.out[key] = out
        self.rendering.encoded[f"{self.integration}[{self.index}].{key}"] = encoded

    def _template(self, text: str) -> str:
        self.copying = text  # the text a failing deep copy failed on
        return self.bundle.execute_text(text, self.data)


def text_of(conf: Mapping[str, Any], key: str, default: str | None = None) -> str | None:
    """A string field's text: set (its text as written; null is ``""``), else
    ``default``. A list or a map where a string belongs is a ConfigError."""
    if key not in conf:
        return default
    value = conf[key]
    if value is None or (isinstance(value, yamlv2.Scalar) and value.value is None):
        return ""
    if isinstance(value, str):
        return value  # a Scalar keeps its line, for errors
    line = getattr(value, "line", None)
    raise ConfigError(f"cannot unmarshal {yamlv2.kind(value)} into string ({key})", line=line)


def collection(conf: Mapping[str, Any], key: str, kind: type[Any]) -> Any:
    """A list or map field (``kind``): None when not set or null; a value of
    another kind is a ConfigError."""
    value = conf.get(key)
    if value is None or (isinstance(value, yamlv2.Scalar) and value.value is None):
        return None
    if not isinstance(value, kind):
        said = "a list" if kind is list else "a map"
        raise ConfigError(
            f"cannot unmarshal {yamlv2.kind(value)} into {said} ({key})", line=value.line
        )
    return value


def _top_level(m: Any) -> dict[str, Any]:
    """A ``map[string]any`` field (PagerDuty ``details:``, Jira ``fields:``): its
    keys are strings whatever they look like (``1:`` is ``"1"``), its values
    decoded as an ``interface{}``."""
    if not isinstance(m, dict):
        return {}
    return {str(text_of({"k": k}, "k") or ""): yamlv2.value(v) for k, v in m.items()}


def deep_copy_with_template(value: Any, template: Callable[[str], str]) -> Any:
    """Upstream's DeepCopyWithTemplate: strings and map keys rendered, a rendered
    string that YAML reads as something other than a string (a number, a bool,
    null, a list, a map) replaced by that value; map keys that are not strings
    dropped. Maps go in key order (upstream's is random), so when several
    values fail the first in that order is the error."""
    if isinstance(value, str):
        decoded, _ = yamlv2.decode_text(template(value))
        return decoded
    if isinstance(value, list):
        return [deep_copy_with_template(item, template) for item in value]
    if isinstance(value, dict):
        out = {}
        for k in sorted(k for k in value if isinstance(k, str)):
            out[template(k)] = deep_copy_with_template(value[k], template)
        return out
    return value


# -- the integrations -----------------------------------------------------------------


def _email(f: _Fields, global_: Mapping[str, Any]) -> None:
    sender = text_of(f.conf, "from") or text_of(global_, "smtp_from") or ""
    f.put("from", sender)
    f.field("to")
    # Header names are canonical MIME keys; Subject, To and From default.
    given = collection(f.conf, "headers", dict) or {}
    headers = {_canonical_header(k): v for k, v in given.items()}
    headers.setdefault("Subject", _default("email.default.subject"))
    headers.setdefault("To", text_of(f.conf, "to", ""))
    headers.setdefault("From", sender)
    out: dict[str, Any] = {}
    for name in sorted(headers):
        f.put(name, text_of(headers, name, ""), into=out, path=f"headers.{name}")
    f.out["headers"] = out
    f.field("html", _default("email.default.html"), html=True)
    f.field("text")


def _canonical_header(key: str) -> str:
    """Go's textproto.CanonicalMIMEHeaderKey."""
    if any(not (c.isascii() and (c.isalnum() or c in "!#$%&'*+-.^_`|~")) for c in key):
        return key
    return "-".join(part[:1].upper() + part[1:].lower() for part in key.split("-"))


_SLACK_DEFAULTS = (
    ("color", "color"),
    ("username", "username"),
    ("title", "title"),
    ("title_link", "titlelink"),
    ("icon_emoji", "iconemoji"),
    ("icon_url", "iconurl"),
    ("pretext", "pretext"),
    ("text", "text"),
    ("fallback", "fallback"),
    ("callback_id", "callbackid"),
    ("footer", "footer"),
)


def _slack_action_drops(action: Mapping[str, Any]) -> set[str]:
    # Upstream's config loading clears an action's name, value and confirmation
    # when it has a URL.
    return {"name", "value", "confirm"} if text_of(action, "url") else set()


def _slack(f: _Fields, _: Mapping[str, Any]) -> None:
    for key, name in _SLACK_DEFAULTS:
        f.field(key, _default(f"slack.default.{name}"))
    f.fields("channel", "message_text", "image_url", "thumb_url")
    f.objects("fields", "title", "value")
    f.objects("actions", "type", "text", "url", "style", "name", "value", skip=_slack_action_drops)
    actions = f.conf.get("actions")
    if isinstance(actions, list):
        for i, action in enumerate(actions):
            confirm = action.get("confirm") if isinstance(action, dict) else None
            if isinstance(confirm, dict) and "confirm" not in _slack_action_drops(action):
                out: dict[str, Any] = {}
                for k in ("text", "title", "ok_text", "dismiss_text"):
                    f.put(k, text_of(confirm, k), into=out, path=f"actions[{i}].confirm.{k}")
                f.out["actions"][i]["confirm"] = out


_PAGERDUTY_DETAILS = {
    "firing": "{{ .Alerts.Firing | toJson }}",
    "resolved": "{{ .Alerts.Resolved | toJson }}",
    "num_firing": "{{ .Alerts.Firing | len }}",
    "num_resolved": "{{ .Alerts.Resolved | len }}",
}


def _pagerduty(f: _Fields, _: Mapping[str, Any]) -> None:
    client = _default("pagerduty.default.client")
    f.field("description", '{{ template "pagerduty.default.description" .}}')
    f.field("client", client)
    f.field("client_url", _default("pagerduty.default.clientURL"))
    if text_of(f.conf, "service_key"):  # Events API v1
        f.field("service_key")
    else:  # v2: source defaults to client's text, severity to "error"
        f.field("routing_key")
        f.put("source", text_of(f.conf, "source") or text_of(f.conf, "client", client))
        f.put("severity", text_of(f.conf, "severity") or "error")
        f.fields("class", "component", "group")
        f.objects("images", "src", "alt", "href")
        f.objects("links", "href", "text")
    f.deep_copy(
        "details", {**_PAGERDUTY_DETAILS, **_top_level(f.conf.get("details"))}, per_key=True
    )


def _opsgenie(f: _Fields, global_: Mapping[str, Any]) -> None:
    key = text_of(f.conf, "api_key") or text_of(global_, "opsgenie_api_key")
    if key:
        f.put("api_key", key)
    f.field("message", _default("opsgenie.default.message"))
    f.field("description", _default("opsgenie.default.description"))
    f.field("source", _default("opsgenie.default.source"))
    f.fields("tags", "note", "priority", "entity", "actions")
    f.strings("details")
    f.objects("responders", "id", "name", "username", "type")


def _webhook(f: _Fields, _: Mapping[str, Any]) -> None:
    f.field("url")
    payload = yamlv2.value(f.conf.get("payload"))
    if payload is not None:
        f.deep_copy("payload", payload, per_key=False)


def _msteams(f: _Fields, _: Mapping[str, Any]) -> None:
    for key in ("title", "summary", "text"):
        f.field(key, _default(f"msteams.default.{key}"))


def _msteamsv2(f: _Fields, _: Mapping[str, Any]) -> None:
    for key in ("title", "text"):
        f.field(key, _default(f"msteamsv2.default.{key}"))


def _telegram(f: _Fields, _: Mapping[str, Any]) -> None:
    html = text_of(f.conf, "parse_mode", "HTML") == "HTML"
    f.field("message", _default("telegram.default.message"), html=html)


def _discord(f: _Fields, _: Mapping[str, Any]) -> None:
    f.field("title", _default("discord.default.title"))
    f.field("message", _default("discord.default.message"))
    f.field("content")


def _webex(f: _Fields, _: Mapping[str, Any]) -> None:
    f.field("message", _default("webex.default.message"))
    f.field("room_id")


def _pushover(f: _Fields, _: Mapping[str, Any]) -> None:
    f.fields("token", "user_key")
    f.field("title", _default("pushover.default.title"))
    f.field(
        "message",
        _default("pushover.default.message"),
        html=yamlv2.value(f.conf.get("html")) is True,
    )
    f.field("url", _default("pushover.default.url"))
    f.field("url_title")
    f.field("priority", '{{ if eq .Status "firing" }}2{{ else }}0{{ end }}')
    f.fields("device", "sound")


def _victorops(f: _Fields, _: Mapping[str, Any]) -> None:
    f.field("routing_key")
    f.field("message_type", "CRITICAL")
    for key in ("state_message", "entity_display_name", "monitoring_tool"):
        f.field(key, _default(f"victorops.default.{key}"))
    f.strings("custom_fields")


def _sns(f: _Fields, _: Mapping[str, Any]) -> None:
    f.fields("api_url", "topic_arn", "phone_number", "target_arn")
    f.field("subject", _default("sns.default.subject"))
    f.field("message", _default("sns.default.message"))
    f.strings("attributes", template_keys=True)


def _wechat(f: _Fields, global_: Mapping[str, Any]) -> None:
    for key, fallback in (("api_secret", "wechat_api_secret"), ("corp_id", "wechat_api_corp_id")):
        f.put(key, text_of(f.conf, key) or text_of(global_, fallback) or "")
    for key in ("message", "to_user", "to_party", "to_tag", "agent_id"):
        f.field(key, _default(f"wechat.default.{key}"))


def _jira(f: _Fields, _: Mapping[str, Any]) -> None:
    f.field("project")
    f.nested("summary", "template", _default("jira.default.summary"))
    f.nested("description", "template", _default("jira.default.description"))
    f.field("issue_type")
    f.field("priority", _default("jira.default.priority"))
    labels = f.conf.get("labels")
    if isinstance(labels, list):
        out = [
            f.execute(f"labels[{i}]", text_of({"l": x}, "l") or "") for i, x in enumerate(labels)
        ]
        f.out["labels"] = [label for label in out if label is not None]
    fields = f.conf.get("fields")
    if isinstance(fields, dict):
        f.deep_copy("fields", _top_level(fields), per_key=True)


def _incidentio(f: _Fields, _: Mapping[str, Any]) -> None:
    """incident.io's notifier sends the webhook message; it templates nothing."""


def _rocketchat(f: _Fields, _: Mapping[str, Any]) -> None:
    f.field("title", _default("rocketchat.default.title"))
    f.field("title_link", _default("rocketchat.default.titlelink"))
    f.field("text", _default("rocketchat.default.text"))
    f.fields("image_url", "thumb_url")
    f.field("color", '{{ if eq .Status "firing" }}red{{ else }}green{{ end }}')
    f.field("channel")
    f.field("emoji", _default("rocketchat.default.emoji"))
    f.field("icon_url", _default("rocketchat.default.iconurl"))
    f.objects("fields", "title", "value")
    f.objects("actions", "text", "url", "msg")


_MATTERMOST_ATTACHMENT = (
    "fallback",
    "color",
    "pretext",
    "author_name",
    "author_link",
    "author_icon",
    "title",
    "title_link",
    "thumb_url",
    "footer",
    "footer_icon",
    "image_url",
)
_MATTERMOST_DEFAULTS = {
    "fallback": _default("mattermost.default.fallback"),
    "color": _default("mattermost.default.color"),
    "title": _default("mattermost.default.title"),
    "title_link": _default("mattermost.default.titlelink"),
}


def _mattermost(f: _Fields, _: Mapping[str, Any]) -> None:
    f.field("text", _default("mattermost.default.text"))
    f.field("channel")
    f.field("username", _default("mattermost.default.username"))
    f.fields("icon_url", "icon_emoji", "type")
    # priority and props are sent only when their text is not empty.
    for key, sub in (("priority", "priority"), ("props", "card")):
        obj = f.conf.get(key)
        if isinstance(obj, dict) and text_of(obj, sub):
            f.nested(key, sub)
    attachments = f.conf.get("attachments")
    if not (isinstance(attachments, list) and attachments):
        for key in _MATTERMOST_ATTACHMENT:
            f.field(key, _MATTERMOST_DEFAULTS.get(key))
        f.objects("fields", "title", "value")
        return
    rendered = []
    for i, item in enumerate(attachments):
        obj = item if isinstance(item, dict) else {}
        out: dict[str, Any] = {}
        for key in ("text", *_MATTERMOST_ATTACHMENT):
            f.put(key, text_of(obj, key), into=out, path=f"attachments[{i}].{key}")
        fields = obj.get("fields")
        if isinstance(fields, list):
            out["fields"] = []
            for j, field in enumerate(fields):
                fo: dict[str, Any] = {}
                for key in ("title", "value"):
                    text = text_of(field if isinstance(field, dict) else {}, key)
                    f.put(key, text, into=fo, path=f"attachments[{i}].fields[{j}].{key}")
                out["fields"].append(fo)
        rendered.append(out)
    f.out["attachments"] = rendered


#: Each integration's config key and its renderer, in upstream's order.
INTEGRATIONS: dict[str, Callable[[_Fields, Mapping[str, Any]], None]] = {
    "email_configs": _email,
    "slack_configs": _slack,
    "pagerduty_configs": _pagerduty,
    "opsgenie_configs": _opsgenie,
    "webhook_configs": _webhook,
    "msteams_configs": _msteams,
    "msteamsv2_configs": _msteamsv2,
    "telegram_configs": _telegram,
    "discord_configs": _discord,
    "webex_configs": _webex,
    "pushover_configs": _pushover,
    "victorops_configs": _victorops,
    "sns_configs": _sns,
    "wechat_configs": _wechat,
    "jira_configs": _jira,
    "incidentio_configs": _incidentio,
    "rocketchat_configs": _rocketchat,
    "mattermost_configs": _mattermost,
}


# The settings each integration's config accepts (Alertmanager reads configs
# strictly: any other key is an error), beside send_resolved and http_config.
_SETTINGS = {
    "email_configs": "to from hello smarthost auth_username auth_password auth_password_file "
    "auth_secret auth_secret_file auth_identity headers html text require_tls tls_config "
    "force_implicit_tls threading",
    "slack_configs": "api_url api_url_file app_token app_token_file app_url channel username "
    "color title title_link pretext text message_text fields short_fields footer fallback "
    "callback_id icon_emoji icon_url image_url thumb_url link_names mrkdwn_in actions "
    "update_message timeout",
    "pagerduty_configs": "service_key service_key_file routing_key routing_key_file url client "
    "client_url description details images links source severity class component group timeout",
    "opsgenie_configs": "api_key api_key_file api_url message description source details entity "
    "responders actions tags note priority update_alerts",
    "webhook_configs": "url url_file max_alerts timeout payload",
    "msteams_configs": "webhook_url webhook_url_file title summary text",
    "msteamsv2_configs": "webhook_url webhook_url_file title text",
    "telegram_configs": "api_url bot_token bot_token_file chat_id chat_id_file "
    "message_thread_id message disable_notifications parse_mode",
    "discord_configs": "webhook_url webhook_url_file content title message username avatar_url",
    "webex_configs": "api_url message room_id",
    "pushover_configs": "user_key user_key_file token token_file title message url url_title "
    "device sound priority retry expire ttl html monospace",
    "victorops_configs": "api_key api_key_file api_url routing_key message_type state_message "
    "entity_display_name monitoring_tool custom_fields",
    "sns_configs": "api_url sigv4 topic_arn phone_number target_arn subject message attributes "
    "use_aws_http_client",
    "wechat_configs": "api_secret api_secret_file corp_id message api_url to_user to_party "
    "to_tag agent_id message_type",
    "jira_configs": "api_url api_type project summary description labels priority issue_type "
    "reopen_transition resolve_transition wont_fix_resolution reopen_duration fields",
    "incidentio_configs": "url url_file alert_source_token alert_source_token_file max_alerts "
    "timeout",
    "rocketchat_configs": "api_url token_id token_id_file token token_file channel color title "
    "title_link text fields short_fields emoji icon_url image_url thumb_url link_names actions",
    "mattermost_configs": "webhook_url webhook_url_file channel username text fallback color "
    "pretext author_name author_link author_icon title title_link fields thumb_url footer "
    "footer_icon image_url icon_url icon_emoji attachments type props priority",
}

#: The keys each integration's config may have.
SETTINGS: dict[str, frozenset[str]] = {
    key: frozenset(("send_resolved", "http_config", *names.split()))
    for key, names in _SETTINGS.items()
}


def render_integrations(
    bundle: Templates,
    receiver: Mapping[str, Any],
    data: Any,
    global_: Mapping[str, Any] | None = None,
) -> Rendering:
    """Renders every templated field of every integration config in ``receiver``
    (decoded YAML: ``{"slack_configs": [{...}], ...}``) on ``data``."""
    rendering = Rendering()
    name = text_of(receiver, "name") or ""
    for key, render in INTEGRATIONS.items():
        configs = receiver.get(key)
        if not isinstance(configs, list):
            continue
        outs = []
        for index, conf in enumerate(configs):
            conf = conf if isinstance(conf, dict) else {}
            fields = _Fields(bundle, data, name, key, index, conf, rendering)
            render(fields, global_ or {})
            outs.append(fields.out)
        rendering.configs[key] = outs
    return rendering


def field_paths(rendering: Rendering) -> Iterator[tuple[str, Any]]:
    """Each rendered field of a rendering as (path, value), in order."""
    for key, outs in rendering.configs.items():
        for index, out in enumerate(outs):
            yield from _paths(f"{key}[{index}]", out, rendering.encoded)


def _paths(prefix: str, value: Any, encoded: Mapping[str, str]) -> Iterator[tuple[str, Any]]:
    if prefix in encoded:
        yield prefix, encoded[prefix]
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(f"{prefix}.{k}", v, encoded)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(f"{prefix}[{i}]", v, encoded)
    else:
        yield prefix, value
