//! Configuration files of Kubernetes components (the API server's audit
//! policy, the kubelet's configuration, kubeadm's and kind's cluster files):
//! they look like API objects (`apiVersion`, `kind`) but are read from disk
//! by a component, never applied with kubectl, and have no `metadata`. They
//! are recognised by group and kind and named, instead of being taken for
//! custom resources missing a name.

use super::finding::{Finding, Pos, Severity, Text};
use super::rule::{Rule, Words};
use super::schema::group_of;

pub(crate) static COMPONENT_CONFIG: Rule = Rule {
    id: "schema/component-config",
    summary: Words::new(
        "A component's configuration file, not an API object",
        "コンポーネントの設定ファイル(APIオブジェクトではない)",
    ),
    help: Words::new(
        "pass the file to the component (the flag the message names); `kubectl apply` does not accept it",
        "ファイルはコンポーネントに渡します(メッセージにあるフラグ)。`kubectl apply`では適用できません",
    ),
    docs: "https://kubernetes.io/docs/reference/config-api/",
    severity: Severity::Info,
    ..Rule::SCHEMA
};

/// One kind of configuration file: its group and kinds, and what reads it.
struct Component {
    group: &'static str,
    kinds: &'static [&'static str],
    what: (&'static str, &'static str),
}

const COMPONENTS: &[Component] = &[
    Component {
        group: "audit.k8s.io",
        kinds: &["Policy"],
        what: (
            "a kube-apiserver audit policy (--audit-policy-file)",
            "kube-apiserverの監査ポリシー(--audit-policy-file)",
        ),
    },
    Component {
        group: "apiserver.k8s.io",
        kinds: &[
            "EgressSelectorConfiguration",
            "AdmissionConfiguration",
            "TracingConfiguration",
        ],
        what: (
            "a kube-apiserver configuration file (--egress-selector-config-file, --admission-control-config-file or --tracing-config-file)",
            "kube-apiserverの設定ファイル(--egress-selector-config-file、--admission-control-config-file、--tracing-config-file)",
        ),
    },
    Component {
        group: "apiserver.config.k8s.io",
        kinds: &[
            "EncryptionConfiguration",
            "AdmissionConfiguration",
            "AuthenticationConfiguration",
            "AuthorizationConfiguration",
            "TracingConfiguration",
        ],
        what: (
            "a kube-apiserver configuration file (--encryption-provider-config, --authentication-config, --authorization-config, …)",
            "kube-apiserverの設定ファイル(--encryption-provider-config、--authentication-config、--authorization-configなど)",
        ),
    },
    Component {
        group: "kubelet.config.k8s.io",
        kinds: &["KubeletConfiguration", "CredentialProviderConfig"],
        what: (
            "a kubelet configuration file (--config or --image-credential-provider-config)",
            "kubeletの設定ファイル(--configまたは--image-credential-provider-config)",
        ),
    },
    Component {
        group: "kubeproxy.config.k8s.io",
        kinds: &["KubeProxyConfiguration"],
        what: (
            "a kube-proxy configuration file (--config)",
            "kube-proxyの設定ファイル(--config)",
        ),
    },
    Component {
        group: "kubescheduler.config.k8s.io",
        kinds: &["KubeSchedulerConfiguration"],
        what: (
            "a kube-scheduler configuration file (--config)",
            "kube-schedulerの設定ファイル(--config)",
        ),
    },
    Component {
        group: "kubeadm.k8s.io",
        kinds: &[
            "InitConfiguration",
            "ClusterConfiguration",
            "JoinConfiguration",
            "ResetConfiguration",
            "UpgradeConfiguration",
        ],
        what: (
            "a kubeadm configuration file (kubeadm init/join --config)",
            "kubeadmの設定ファイル(kubeadm init/join --config)",
        ),
    },
    Component {
        group: "kind.x-k8s.io",
        kinds: &["Cluster"],
        what: (
            "a kind cluster configuration (kind create cluster --config)",
            "kindのクラスター設定(kind create cluster --config)",
        ),
    },
    Component {
        group: "pod-security.admission.config.k8s.io",
        kinds: &["PodSecurityConfiguration"],
        what: (
            "the Pod Security admission plugin's configuration (inside an AdmissionConfiguration)",
            "Pod Securityアドミッションプラグインの設定(AdmissionConfigurationの中で使います)",
        ),
    },
    Component {
        group: "client.authentication.k8s.io",
        kinds: &["ExecCredential"],
        what: (
            "the output of a kubectl credential plugin",
            "kubectlの認証情報プラグインの出力",
        ),
    },
    Component {
        group: "",
        kinds: &["Config"],
        what: (
            "a kubeconfig file (--kubeconfig or ~/.kube/config)",
            "kubeconfigファイル(--kubeconfigまたは~/.kube/config)",
        ),
    },
];

/// The info finding for a component's configuration file, if this is one.
pub(crate) fn component_config(
    index: usize,
    api_version: &str,
    kind: &str,
    pos: Pos,
) -> Option<Finding> {
    let group = group_of(api_version);
    let component = COMPONENTS
        .iter()
        .find(|c| c.group == group && c.kinds.contains(&kind))?;
    let (en, ja) = component.what;
    Some(Finding::new(
        &COMPONENT_CONFIG,
        index,
        "kind",
        pos,
        Text::new(
            format!("{kind} ({api_version}) is {en}, not an API object: only a component reads it"),
            format!(
                "{kind} ({api_version})は{ja}で、APIオブジェクトではありません。読み込むのはコンポーネントだけです"
            ),
        ),
        Text::new(COMPONENT_CONFIG.help.en, COMPONENT_CONFIG.help.ja),
    ))
}
