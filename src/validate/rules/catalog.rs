//! The declarations of the API-server rules (`api/…`). Most are the kinds of
//! field error the server itself has (`Required value`, `Invalid value`, …),
//! reported by many checks; a few have ids of their own because lessons and
//! exercises name them.

use crate::validate::rule::{Rule, Words};

const API_CONCEPTS: &str = "https://kubernetes.io/docs/reference/using-api/api-concepts/";

pub(crate) static REQUIRED: Rule = Rule {
    id: "api/required",
    summary: Words::new(
        "A value the API server requires is missing (`Required value`)",
        "APIサーバーが必須とする値がない(`Required value`)",
    ),
    help: Words::new(
        "add the value; the message names the field and, where the server gives one, the reason",
        "値を追加してください。メッセージにはフィールドと、サーバーが示す場合はその理由が書かれています",
    ),
    docs: API_CONCEPTS,
    ..Rule::API
};

pub(crate) static INVALID_VALUE: Rule = Rule {
    id: "api/invalid-value",
    summary: Words::new(
        "A value the API server rejects (`Invalid value`): a bad name, number, quantity, schedule …",
        "APIサーバーが拒否する値(`Invalid value`): 名前、数値、数量、スケジュールなどの誤り",
    ),
    help: Words::new(
        "change the value so it meets the rule the message quotes",
        "メッセージが示す規則を満たすように値を直してください",
    ),
    docs: API_CONCEPTS,
    ..Rule::API
};

pub(crate) static UNSUPPORTED_VALUE: Rule = Rule {
    id: "api/unsupported-value",
    summary: Words::new(
        "A value outside the field's fixed set (`Unsupported value`)",
        "フィールドで決められた値の集合にない値(`Unsupported value`)",
    ),
    help: Words::new(
        "use one of the supported values the message lists; they are case-sensitive",
        "メッセージに並ぶ使用できる値のどれかを使ってください。大文字と小文字は区別されます",
    ),
    docs: API_CONCEPTS,
    ..Rule::API
};

pub(crate) static DUPLICATE_VALUE: Rule = Rule {
    id: "api/duplicate-value",
    summary: Words::new(
        "A value that must be unique appears twice (`Duplicate value`)",
        "一意でなければならない値が重複している(`Duplicate value`)",
    ),
    help: Words::new(
        "rename or remove one of the two: names of containers, volumes and ports must be unique within a Pod",
        "どちらかの名前を変えるか削除してください。コンテナ、ボリューム、ポートの名前はPod内で一意でなければなりません",
    ),
    docs: API_CONCEPTS,
    ..Rule::API
};

pub(crate) static FORBIDDEN: Rule = Rule {
    id: "api/forbidden",
    summary: Words::new(
        "A field that may not be set here, or not together with another (`Forbidden`)",
        "ここでは、あるいは他のフィールドと一緒には設定できないフィールド(`Forbidden`)",
    ),
    help: Words::new(
        "remove the field, or change what the message says it conflicts with",
        "フィールドを削除するか、メッセージが示す競合相手の方を変えてください",
    ),
    docs: API_CONCEPTS,
    ..Rule::API
};

pub(crate) static TOO_MANY: Rule = Rule {
    id: "api/too-many",
    summary: Words::new(
        "A list with more entries than the API allows (`Too many`)",
        "APIが認める数より多くの要素を持つリスト(`Too many`)",
    ),
    help: Words::new(
        "remove entries until the list is within the limit the message names",
        "メッセージが示す上限に収まるまで要素を減らしてください",
    ),
    docs: API_CONCEPTS,
    ..Rule::API
};

pub(crate) static TOO_LONG: Rule = Rule {
    id: "api/too-long",
    summary: Words::new(
        "A value longer than the API server allows (`Too long`)",
        "APIサーバーが許す長さを超える値(`Too long`)",
    ),
    help: Words::new(
        "shorten the value to the limit the message gives",
        "メッセージが示す上限まで値を短くしてください",
    ),
    docs: API_CONCEPTS,
    ..Rule::API
};

pub(crate) static NOT_FOUND: Rule = Rule {
    id: "api/not-found",
    summary: Words::new(
        "A reference to something the object does not define (`Not found`), such as a volume mount without its volume",
        "オブジェクトが定義していないものへの参照(`Not found`)。ボリュームのないボリュームマウントなど",
    ),
    help: Words::new(
        "define what is referred to (a volume under `volumes`, a port name on the container), or fix the name",
        "参照先(`volumes`のボリューム、コンテナのポート名など)を定義するか、名前を直してください",
    ),
    docs: "https://kubernetes.io/docs/concepts/storage/volumes/",
    ..Rule::API
};

pub(crate) static SELECTOR_MISMATCH: Rule = Rule {
    id: "api/selector-mismatch",
    summary: Words::new(
        "A workload's selector does not match its own Pod template's labels",
        "ワークロードのセレクターが自身のPodテンプレートのラベルと一致しない",
    ),
    help: Words::new(
        "make every `selector.matchLabels` pair a label of `template.metadata.labels`; the controller only manages Pods its selector matches",
        "`selector.matchLabels`のすべての組を`template.metadata.labels`のラベルにしてください。コントローラーが管理するのはセレクターに一致するPodだけです",
    ),
    docs: "https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#selector",
    ..Rule::API
};

pub(crate) static WARNING: Rule = Rule {
    id: "api/warning",
    summary: Words::new(
        "A value the API server accepts with a warning and then corrects (a negative terminationGracePeriodSeconds)",
        "APIサーバーが警告付きで受け付け、値を補正するもの(負のterminationGracePeriodSecondsなど)",
    ),
    help: Words::new(
        "write the value you mean; the server would silently use another one",
        "意図した値を書いてください。サーバーは黙って別の値を使います",
    ),
    docs: "https://kubernetes.io/blog/2020/09/03/warnings/",
    ..Rule::API_WARNING
};

pub(crate) static IGNORED_FIELD: Rule = Rule {
    id: "api/ignored-field",
    summary: Words::new(
        "A field the API server ignores, such as a namespace on a cluster-scoped object",
        "APIサーバーが無視するフィールド(クラスタースコープのオブジェクトのnamespaceなど)",
    ),
    help: Words::new(
        "remove the field: it has no effect",
        "効果がないので、フィールドを削除してください",
    ),
    docs: "https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#not-all-objects-are-in-a-namespace",
    ..Rule::API_WARNING
};

pub(crate) static FEATURE_GATE_OFF: Rule = Rule {
    id: "api/feature-gate-off",
    summary: Words::new(
        "A field whose feature gate is off in the chosen release: the API server drops it",
        "指定したリリースでフィーチャーゲートが無効なフィールド(APIサーバーが破棄する)",
    ),
    help: Words::new(
        "remove the field, check for a release that has the gate on (--kube-version), or say that your cluster turns it on (--feature-gates Name=true)",
        "フィールドを削除するか、ゲートが有効なリリースで確認する(--kube-version)か、クラスターでゲートを有効にしているなら--feature-gates Name=trueを指定してください",
    ),
    docs: "https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates/",
    ..Rule::API_WARNING
};

pub(crate) static NODE_PORT_RANGE: Rule = Rule {
    id: "api/node-port-range",
    summary: Words::new(
        "A nodePort outside the default range 30000-32767",
        "既定の範囲30000-32767の外にあるnodePort",
    ),
    help: Words::new(
        "pick a port in 30000-32767, or leave nodePort out to get a free one, unless the cluster's --service-node-port-range differs",
        "クラスターの--service-node-port-rangeが違う場合を除き、30000-32767のポートを選ぶか、nodePortを省略して空きポートを割り当ててもらってください",
    ),
    docs: "https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport",
    ..Rule::API_WARNING
};

pub(crate) static VOLUME_CLAIM_TEMPLATE_NAME: Rule = Rule {
    id: "api/volume-claim-template-name",
    summary: Words::new(
        "A StatefulSet volume claim template whose name cannot become a Pod volume name",
        "Podのボリューム名にできない名前を持つStatefulSetのボリュームクレームテンプレート",
    ),
    help: Words::new(
        "use a lowercase DNS label such as `data`: the API server accepts the StatefulSet, but no Pod could be created",
        "`data`のような小文字のDNSラベルにしてください。APIサーバーはStatefulSetを受け付けますが、Podを作成できません",
    ),
    docs: "https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#volume-claim-templates",
    ..Rule::API_WARNING
};

/// The rules of this layer, for the registry.
pub(crate) static RULES: &[&Rule] = &[
    &REQUIRED,
    &INVALID_VALUE,
    &UNSUPPORTED_VALUE,
    &DUPLICATE_VALUE,
    &FORBIDDEN,
    &TOO_LONG,
    &TOO_MANY,
    &NOT_FOUND,
    &SELECTOR_MISMATCH,
    &WARNING,
    &IGNORED_FIELD,
    &FEATURE_GATE_OFF,
    &super::list_keys::DUPLICATE_LIST_KEY,
    &NODE_PORT_RANGE,
    &VOLUME_CLAIM_TEMPLATE_NAME,
];
