//! `address`: an environment variable of a container holds a network
//! address — a URL (`redis://localhost:6379/0`) or `host:port` — whose host
//! and port are compared: any loopback spelling (`localhost`, `127.0.0.1`,
//! `::1`) is localhost, a scheme's default port counts, and a value that
//! merely contains "localhost" or names the wrong port fails.

use serde::Deserialize;

use super::{Found, Miss, any_pod, bad_param, no_container};
use crate::grade::check::CheckError;
use crate::validate::{ContainerView, Node, Rule, Text, Words};

pub(in crate::grade) static ADDRESS: Rule = Rule {
    id: "grade/address",
    summary: Words::new(
        "An environment variable points at the expected host and port",
        "環境変数が期待どおりのホストとポートを指している",
    ),
    help: Words::new(
        "write the address as `host:port` or as a URL such as `redis://localhost:6379`; containers of one Pod reach each other on localhost",
        "アドレスは`host:port`または`redis://localhost:6379`のようなURLで書きます。同じPodのコンテナ同士はlocalhostで通信できます",
    ),
    docs: "https://kubernetes.io/docs/concepts/workloads/pods/#how-pods-manage-multiple-containers",
    ..Rule::GRADING
};

/// The check's parameters.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddressCheck {
    container: String,
    env: String,
    host: String,
    port: Option<u16>,
    /// The port the program uses when the address names none (redis_exporter
    /// reads a bare `localhost` as port 6379).
    #[serde(rename = "defaultPort")]
    default_port: Option<u16>,
    /// The variable may be left out (the program's default applies).
    #[serde(default)]
    optional: bool,
}

/// A parsed address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Address {
    pub host: String,
    pub port: Option<u16>,
}

/// Reads `scheme://user@host:port/path?query`, `host:port`, `[v6]:port` or
/// `host`; the port defaults to the scheme's well-known one.
pub(super) fn parse_address(value: &str) -> Option<Address> {
    let value = value.trim();
    let (scheme, rest) = match value.split_once("://") {
        Some((scheme, rest)) => (Some(scheme.to_ascii_lowercase()), rest),
        None => (None, value),
    };
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let (host, port) = if let Some(bracketed) = authority.strip_prefix('[') {
        let (host, after) = bracketed.split_once(']')?;
        let port = match after.strip_prefix(':') {
            Some(port) => Some(port.parse().ok()?),
            None if after.is_empty() => None,
            None => return None,
        };
        (host.to_string(), port)
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) if !host.contains(':') => {
                (host.to_string(), Some(port.parse().ok()?))
            }
            Some(_) => (authority.to_string(), None),
            None => (authority.to_string(), None),
        }
    };
    if host.is_empty() || host.contains(char::is_whitespace) {
        return None;
    }
    let port = port.or_else(|| scheme.as_deref().and_then(default_port));
    Some(Address {
        host: host.to_ascii_lowercase(),
        port,
    })
}

fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" | "ws" => Some(80),
        "https" | "wss" => Some(443),
        "redis" | "rediss" => Some(6379),
        "postgres" | "postgresql" => Some(5432),
        "mysql" => Some(3306),
        "mongodb" => Some(27017),
        "amqp" => Some(5672),
        "memcache" | "memcached" => Some(11211),
        _ => None,
    }
}

/// `localhost`, `127.x.x.x` and `::1` all reach the Pod itself.
fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host == "::1"
        || host == "0:0:0:0:0:0:0:1"
        || host
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback())
}

impl AddressCheck {
    /// The expected host must itself be an address.
    pub(super) fn validated(self, params: &Node) -> Result<AddressCheck, CheckError> {
        if parse_address(&self.host).is_none() {
            return Err(bad_param(
                params,
                "host",
                format!("`{}` is not a host name or address", self.host),
            ));
        }
        Ok(self)
    }

    fn target(&self) -> String {
        match self.port {
            Some(port) => format!("{}:{port}", self.host),
            None => self.host.clone(),
        }
    }

    pub(super) fn message(&self) -> Text {
        let (c, env, target) = (&self.container, &self.env, self.target());
        if self.optional {
            Text::new(
                format!("If `{c}` sets {env}, it points at {target}"),
                format!("`{c}`が{env}を設定する場合、{target}を指している"),
            )
        } else {
            Text::new(
                format!("`{c}`'s {env} points at {target}"),
                format!("`{c}`の{env}が{target}を指している"),
            )
        }
    }

    pub(super) fn explain(&self) -> Vec<Text> {
        vec![
            Text::new(
                "passes: `host:port` or a URL with that host and port (a scheme's default port counts: redis:// is 6379, and so does the program's own default where the exercise names one); when a variable is listed twice, the last one counts, as in the kubelet; for localhost any loopback spelling: localhost, 127.0.0.1, ::1",
                "合格: そのホストとポートを持つ`host:port`またはURL(スキームの既定ポートも数えます。redis://は6379。演習がプログラム自身の既定ポートを示していればそれも数えます)。同じ変数が2回あるときは、kubeletと同じく後のほうが有効です。localhostならlocalhost、127.0.0.1、::1のいずれでも構いません",
            ),
            Text::new(
                "fails: another host (a Service or container name), another port, a value that only contains the host name, a value from a ConfigMap or Secret (it cannot be read offline)",
                "不合格: 別のホスト(Serviceやコンテナの名前)、別のポート、ホスト名を含むだけの値、ConfigMapやSecretから取る値(オフラインでは読めません)",
            ),
        ]
    }

    fn judge(&self, container: &ContainerView<'_>) -> Found {
        let (name, env) = (container.name(), &self.env);
        let var = container
            .get("env")
            .map(Node::items)
            .unwrap_or_default()
            .iter()
            .rev()
            .find(|v| v.text("name") == Some(env.as_str()));
        let Some(var) = var else {
            if self.optional {
                return Ok(container.pos());
            }
            return Err(Miss::new(
                container.get("env").map_or(container.pos(), |e| e.pos),
                format!("container `{name}` does not set {env}"),
                format!("コンテナ`{name}`に{env}がありません"),
            ));
        };
        let Some(value) = var.present("value") else {
            return Err(Miss::new(
                var.pos,
                format!(
                    "{env} takes its value from elsewhere (valueFrom), which cannot be checked offline: write it as `value`"
                ),
                format!(
                    "{env}の値は別の場所(valueFrom)から取られており、オフラインでは確認できません。`value`で書いてください"
                ),
            ));
        };
        let text = value.as_str().unwrap_or(&value.raw);
        let target = self.target();
        let Some(address) = parse_address(text) else {
            return Err(Miss::new(
                value.pos,
                format!("{env} is `{text}`, which is not an address such as {target}"),
                format!("{env}は`{text}`で、{target}のようなアドレスではありません"),
            ));
        };
        let host_ok = if is_loopback(&self.host.to_ascii_lowercase()) {
            is_loopback(&address.host)
        } else {
            address.host == self.host.to_ascii_lowercase()
        };
        if !host_ok {
            return Err(Miss::new(
                value.pos,
                format!(
                    "{env} points at host `{}`, not `{}`",
                    address.host, self.host
                ),
                format!(
                    "{env}が指すホストは`{}`で、`{}`ではありません",
                    address.host, self.host
                ),
            ));
        }
        match (self.port, address.port.or(self.default_port)) {
            (Some(wanted), actual) if actual != Some(wanted) => Err(Miss::new(
                value.pos,
                match actual {
                    Some(port) => format!("{env} points at port {port}, not {wanted}"),
                    None => {
                        format!("{env} names no port; the program would not know to use {wanted}")
                    }
                },
                match actual {
                    Some(port) => format!("{env}が指すポートは{port}で、{wanted}ではありません"),
                    None => format!("{env}にポートがありません。{wanted}を使うことが伝わりません"),
                },
            )),
            _ => Ok(value.pos),
        }
    }

    pub(super) fn run(&self, objects: &[&Node]) -> Found {
        any_pod(objects, |_, pod| {
            match pod
                .running_containers()
                .find(|c| c.name() == self.container)
            {
                Some(container) => self.judge(container),
                None => Err(no_container(pod, &self.container)),
            }
        })
    }
}
